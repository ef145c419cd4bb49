using System.Text.Json.Serialization;

namespace CXoneRanking.Wire;

/// <summary>The ranking body exactly as docs/design.md#ranking-payload puts it: snake_case, these keys only.</summary>
internal sealed class WireRankingPayload
{
    [JsonPropertyName("session_id")] public string SessionId { get; set; } = string.Empty;
    [JsonPropertyName("max_result_window")] public int MaxResultWindow { get; set; }
    [JsonPropertyName("snippets")] public List<WireSnippet> Snippets { get; set; } = [];

    public static WireRankingPayload From(RankingPayload payload) => new()
    {
        SessionId = payload.SessionId,
        MaxResultWindow = payload.MaxResultWindow,
        Snippets = payload.Snippets.Select(s => new WireSnippet
        {
            SnippetId = s.SnippetId,
            FinalScore = s.FinalScore,
            BoostFactor = s.BoostFactor,
            Metadata = new SortedDictionary<string, string>(
                s.Metadata.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                StringComparer.Ordinal),
        }).ToList(),
    };
}

internal sealed class WireSnippet
{
    [JsonPropertyName("snippet_id")] public string SnippetId { get; set; } = string.Empty;
    // The final score goes out under the name the API gives it (docs/design.md, "Names").
    [JsonPropertyName("relevance_score")] public double FinalScore { get; set; }
    [JsonPropertyName("boost_factor")] public double BoostFactor { get; set; }
    [JsonPropertyName("metadata")] public SortedDictionary<string, string> Metadata { get; set; } = new(StringComparer.Ordinal);
}

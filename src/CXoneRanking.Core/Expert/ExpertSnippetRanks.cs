using System.Globalization;
using CXoneRanking.Ranking;

namespace CXoneRanking.Expert;

/// <summary>
/// Turns a tracked Expert search into snippet ranks (docs/expert.md#search), one per result in the
/// site's order: the page id is the snippet id, the site's rank the relevance score, and the
/// metadata carries what a click needs to register its selection (query id, the site's rank and
/// position). The ranks go through New-SnippetRank's rules like any CSV row would.
/// </summary>
public static class ExpertSnippetRanks
{
    public const string QueryIdKey = "expert_query_id";
    public const string PositionKey = "expert_position";
    public const string RankKey = "expert_rank";

    /// <summary>The ranks, and a warning for each result whose rank had to be clamped or that repeated a page.</summary>
    public static IReadOnlyList<SnippetRank> From(ExpertSearch search, string? sessionId, ICollection<string> warnings)
    {
        var ranks = new List<SnippetRank>(search.Results.Count);
        var pages = new HashSet<long>();
        foreach (var result in search.Results)
        {
            // A file result is on a page: the page id could repeat, and a session may not hold an id twice.
            if (!pages.Add(result.PageId))
            {
                warnings.Add($"Result {result.Position} ({result.Type} '{result.Title}') is on page {result.PageId}, "
                    + "which an earlier result already gave; it was left out.");
                continue;
            }
            var relevance = Clamp(result.Rank);
            if (!relevance.Equals(result.Rank))
                warnings.Add($"Result {result.Position} (page {result.PageId}) has the rank {Text(result.Rank)}, outside [0, 1]; "
                    + $"its relevance score is {Text(relevance)}.");
            ranks.Add(new SnippetRank(Metadata(search, result))
            {
                SessionId = sessionId,
                SnippetId = result.PageId.ToString(CultureInfo.InvariantCulture),
                RelevanceScore = relevance,
            });
        }
        return ranks;
    }

    private static Dictionary<string, string> Metadata(ExpertSearch search, ExpertSearchResult result)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["title"] = Cut(result.Title),
            ["path"] = Cut(result.Path),
            ["type"] = Cut(result.Type),
            [QueryIdKey] = search.QueryId.ToString(CultureInfo.InvariantCulture),
            [PositionKey] = result.Position.ToString(CultureInfo.InvariantCulture),
            [RankKey] = Text(result.Rank),
        };
        if (result.Uri is { } uri) metadata["uri"] = Cut(uri.AbsoluteUri);
        if (result.Tags.Count > 0) metadata["tags"] = Cut(string.Join(",", result.Tags));
        return metadata;
    }

    private static double Clamp(double rank) => double.IsNaN(rank) ? 0.0 : Math.Max(0.0, Math.Min(1.0, rank));

    // Metadata values are limited (docs/design.md#limits); a long title is cut rather than failing the session.
    private static string Cut(string text) =>
        text.Length <= SnippetRules.MaxMetadataValueLength ? text : text.Substring(0, SnippetRules.MaxMetadataValueLength);

    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

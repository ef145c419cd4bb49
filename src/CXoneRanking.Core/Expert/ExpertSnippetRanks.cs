using System.Globalization;
using CXoneRanking.Ranking;

namespace CXoneRanking.Expert;

/// <summary>
/// Turns tracked Expert searches into snippet ranks (docs/expert.md#search), one per page in the
/// order the pages were first found: the page id is the snippet id, the site's rank the relevance
/// score, and the metadata carries what a click needs to register its selection (query id, the
/// site's rank and position) and the queries that found the page. Several searches for one session
/// are merged: a page found by more than one keeps its best result (highest site rank, then best
/// position), so a session never holds a snippet twice. The ranks go through New-SnippetRank's
/// rules like any CSV row would.
/// </summary>
public static class ExpertSnippetRanks
{
    public const string QueryIdKey = "expert_query_id";
    public const string PositionKey = "expert_position";
    public const string RankKey = "expert_rank";

    /// <summary>The queries that found the page, as a JSON array of strings (["refund","billing"]).</summary>
    public const string QueriesKey = "expert_queries";

    /// <summary>The ranks, and a warning for each result whose rank had to be clamped or that repeated a page.</summary>
    public static IReadOnlyList<SnippetRank> From(ExpertSearch search, string? sessionId, ICollection<string> warnings) =>
        From([search], sessionId, warnings);

    /// <summary>One session's ranks from several searches, merged one rank per page.</summary>
    public static IReadOnlyList<SnippetRank> From(IReadOnlyList<ExpertSearch> searches, string? sessionId, ICollection<string> warnings)
    {
        var kept = new Dictionary<long, (ExpertSearch Search, ExpertSearchResult Result, List<string> Queries)>();
        var order = new List<long>();
        foreach (var search in searches)
        {
            var pages = new HashSet<long>();
            foreach (var result in search.Results)
            {
                // A file result is on a page: the page id could repeat within one search.
                if (!pages.Add(result.PageId))
                {
                    warnings.Add($"Search '{search.Query}': result {result.Position} ({result.Type} '{result.Title}') is on page "
                        + $"{result.PageId}, which an earlier result already gave; it was left out.");
                    continue;
                }
                if (!kept.TryGetValue(result.PageId, out var best))
                {
                    kept[result.PageId] = (search, result, [search.Query]);
                    order.Add(result.PageId);
                    continue;
                }
                if (!best.Queries.Contains(search.Query, StringComparer.Ordinal)) best.Queries.Add(search.Query);
                if (IsBetter(result, best.Result)) kept[result.PageId] = (search, result, best.Queries);
            }
        }
        return order.Select(page => Rank(kept[page].Search, kept[page].Result, kept[page].Queries, sessionId, warnings)).ToList();
    }

    private static bool IsBetter(ExpertSearchResult candidate, ExpertSearchResult best) =>
        Clamp(candidate.Rank) > Clamp(best.Rank) || (Clamp(candidate.Rank).Equals(Clamp(best.Rank)) && candidate.Position < best.Position);

    private static SnippetRank Rank(
        ExpertSearch search, ExpertSearchResult result, IReadOnlyList<string> queries, string? sessionId, ICollection<string> warnings)
    {
        var relevance = Clamp(result.Rank);
        if (!relevance.Equals(result.Rank))
            warnings.Add($"Search '{search.Query}': result {result.Position} (page {result.PageId}) has the rank {Text(result.Rank)}, "
                + $"outside [0, 1]; its relevance score is {Text(relevance)}.");
        var metadata = Metadata(search, result);
        metadata[QueriesKey] = ExpertQueryList.Json(queries, SnippetRules.MaxMetadataValueLength);
        return new SnippetRank(metadata)
        {
            SessionId = sessionId,
            SnippetId = result.PageId.ToString(CultureInfo.InvariantCulture),
            RelevanceScore = relevance,
        };
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

using System.Globalization;

namespace CXoneRanking.Expert;

/// <summary>
/// The audit entries an imported Expert search becomes (docs/expert.md#what-the-import-writes): one
/// <c>expert.search</c> and one <c>click</c> per selected result, all under a synthetic session id,
/// so that metrics join a search to its clicks the way they join a submission to its clicks.
/// </summary>
internal static class ExpertAuditEntries
{
    /// <summary>The session id every entry of an imported search carries.</summary>
    public static string SessionIdOf(long queryId) => "expert-query-" + queryId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The search: <c>snippet_count</c> is how many results the agent was shown, which the log does
    /// not say: the smaller of the results that matched and the window the site shows.
    /// </summary>
    public static AuditEntry Search(ExpertLoggedQuery query, int shownResults)
    {
        var matched = query.ResultCount ?? 0;
        return new AuditEntry(AuditEvent.ExpertSearch, query.SearchedAt)
        {
            SessionId = SessionIdOf(query.QueryId),
            ExpertQueryId = query.QueryId,
            ExpertTerms = query.SortedTerms,
            ExpertResultCount = query.ResultCount,
            SnippetCount = Math.Max(0, Math.Min(matched, shownResults)),
        };
    }

    /// <summary>
    /// A selected result as a click on its page. Position 0 means the site did not track where it
    /// was shown: the click counts, but with no position (so it adds to clicks, not to any position
    /// or to mean reciprocal rank). A selection without a time takes its search's time.
    /// </summary>
    public static AuditEntry Click(ExpertLoggedQuery query, ExpertSelectedResult selection) =>
        new(AuditEvent.Click, selection.SelectedAt ?? query.SearchedAt)
        {
            SessionId = SessionIdOf(query.QueryId),
            SnippetId = selection.PageId.ToString(CultureInfo.InvariantCulture),
            RankPosition = selection.Position >= 1 ? selection.Position : null,
            ExpertQueryId = query.QueryId,
            ExpertRank = selection.Rank is { } rank && !double.IsNaN(rank) && !double.IsInfinity(rank) ? rank : null,
        };
}

using CXoneRanking.Expert;

namespace CXoneRanking.Audit.Tests.Expert;

/// <summary>
/// A site's search log with impossible dates (the hostile review's F4): what lies outside the range
/// asked for, and a selection made before its own search, stay out of the audit log, counted and explained.
/// </summary>
public sealed class ExpertImportDateTests
{
    [Fact]
    public async Task Searches_outside_the_range_asked_for_are_ignored_with_a_reason()
    {
        using var dir = new TempDirectory();
        var reasons = new List<string>();
        var log = new[]
        {
            At(50, DateTimeOffset.MinValue), At(51, DateTimeOffset.MaxValue.AddTicks(-(DateTimeOffset.MaxValue.Ticks % TimeSpan.TicksPerSecond))),
            At(52, ExpertLogs.Range.Before!.Value), ExpertLogs.Query(53, 2),
        };

        var summary = await new ExpertSearchLogImport(new AuditLogWriter(dir.Path)) { Ignoring = reasons.Add }
            .ImportAsync(ExpertLogs.Stream(log), ExpertLogs.Range);

        Assert.Equal((1L, 3L, 1L), (summary.Searches, summary.Ignored, summary.EntriesWritten));
        Assert.Equal(["expert-query-53"], ExpertLogs.Read(dir.Path).Select(e => e.SessionId));
        Assert.Equal(3, reasons.Count);
        Assert.All(reasons, reason => Assert.Contains("outside the range", reason));
        Assert.Contains("query 50", reasons[0]);
    }

    [Fact]
    public async Task A_selection_dated_before_its_search_is_ignored_and_the_others_kept()
    {
        using var dir = new TempDirectory();
        var reasons = new List<string>();
        var query = ExpertLogs.Query(7, 4, (101, 1, 0.9), (102, 2, 0.8));
        var early = new ExpertSelectedResult { PageId = 103, Position = 3, SelectedAt = query.SearchedAt.AddYears(-6) };
        var log = new ExpertLoggedQuery
        {
            QueryId = query.QueryId, SearchedAt = query.SearchedAt, SortedTerms = query.SortedTerms, ResultCount = query.ResultCount,
            Selections = [.. query.Selections, early],
        };

        var summary = await new ExpertSearchLogImport(new AuditLogWriter(dir.Path)) { Ignoring = reasons.Add }
            .ImportAsync(ExpertLogs.Stream([log]), ExpertLogs.Range);

        Assert.Equal((1L, 2L, 1L), (summary.Searches, summary.Clicks, summary.Ignored));
        Assert.DoesNotContain(ExpertLogs.Read(dir.Path), e => e.SnippetId == "103");
        Assert.Contains("before its search", Assert.Single(reasons));
    }

    private static ExpertLoggedQuery At(long id, DateTimeOffset searchedAt) => new()
    {
        QueryId = id, SearchedAt = searchedAt, SortedTerms = "refund", ResultCount = 1,
    };
}

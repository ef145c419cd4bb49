using CXoneRanking.Expert;

namespace CXoneRanking.Audit.Tests.Expert;

/// <summary>Import-CXoneExpertSearchLog's Core: what each search becomes, and that importing again adds nothing.</summary>
public class ExpertSearchLogImportTests
{
    [Fact]
    public void A_search_becomes_an_expert_search_entry_and_each_selection_a_click_in_the_same_session()
    {
        using var dir = new TempDirectory();

        var summary = ExpertLogs.Import(dir.Path, [ExpertLogs.Query(7, 4, (101, 1, 0.9), (103, 3, 0.6))]);

        Assert.Equal((1L, 2L, 0L, 3L), (summary.Searches, summary.Clicks, summary.Skipped, summary.EntriesWritten));
        var entries = ExpertLogs.Read(dir.Path);
        var search = entries[0];
        Assert.Equal((AuditEvent.ExpertSearch, "expert-query-7", 7L, "refund", 4, 4),
            (search.Event, search.SessionId, search.ExpertQueryId, search.ExpertTerms, search.ExpertResultCount, search.SnippetCount));
        Assert.Equal(ExpertLogs.T0.AddMinutes(7), search.Timestamp);
        Assert.Equal([("click", "expert-query-7", "101", 1, 0.9), ("click", "expert-query-7", "103", 3, 0.6)],
            entries.Skip(1).Select(c => (c.Event, c.SessionId!, c.SnippetId!, c.RankPosition!.Value, c.ExpertRank!.Value)));
        Assert.All(entries.Skip(1), c => Assert.Equal(ExpertLogs.T0.AddMinutes(7).AddSeconds(30), c.Timestamp));
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }

    [Fact]
    public async Task Shown_results_are_the_smaller_of_the_matches_and_the_window()
    {
        using var dir = new TempDirectory();

        await new ExpertSearchLogImport(new AuditLogWriter(dir.Path)) { ShownResults = 5 }
            .ImportAsync(ExpertLogs.Stream([ExpertLogs.Query(1, 12), ExpertLogs.Query(2, 3), ExpertLogs.Query(3, 0)]), ExpertLogs.Range);

        Assert.Equal([5, 3, 0], ExpertLogs.Read(dir.Path).Select(e => e.SnippetCount!.Value));
    }

    [Fact]
    public void An_untracked_selection_is_a_click_without_a_position()
    {
        using var dir = new TempDirectory();

        var summary = ExpertLogs.Import(dir.Path, [ExpertLogs.Query(4, 2, (102, 0, 0.5))]);

        Assert.Equal((1L, 1L), (summary.Clicks, summary.UntrackedClicks));
        var click = ExpertLogs.Read(dir.Path).Single(e => e.Event == AuditEvent.Click);
        Assert.Null(click.RankPosition);
        Assert.Equal("102", click.SnippetId);
    }

    [Fact]
    public void Importing_the_same_range_twice_adds_nothing()
    {
        using var dir = new TempDirectory();
        var log = Enumerable.Range(1, 2500).Select(i => ExpertLogs.Query(i, 10, (100 + i % 30, 1 + i % 4, 0.5))).ToList();

        var first = ExpertLogs.Import(dir.Path, log, batchSize: 700);
        var lines = Entries.AllLines(dir.Path);
        var second = ExpertLogs.Import(dir.Path, log, batchSize: 700);

        Assert.Equal((2500L, 2500L, 0L), (first.Searches, first.Clicks, first.Skipped));
        Assert.Equal((0L, 0L, 2500L, 0L), (second.Searches, second.Clicks, second.Skipped, second.EntriesWritten));
        Assert.Equal(lines, Entries.AllLines(dir.Path));
    }

    [Fact]
    public void Only_searches_not_yet_in_the_log_are_added_when_a_range_overlaps_an_earlier_one()
    {
        using var dir = new TempDirectory();
        ExpertLogs.Import(dir.Path, [ExpertLogs.Query(1, 3), ExpertLogs.Query(2, 3, (101, 1, 0.9))]);

        var summary = ExpertLogs.Import(dir.Path, [ExpertLogs.Query(2, 3, (101, 1, 0.9)), ExpertLogs.Query(3, 3, (102, 2, 0.4))]);

        Assert.Equal((1L, 1L, 1L), (summary.Searches, summary.Clicks, summary.Skipped));
        var searches = ExpertLogs.Read(dir.Path).Where(e => e.Event == AuditEvent.ExpertSearch).Select(e => e.ExpertQueryId!.Value);
        Assert.Equal([1L, 2L, 3L], searches);
    }

    [Fact]
    public void A_search_already_clicked_through_Add_SnippetClick_Expert_is_not_imported_again()
    {
        using var dir = new TempDirectory();
        var click = AuditEntry.Click("call-7", "101", 1, ExpertLogs.T0);
        click.ExpertQueryId = 9;
        new AuditLogWriter(dir.Path).Append(click);

        var summary = ExpertLogs.Import(dir.Path, [ExpertLogs.Query(9, 4, (101, 3, 0.7))]);

        // Its selections are the clicks the session already recorded: none is added again.
        Assert.Equal((0L, 0L, 1L), (summary.Searches, summary.Clicks, summary.Skipped));
    }

    [Fact]
    public void A_selection_made_after_its_search_was_imported_is_imported_by_the_next_run_once()
    {
        using var dir = new TempDirectory();
        ExpertLogs.Import(dir.Path, [ExpertLogs.Query(7, 4)]);
        var later = ExpertLogs.Query(7, 4, (101, 2, 0.8));

        var second = ExpertLogs.Import(dir.Path, [later]);
        var lines = Entries.AllLines(dir.Path);
        var third = ExpertLogs.Import(dir.Path, [later]);

        Assert.Equal((0L, 1L, 1L, 1L), (second.Searches, second.Clicks, second.Skipped, second.EntriesWritten));
        Assert.Equal((0L, 0L, 1L, 0L), (third.Searches, third.Clicks, third.Skipped, third.EntriesWritten));
        Assert.Equal(lines, Entries.AllLines(dir.Path));
        var entries = ExpertLogs.Read(dir.Path);
        Assert.Single(entries, e => e.Event == AuditEvent.ExpertSearch);
        var click = Assert.Single(entries, e => e.Event == AuditEvent.Click);
        Assert.Equal(("expert-query-7", "101", 2, 7L), (click.SessionId, click.SnippetId, click.RankPosition!.Value, click.ExpertQueryId!.Value));
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }

    [Fact]
    public void Only_the_new_selections_of_a_known_search_are_added_and_identical_ones_keep_their_count()
    {
        using var dir = new TempDirectory();
        var twice = ExpertLogs.Query(3, 5, (101, 1, 0.9), (101, 1, 0.9));
        ExpertLogs.Import(dir.Path, [twice]);
        var more = ExpertLogs.Query(3, 5, (101, 1, 0.9), (101, 1, 0.9), (102, 2, 0.7));

        var second = ExpertLogs.Import(dir.Path, [more]);
        var third = ExpertLogs.Import(dir.Path, [more]);

        Assert.Equal((1L, 0L), (second.Clicks, third.Clicks));
        Assert.Equal(["101", "101", "102"], ExpertLogs.Read(dir.Path).Where(e => e.Event == AuditEvent.Click).Select(e => e.SnippetId!));
    }

    [Fact]
    public async Task A_preview_reports_what_would_be_imported_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        ExpertLogs.Import(dir.Path, [ExpertLogs.Query(1, 3)]);
        var lines = Entries.AllLines(dir.Path);

        var preview = await new ExpertSearchLogImport(new AuditLogWriter(dir.Path)) { WhatIf = true }.ImportAsync(
            ExpertLogs.Stream([ExpertLogs.Query(1, 3, (101, 1, 0.9)), ExpertLogs.Query(2, 3, (102, 2, 0.5))]), ExpertLogs.Range);

        Assert.Equal((1L, 2L, 1L, 0L, true), (preview.Searches, preview.Clicks, preview.Skipped, preview.EntriesWritten, preview.WhatIf));
        Assert.Equal(lines, Entries.AllLines(dir.Path));
    }

    [Fact]
    public void The_same_query_twice_in_one_read_is_imported_once()
    {
        using var dir = new TempDirectory();

        var summary = ExpertLogs.Import(dir.Path, [ExpertLogs.Query(5, 2), ExpertLogs.Query(5, 2)]);

        Assert.Equal((1L, 1L), (summary.Searches, summary.Skipped));
    }

    [Fact]
    public async Task What_was_read_before_a_failure_is_written_and_a_rerun_goes_on_from_it()
    {
        using var dir = new TempDirectory();
        var import = new ExpertSearchLogImport(new AuditLogWriter(dir.Path)) { BatchSize = 10 };

        var failure = await Assert.ThrowsAsync<ExpertApiException>(() =>
            import.ImportAsync(Failing(ExpertLogs.Query(1, 2), ExpertLogs.Query(2, 2)), ExpertLogs.Range));
        var rerun = ExpertLogs.Import(dir.Path, [ExpertLogs.Query(1, 2), ExpertLogs.Query(2, 2), ExpertLogs.Query(3, 2)]);

        Assert.Equal(ExpertFailure.ServerError, failure.Failure);
        Assert.Equal((1L, 2L), (rerun.Searches, rerun.Skipped));
    }

    private static async IAsyncEnumerable<ExpertLoggedQuery> Failing(params ExpertLoggedQuery[] before)
    {
        foreach (var query in before)
        {
            await Task.Yield();
            yield return query;
        }
        throw new ExpertApiException("The site answered 503 on every attempt.", ExpertFailure.ServerError, 503);
    }
}

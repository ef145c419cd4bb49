using System.Globalization;
using CXoneRanking.Audit;

namespace CXoneRanking.Expert;

/// <summary>
/// Appends an Expert site's search log to the audit log (docs/expert.md#import): one
/// <c>expert.search</c> entry per search and one <c>click</c> per selected result, in batches,
/// in the same hash chain as everything else. Idempotent: a search whose query id is already in
/// the log is not written again, but the selections it gained since it was imported are (once
/// each); one clicked through Add-SnippetClick -Expert is left to its session (see
/// <see cref="ExpertImportedQueries"/>). What the log holds is read in one streaming pass before writing.
/// </summary>
public sealed class ExpertSearchLogImport
{
    public const int DefaultShownResults = 10;
    public const int DefaultBatchSize = 1000;

    public ExpertSearchLogImport(AuditLogWriter writer) => Writer = writer ?? throw new ArgumentNullException(nameof(writer));

    public AuditLogWriter Writer { get; }

    /// <summary>How many results the site shows per search: a search's impressions are min(matched, this).</summary>
    public int ShownResults { get; init; } = DefaultShownResults;

    /// <summary>Entries appended per write (each write takes the directory lock once).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// Told why each search or selection with an impossible date was left out (Import-CXoneExpertSearchLog's
    /// Verbose lines); called on the reading thread.
    /// </summary>
    public Action<string>? Ignoring { get; init; }

    /// <summary>Reads and counts everything, writes nothing: the summary says what an import would add.</summary>
    public bool WhatIf { get; init; }

    /// <summary>Reads the connection's search log for <paramref name="range"/> (every page) and imports it.</summary>
    public Task<ExpertImportSummary> ImportAsync(ExpertConnection connection, ExpertSearchLogRange range,
        IProgress<ExpertImportSummary>? progress = null, CancellationToken cancellationToken = default)
    {
        var fixedRange = range.Resolve(connection.Settings.Time);
        return ImportAsync(connection.ReadSearchLogAsync(fixedRange, cancellationToken), fixedRange, progress, cancellationToken);
    }

    /// <summary>
    /// Imports <paramref name="queries"/> dated inside <paramref name="range"/> (a site may answer with
    /// searches outside the range it was asked for; they are counted in Ignored, never written). Entries already
    /// appended stay appended when reading fails or is cancelled part-way: re-running skips them.
    /// </summary>
    public async Task<ExpertImportSummary> ImportAsync(IAsyncEnumerable<ExpertLoggedQuery> queries, ExpertSearchLogRange range,
        IProgress<ExpertImportSummary>? progress = null, CancellationToken cancellationToken = default)
    {
        if (ShownResults < 1) throw new ArgumentOutOfRangeException(nameof(ShownResults), ShownResults, "At least one result is shown.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "A batch holds at least one entry.");
        var known = ExpertImportedQueries.Read(Writer.Options.Directory, cancellationToken);
        var summary = new ExpertImportSummary { Since = range.Since, Until = range.Before, AuditPath = Writer.Options.Directory, WhatIf = WhatIf };
        var batch = new List<AuditEntry>(BatchSize);
        try
        {
            await foreach (var query in queries.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (!IsInside(query, range, summary)) continue;
                var isNew = !known.Contains(query.QueryId);
                var clicks = known.Add(query.QueryId,
                    Selections(query, summary).Select(selection => ExpertAuditEntries.Click(query, selection)));
                if (isNew)
                {
                    batch.Add(ExpertAuditEntries.Search(query, ShownResults));
                    summary.Searches++;
                }
                else
                {
                    summary.NoteSkipped(query);
                }
                batch.AddRange(clicks);
                summary.Clicks += clicks.Count;
                summary.UntrackedClicks += clicks.Count(click => click.RankPosition is null);
                // A search and its clicks go into one batch, so a failure never splits them.
                if (batch.Count >= BatchSize) Flush(batch, summary, progress);
            }
        }
        finally
        {
            // What was read before a failure or Ctrl+C is still written: the import resumes from it.
            Flush(batch, summary, progress);
        }
        return summary;
    }

    // The hash-chained log is permanent: a search the site dated outside the range asked for (year 1,
    // year 9999) would stay in it for good and stretch every report's range.
    private bool IsInside(ExpertLoggedQuery query, ExpertSearchLogRange range, ExpertImportSummary summary)
    {
        if ((range.Since is not { } since || query.SearchedAt >= since) && (range.Before is not { } before || query.SearchedAt < before))
            return true;
        Ignore(summary, string.Format(CultureInfo.InvariantCulture,
            "Search log query {0} was left out: dated {1:u}, outside the range asked for ({2:u} to {3:u}).",
            query.QueryId, query.SearchedAt, range.Since, range.Before));
        return false;
    }

    // A result cannot be selected before it was found: such a click would fall outside its search's range in every report.
    private IEnumerable<ExpertSelectedResult> Selections(ExpertLoggedQuery query, ExpertImportSummary summary)
    {
        foreach (var selection in query.Selections)
        {
            if (selection.SelectedAt is not { } at || at >= query.SearchedAt)
            {
                yield return selection;
                continue;
            }
            Ignore(summary, string.Format(CultureInfo.InvariantCulture,
                "Search log query {0}: the selection of page {1} was left out: dated {2:u}, before its search ({3:u}).",
                query.QueryId, selection.PageId, at, query.SearchedAt));
        }
    }

    private void Ignore(ExpertImportSummary summary, string reason)
    {
        summary.Ignored++;
        Ignoring?.Invoke(reason);
    }

    // A batch is tried once: one that could not be written (the writer leaves none of it behind)
    // is dropped, not tried again by the finally above; its searches are imported by a re-run.
    private void Flush(List<AuditEntry> batch, ExpertImportSummary summary, IProgress<ExpertImportSummary>? progress)
    {
        if (batch.Count == 0) return;
        try
        {
            if (!WhatIf)
            {
                Writer.Append(batch, CancellationToken.None);
                summary.EntriesWritten += batch.Count;
            }
        }
        finally
        {
            batch.Clear();
        }
        progress?.Report(summary.Copy());
    }
}

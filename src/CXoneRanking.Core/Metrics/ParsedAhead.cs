using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CXoneRanking.Audit;

namespace CXoneRanking.Metrics;

/// <summary>
/// Reads a log's entries on a second thread while the caller folds them on its own (the two cores each do half the
/// work: parsing the lines, and the metrics' fold), in order, in batches, at most a few batches ahead so memory stays
/// bounded. Progress is handed to the caller's thread (a cmdlet may only write progress from the pipeline thread), and
/// an exception of the reading thread is thrown on the caller's, as if it had read the entries itself.
/// </summary>
internal static class ParsedAhead
{
    private const int BatchSize = 512, BatchesAhead = 16;

    /// <summary>Each entry of <paramref name="reader"/> with the UTC day of its file, read ahead on another thread.</summary>
    public static IEnumerable<KeyValuePair<DateTime, AuditEntry>> Entries(AuditLogReader reader, CancellationToken cancellationToken,
        IProgress<AuditReadProgress>? progress)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<KeyValuePair<DateTime, AuditEntry>[]>(BatchesAhead);
        var latest = new LatestProgress();
        ExceptionDispatchInfo? failed = null;
        var reading = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<KeyValuePair<DateTime, AuditEntry>>(BatchSize);
                foreach (var entry in reader.ReadEntries(stopping.Token, progress is null ? null : latest))
                {
                    batch.Add(new(reader.FileDay!.Value, entry));
                    if (batch.Count < BatchSize) continue;
                    batches.Add(batch.ToArray(), stopping.Token);
                    batch.Clear();
                }
                if (batch.Count > 0) batches.Add(batch.ToArray(), stopping.Token);
            }
            catch (Exception e)
            {
                failed = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                batches.CompleteAdding();
            }
        }, stopping.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(stopping.Token))
            {
                latest.ReportTo(progress);
                foreach (var pair in batch) yield return pair;
            }
        }
        finally
        {
            // The caller stopped early or failed: stop the reading thread too, and wait for it.
            stopping.Cancel();
            try { reading.Wait(CancellationToken.None); }
            catch (AggregateException) { }
        }
        latest.ReportTo(progress);
        if (failed is not null && !(failed.SourceException is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            failed.Throw();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed class LatestProgress : IProgress<AuditReadProgress>
    {
        private AuditReadProgress? _latest, _reported;

        public void Report(AuditReadProgress value) => Volatile.Write(ref _latest, value);

        public void ReportTo(IProgress<AuditReadProgress>? progress)
        {
            var latest = Volatile.Read(ref _latest);
            if (progress is null || latest is null || ReferenceEquals(latest, _reported)) return;
            _reported = latest;
            progress.Report(latest);
        }
    }
}

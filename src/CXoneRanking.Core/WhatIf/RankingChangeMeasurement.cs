using System.Globalization;
using CXoneRanking.Audit;
using CXoneRanking.Metrics;
using CXoneRanking.Ranking;

namespace CXoneRanking.WhatIf;

/// <summary>
/// Measure-RankingChange's work, in two steps the cmdlet runs apart (docs/what-if.md#the-loop-suggest-estimate-confirm):
/// <see cref="Read"/> takes the logged showings from the log as it streams past; <see cref="Estimate"/> re-ranks each
/// showing's candidates with the proposal through the same engine (<see cref="LoggedRanking.Replay"/>: the proposed rules,
/// the given or logged window, the logged overflow and normalization) and hands the pairs of lists to the estimator.
/// </summary>
public sealed class RankingChangeMeasurement(IReadOnlyList<BoostDirective> proposed, RankingMetricsFilter filter)
{
    /// <summary>Fewer resamples than this give intervals whose 2.5% and 97.5% points are hardly resamples at all.</summary>
    public const int MinResamples = 20;

    public const int MaxResamples = 100_000;

    // How many showings are re-ranked between two looks at the cancellation and two progress reports.
    private const int Stride = 512;

    private readonly IReadOnlyList<BoostDirective> _proposed = proposed ?? [];
    private readonly LoggedShowingReader _reader = new(filter);

    /// <summary>The window of every proposed ranking; null keeps each session's logged window.</summary>
    public int? MaxResultWindow { get; init; }

    /// <summary>The InvalidDirective issues of a proposal, worded as Test-RankingPayload words them.</summary>
    public static IReadOnlyList<RankingIssue> DirectiveProblems(IEnumerable<BoostDirective> directives) =>
        DirectiveIssues.Find(directives ?? []).ToList();

    /// <summary>For <see cref="AuditLogReader.CandidatesFor"/>: which entries' candidates the reading needs.</summary>
    public bool WantsCandidates(AuditEntry entry) => _reader.WantsCandidates(entry);

    /// <summary>Takes one entry, in file order (for a caller that tees the entries to other readers).</summary>
    public void Add(AuditEntry entry) => _reader.Add(entry);

    /// <summary>The showings of the entries added so far.</summary>
    public LoggedShowings Result() => _reader.Result();

    /// <summary>Reads the log's showings in range; call once.</summary>
    public LoggedShowings Read(IEnumerable<AuditEntry> entries) => _reader.Read(entries);

    /// <summary>Re-ranks every showing with the proposal and estimates; <paramref name="settings"/> notes come first in the result's Note.</summary>
    public RankingChangeEstimate Estimate(LoggedShowings logged, WhatIfSettings settings, CancellationToken cancellationToken,
        IProgress<RankingChangeProgress>? progress = null)
    {
        var showings = Propose(logged.Showings, cancellationToken, progress);
        var estimating = new WhatIfSettings
        {
            Resamples = settings.Resamples,
            Seed = settings.Seed,
            Notes = [.. settings.Notes, .. Notes(logged)],
        };
        var resamples = progress is null ? null : new Resamples(progress, settings.Resamples);
        return RankingChangeEstimator.Estimate(showings, estimating, cancellationToken, resamples);
    }

    // The engine is a pure function of a session's candidates and options: the showings are re-ranked in parallel, in
    // chunks, each into its own slot, so the order (and so the estimate) is the same whatever the machine.
    private WhatIfShowing[] Propose(IReadOnlyList<LoggedShowing> logged, CancellationToken cancellationToken,
        IProgress<RankingChangeProgress>? progress)
    {
        var showings = new WhatIfShowing[logged.Count];
        var done = 0;
        var chunks = (logged.Count + Stride - 1) / Stride;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, chunk =>
        {
            var end = Math.Min(logged.Count, (chunk + 1) * Stride);
            for (var i = chunk * Stride; i < end; i++) showings[i] = Propose(logged[i]);
            var sofar = Interlocked.Add(ref done, end - chunk * Stride);
            progress?.Report(new RankingChangeProgress(RankingChangeStage.ReRanking, sofar, logged.Count));
        });
        return showings;
    }

    private WhatIfShowing Propose(LoggedShowing showing)
    {
        var ranking = showing.Ranking.Replay(showing.Ranking.OptionsWith(_proposed, MaxResultWindow));
        // An invalid session (every candidate excluded, say) would show nothing under the proposal.
        return showing.ToWhatIf(ranking.Payload is { } payload ? payload.Snippets.Select(s => s.SnippetId).ToList() : []);
    }

    /// <summary>What was left out, and why, as sentences for the result's Note.</summary>
    internal static IEnumerable<string> Notes(LoggedShowings logged)
    {
        if (logged.WithoutCandidates > 0)
            yield return string.Format(CultureInfo.InvariantCulture,
                "{0} showing{1} logged before candidates were recorded {2} left out.", logged.WithoutCandidates,
                logged.WithoutCandidates == 1 ? "" : "s", logged.WithoutCandidates == 1 ? "was" : "were");
        if (logged.ExpertSearches > 0)
            yield return string.Format(CultureInfo.InvariantCulture,
                "{0} imported Expert search{1} {2} left out: a search log records no candidates to re-rank.", logged.ExpertSearches,
                logged.ExpertSearches == 1 ? "" : "es", logged.ExpertSearches == 1 ? "was" : "were");
    }

    // The estimator counts resamples done; the cmdlet's bar wants the stage and the total too.
    private sealed class Resamples(IProgress<RankingChangeProgress> progress, int total) : IProgress<int>
    {
        public void Report(int value) => progress.Report(new RankingChangeProgress(RankingChangeStage.Resampling, value, total));
    }
}

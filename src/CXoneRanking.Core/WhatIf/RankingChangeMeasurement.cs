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

    /// <summary>
    /// True: each showing is re-ranked with its logged rules followed by the proposed ones ("what if I add these");
    /// false: the proposed rules replace the logged ones.
    /// </summary>
    public bool KeepLoggedRules { get; init; }

    /// <summary>The rules files the proposal was read from, in order, for the result; empty for rules given as objects.</summary>
    public IReadOnlyList<string> DirectiveFiles { get; init; } = [];

    /// <summary>
    /// After <see cref="Estimate"/>: what the proposal does that its author may not have meant (no rule, rules in force
    /// dropped, rules matching nothing), as sentences also in the result's Note; for the caller's warnings.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

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
        var matched = new int[_proposed.Count];
        var notKept = 0;
        var showings = Propose(logged.Showings, matched, ref notKept, cancellationToken, progress);
        Warnings = ProposalWarnings(logged.Showings, matched, notKept).ToList();
        var estimating = new WhatIfSettings
        {
            Resamples = settings.Resamples,
            Seed = settings.Seed,
            Notes = [.. settings.Notes, .. Notes(logged), .. Warnings],
            // A showing logged without rules counts as the empty set, which is one set too.
            LoggedRuleSets = logged.Showings.Select(s => s.Ranking.DirectiveSetHash ?? string.Empty).Distinct().Count(),
        };
        var resamples = progress is null ? null : new Resamples(progress, settings.Resamples);
        var estimate = RankingChangeEstimator.Estimate(showings, estimating, cancellationToken, resamples);
        estimate.ProposedDirectives = _proposed;
        estimate.KeepLoggedRules = KeepLoggedRules;
        estimate.DirectiveFiles = DirectiveFiles;
        return estimate;
    }

    // The engine is a pure function of a session's candidates and options: the showings are re-ranked in parallel, in
    // chunks, each into its own slot, so the order (and so the estimate) is the same whatever the machine.
    private WhatIfShowing[] Propose(IReadOnlyList<LoggedShowing> logged, int[] matched, ref int notKept,
        CancellationToken cancellationToken, IProgress<RankingChangeProgress>? progress)
    {
        var withoutLoggedSet = 0;
        var showings = new WhatIfShowing[logged.Count];
        var done = 0;
        var chunks = (logged.Count + Stride - 1) / Stride;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, chunk =>
        {
            var end = Math.Min(logged.Count, (chunk + 1) * Stride);
            for (var i = chunk * Stride; i < end; i++)
            {
                showings[i] = Propose(logged[i], matched, ref withoutLoggedSet);
            }
            var sofar = Interlocked.Add(ref done, end - chunk * Stride);
            progress?.Report(new RankingChangeProgress(RankingChangeStage.ReRanking, sofar, logged.Count));
        });
        notKept = withoutLoggedSet;
        return showings;
    }

    private WhatIfShowing Propose(LoggedShowing showing, int[] matched, ref int withoutLoggedSet)
    {
        MarkMatched(showing, matched);
        var rules = _proposed;
        if (KeepLoggedRules)
        {
            if (showing.Ranking.Directives is { } loggedRules) rules = [.. loggedRules, .. _proposed];
            else Interlocked.Increment(ref withoutLoggedSet);
        }
        var ranking = showing.Ranking.Replay(showing.Ranking.OptionsWith(rules, MaxResultWindow));
        // An invalid session (every candidate excluded, say) would show nothing under the proposal.
        return showing.ToWhatIf(ranking.Payload is { } payload ? payload.Snippets.Select(s => s.SnippetId).ToList() : []);
    }

    // Which proposed rules match a candidate somewhere; once one has, it is not looked at again.
    private void MarkMatched(LoggedShowing showing, int[] matched)
    {
        for (var r = 0; r < matched.Length; r++)
        {
            if (Volatile.Read(ref matched[r]) != 0) continue;
            var rule = _proposed[r];
            if (showing.Ranking.Inputs.Any(c => rule.Matches(c.SnippetId, c.Metadata))) Volatile.Write(ref matched[r], 1);
        }
    }

    private IEnumerable<string> ProposalWarnings(IReadOnlyList<LoggedShowing> logged, int[] matched, int notKept)
    {
        if (_proposed.Count == 0) yield return KeepLoggedRules ? ProposalNotes.EmptyKept : ProposalNotes.Empty;
        if (!KeepLoggedRules && ProposalNotes.Dropped(_proposed, logged) is { } dropped) yield return dropped;
        if (logged.Count > 0 && ProposalNotes.Unmatched(_proposed.Where((_, r) => matched[r] == 0).ToList()) is { } unmatched)
            yield return unmatched;
        if (ProposalNotes.NotKept(notKept) is { } notKeptNote) yield return notKeptNote;
    }

    /// <summary>What was left out, and why, as sentences for the result's Note.</summary>
    internal static IEnumerable<string> Notes(LoggedShowings logged)
    {
        if (logged.WithoutCandidates > 0)
            yield return string.Format(CultureInfo.InvariantCulture,
                "{0} showing{1} logged before candidates were recorded {2} left out.", logged.WithoutCandidates,
                logged.WithoutCandidates == 1 ? "" : "s", logged.WithoutCandidates == 1 ? "was" : "were");
        if (logged.UnreadableCandidates > 0)
            yield return string.Format(CultureInfo.InvariantCulture,
                "{0} showing{1} whose recorded candidates could not be read {2} left out (the log was edited, or written by another tool): {3}.",
                logged.UnreadableCandidates, logged.UnreadableCandidates == 1 ? "" : "s", logged.UnreadableCandidates == 1 ? "was" : "were",
                logged.FirstCandidatesProblem);
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

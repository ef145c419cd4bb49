using System.Diagnostics;
using CXoneRanking.Tests.WhatIf;
using CXoneRanking.WhatIf;

// speed: 100,000 sessions of 15 candidates (window 10), the default 200 resamples, on one thread.
// simulate: the simulation report of docs/what-if.md.
var mode = args.Length > 0 ? args[0] : "speed";
if (mode == "speed") Speed(args.Length > 1 ? int.Parse(args[1]) : 100_000);
else Simulate(Arg(1, 100), Arg(2, 3000), Arg(3, 200));

int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;

static void Speed(int sessions)
{
    var random = new Random(7);
    const int Snippets = 2000;
    var gamma = Enumerable.Range(0, Snippets).Select(_ => 0.03 + 0.5 * Math.Pow(random.NextDouble(), 1.8)).ToArray();
    var theta = Enumerable.Range(1, 10).Select(k => Math.Pow(k, -0.9)).ToArray();
    var showings = new List<WhatIfShowing>(sessions);
    for (var s = 0; s < sessions; s++)
    {
        var candidates = new HashSet<int>();
        while (candidates.Count < 15) candidates.Add(random.Next(Snippets));
        var noisy = candidates.OrderByDescending(c => gamma[c] + 0.2 * random.NextDouble()).ToList();
        var logged = noisy.Take(10).ToList();
        var proposed = candidates.OrderByDescending(c => gamma[c] + 0.15 * random.NextDouble()).Take(10).ToList();
        var clicked = Enumerable.Range(0, 10).Where(k => random.NextDouble() < theta[k] * gamma[logged[k]]).Select(k => k + 1).ToArray();
        showings.Add(new WhatIfShowing
        {
            SessionId = $"s-{s}", Logged = logged.Select(i => $"KB-{i}").ToList(), Proposed = proposed.Select(i => $"KB-{i}").ToList(),
            ClickedPositions = clicked, FirstClickPosition = clicked.Length > 0 ? clicked[0] : null, Clicks = clicked.Length,
        });
    }
    RankingChangeEstimator.Estimate(showings.Take(2000).ToList(), new WhatIfSettings { Resamples = 20 });
    for (var round = 0; round < 3; round++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var estimate = RankingChangeEstimator.Estimate(showings, new WhatIfSettings());
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{sessions} sessions, 200 resamples: {watch.ElapsedMilliseconds} ms wall, {used.TotalMilliseconds:0} ms CPU; "
            + $"{estimate.Verdict} {estimate.Note}");
    }
    var setup = Stopwatch.StartNew();
    RankingChangeEstimator.Estimate(showings, new WhatIfSettings { Resamples = 0 });
    Console.WriteLine($"without resamples (table, fit, coverage, cross-check): {setup.ElapsedMilliseconds} ms");
    using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
    var stop = Stopwatch.StartNew();
    try { RankingChangeEstimator.Estimate(showings, new WhatIfSettings { Resamples = 100_000 }, cancel.Token); }
    catch (OperationCanceledException) { Console.WriteLine($"cancelled after 500 ms: stopped {stop.ElapsedMilliseconds - 500} ms later"); }
}

static void Simulate(int logs, int sessions, int resamples)
{
    var watch = Stopwatch.StartNew();
    var cases = new List<SimulationCase>();
    foreach (var seed in Enumerable.Range(1, logs))
    {
        var log = new SimulatedClickLog(seed, sessions);
        cases.AddRange(Enum.GetValues<ProposalKind>().Select(kind => SimulationCase.Run(log, seed, kind, resamples)));
    }
    Console.WriteLine($"{logs} logs x {sessions} sessions, {resamples} resamples: {cases.Count} cases in {watch.Elapsed.TotalSeconds:0} s");
    Report(cases.Where(c => c.Kind is ProposalKind.Helps or ProposalKind.Hurts or ProposalKind.Mixed).ToList(), "estimated (helps, hurts, mixed)");
    Report(cases.Where(c => c.Kind is not ProposalKind.Unchanged and not ProposalKind.NeverShown).ToList(), "estimated, window changes too");
    foreach (var kind in Enum.GetValues<ProposalKind>()) Report(cases.Where(c => c.Kind == kind).ToList(), kind.ToString());
    foreach (var c in cases.Where(c => c.VerdictWord is "Likely better" or "Likely worse" && !c.SignsRight))
        Console.WriteLine($"sign wrong: log {c.Seed}, {c.Kind}: {c.Estimate.Verdict} true lifts {c.Truth.ClickThroughLift * 100:+0.00;-0.00} points, "
            + $"{c.Truth.MeanReciprocalRankLift:+0.0000;-0.0000}, "
            + $"{c.Truth.ClickedImpressionsPerSessionLift:+0.0000;-0.0000} clicked impressions per session");
}

static void Report(List<SimulationCase> cases, string title)
{
    double Share(Func<SimulationCase, bool> holds) => cases.Count == 0 ? 0 : cases.Count(holds) * 100.0 / cases.Count;
    var decided = cases.Where(c => c.VerdictWord is "Likely better" or "Likely worse").ToList();
    Console.WriteLine($"{title}: {cases.Count} cases; interval holds the truth: CTR {Share(c => c.HoldsClickThroughRate):0.0}%, "
        + $"MRR {Share(c => c.HoldsMeanReciprocalRank):0.0}%, CTR lift {Share(c => c.HoldsClickThroughLift):0.0}%, "
        + $"MRR lift {Share(c => c.HoldsMeanReciprocalRankLift):0.0}%, per session {Share(c => c.HoldsClickedImpressionsPerSession):0.0}%, "
        + $"per-session lift {Share(c => c.HoldsClickedImpressionsPerSessionLift):0.0}%; "
        + $"decided {decided.Count}, sign right {decided.Count(c => c.SignsRight)}; "
        + string.Join(", ", cases.GroupBy(c => c.VerdictWord).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
    if (cases.Count == 0) return;
    Console.WriteLine($"    mean CTR truth {cases.Average(c => c.Truth.ClickThroughRate):0.00000}, "
        + $"model {cases.Average(c => c.Estimate.EstimatedClickThroughRate ?? double.NaN):0.00000}, "
        + $"IPS {cases.Average(c => c.Estimate.InversePropensityClickThroughRate ?? double.NaN):0.00000}; "
        + $"mean |model - truth| {cases.Average(c => Math.Abs((c.Estimate.EstimatedClickThroughRate ?? 0) - c.Truth.ClickThroughRate)):0.00000}, "
        + $"|IPS - truth| {cases.Average(c => Math.Abs((c.Estimate.InversePropensityClickThroughRate ?? 0) - c.Truth.ClickThroughRate)):0.00000}; "
        + $"coverage {cases.Average(c => c.Estimate.Coverage ?? 0):0.000}, overlap {cases.Average(c => c.Estimate.CrossCheck.Overlap ?? 0):0.000}");
    Console.WriteLine($"    true lifts: click-through {cases.Average(c => c.Truth.ClickThroughLift) * 100:+0.00;-0.00} points, "
        + $"clicked impressions per session {cases.Average(c => c.Truth.ClickedImpressionsPerSessionLift):+0.0000;-0.0000} "
        + $"(below 0 in {cases.Count(c => c.Truth.ClickedImpressionsPerSessionLift < 0)}), "
        + $"mean reciprocal rank {cases.Average(c => c.Truth.MeanReciprocalRankLift):+0.0000;-0.0000} "
        + $"(below 0 in {cases.Count(c => c.Truth.MeanReciprocalRankLift < 0)})");
    Console.WriteLine($"    RR-weighted clicks per showing: truth {cases.Average(c => c.Truth.ReciprocalRankClicks):0.00000}, "
        + $"model {cases.Average(c => c.Estimate.CrossCheck.ModelReciprocalRankClicks ?? 0):0.00000}, "
        + $"IPS {cases.Average(c => c.Estimate.CrossCheck.InversePropensityReciprocalRankClicks ?? 0):0.00000}");
}

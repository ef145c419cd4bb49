using CXoneRanking.Ranking;
using CXoneRanking.WhatIf;

namespace CXoneRanking.Tests.WhatIf;

/// <summary>
/// What a simulated proposal does to the logged showings. Narrower keeps each showing's set in force with a window of 3
/// (click-through per impression rises while agents get fewer clicks); HelpsNarrower is Helps with a window of 5.
/// </summary>
public enum ProposalKind { Helps, Hurts, Unchanged, NeverShown, Mixed, Narrower, HelpsNarrower }

/// <summary>The true figures of a proposal on the simulated showings: expected under the true click model, not observed.</summary>
public readonly record struct SimulatedTruth(
    double ClickThroughRate, double MeanReciprocalRank, double ClickThroughLift, double MeanReciprocalRankLift)
{
    /// <summary>Expected clicked impressions per session of the proposal, and its lift over the logged lists.</summary>
    public double ClickedImpressionsPerSession { get; init; }

    public double ClickedImpressionsPerSessionLift { get; init; }

    /// <summary>Reciprocal-rank-weighted clicks per showing (each click counts 1 / its position): what the cross-check estimates.</summary>
    public double ReciprocalRankClicks { get; init; }
}

/// <summary>
/// A log with known truth (docs/what-if.md#how-well-it-works-simulations-with-known-truth): an examination per
/// position and an attractiveness per snippet are drawn; every session gets 15 candidates whose relevance scores
/// follow attractiveness with noise, ranked by the real engine (window 10) under the directive set in force when it
/// was logged (four sets over time, which is what moves snippets between positions and makes the examination
/// identifiable); clicks are drawn from the true position-based model. Two never-shown snippets ("NEW-*") are in
/// every session, scored too low to make the window under any logged set.
/// </summary>
public sealed class SimulatedClickLog
{
    public const int Window = 10;
    private const int Pool = 60;
    private const int NewSnippets = 6;
    private const int Periods = 4;

    private readonly List<(string Session, SnippetRank[] Candidates, int Period)> _showings = [];
    private readonly List<IReadOnlyList<string>> _logged = [];
    private readonly List<int[]> _clicked = [];
    private readonly List<long> _repeats = [];
    private readonly BoostDirective[][] _periods = new BoostDirective[Periods][];

    public SimulatedClickLog(int seed, int sessions)
    {
        var random = new Random(seed);
        var decay = 0.6 + 0.7 * random.NextDouble();
        var top = 0.85 + 0.15 * random.NextDouble();
        Examination = Enumerable.Range(1, Window).Select(k => top * Math.Pow(k, -decay)).ToArray();
        for (var i = 0; i < Pool; i++) Attractiveness[IdOf(i)] = 0.03 + 0.5 * Math.Pow(random.NextDouble(), 1.8);
        for (var i = 0; i < NewSnippets; i++) Attractiveness[$"NEW-{i}"] = 0.1 + 0.4 * random.NextDouble();
        _periods[0] = [];
        for (var p = 1; p < Periods; p++) _periods[p] = [.. RandomDirectives(random)];
        for (var s = 0; s < sessions; s++)
        {
            var candidates = Candidates(random, $"s-{s:D5}");
            var period = s * Periods / sessions;
            Log($"s-{s:D5}", candidates, period, random);
            // Some sessions are ranked twice (the scores moved): the bootstrap must resample sessions, not showings.
            if (random.NextDouble() < 0.15) Log($"s-{s:D5}", Perturbed(candidates, random), period, random);
        }
    }

    /// <summary>True examination by 0-based position.</summary>
    public double[] Examination { get; }

    /// <summary>True attractiveness by snippet id.</summary>
    public Dictionary<string, double> Attractiveness { get; } = new(StringComparer.Ordinal);

    public static string IdOf(int i) => $"KB-{i:D2}";

    /// <summary>The proposal of the given kind; null for Unchanged (each showing keeps the set it was logged under).</summary>
    public IReadOnlyList<BoostDirective>? Proposal(ProposalKind kind, Random random)
    {
        var byAttractiveness = Enumerable.Range(0, Pool).Select(IdOf).OrderByDescending(id => Attractiveness[id]).ToList();
        return kind switch
        {
            ProposalKind.Helps or ProposalKind.HelpsNarrower => byAttractiveness.Take(8).Select(id => BoostDirective.BoostSnippet(id, 2.5)).ToList(),
            ProposalKind.Hurts => byAttractiveness.Skip(Pool - 8).Select(id => BoostDirective.BoostSnippet(id, 2.5)).ToList(),
            ProposalKind.NeverShown => [BoostDirective.BoostSnippet("NEW-*", 10), BoostDirective.BoostSnippet("KB-*", 0.1)],
            ProposalKind.Mixed => RandomDirectives(random),
            _ => null,
        };
    }

    /// <summary>The showings with the proposal's lists, as the reader would build them, and the proposal's true figures.</summary>
    public (List<WhatIfShowing> Showings, SimulatedTruth Truth) Propose(IReadOnlyList<BoostDirective>? proposal, int window = Window)
    {
        var showings = new List<WhatIfShowing>(_showings.Count);
        double loggedClicks = 0, loggedRr = 0, proposedClicks = 0, proposedRr = 0, loggedImpressions = 0, proposedImpressions = 0, rrClicks = 0;
        for (var i = 0; i < _showings.Count; i++)
        {
            var (session, candidates, period) = _showings[i];
            var proposed = proposal is null ? (window >= Window ? _logged[i] : [.. _logged[i].Take(window)])
                : Rank(session, candidates, proposal, window);
            var clicked = _clicked[i];
            showings.Add(new WhatIfShowing
            {
                SessionId = session, Logged = _logged[i], Proposed = proposed, ClickedPositions = clicked,
                FirstClickPosition = clicked.Length > 0 ? clicked.Min() : null, Clicks = clicked.Length + _repeats[i],
            });
            var (c, rr) = Expected(_logged[i]);
            (loggedClicks, loggedRr, loggedImpressions) = (loggedClicks + c, loggedRr + rr, loggedImpressions + _logged[i].Count);
            (c, rr) = Expected(proposed);
            for (var k = 0; k < proposed.Count; k++) rrClicks += Examination[k] * Attractiveness[proposed[k]] / (k + 1);
            (proposedClicks, proposedRr, proposedImpressions) = (proposedClicks + c, proposedRr + rr, proposedImpressions + proposed.Count);
        }
        var n = _showings.Count;
        double sessions = _showings.Select(s => s.Session).Distinct().Count();
        var truth = new SimulatedTruth(proposedClicks / proposedImpressions, proposedRr / n,
            proposedClicks / proposedImpressions - loggedClicks / loggedImpressions, proposedRr / n - loggedRr / n)
        {
            ReciprocalRankClicks = rrClicks / n,
            ClickedImpressionsPerSession = proposedClicks / sessions,
            ClickedImpressionsPerSessionLift = (proposedClicks - loggedClicks) / sessions,
        };
        return (showings, truth);
    }

    /// <summary>Expected clicks and reciprocal rank of one list under the true model.</summary>
    public (double Clicks, double ReciprocalRank) Expected(IReadOnlyList<string> list)
    {
        double clicks = 0, rr = 0, noneYet = 1;
        for (var k = 0; k < list.Count; k++)
        {
            var c = Examination[k] * Attractiveness[list[k]];
            clicks += c;
            rr += noneYet * c / (k + 1);
            noneYet *= 1 - c;
        }
        return (clicks, rr);
    }

    private void Log(string session, SnippetRank[] candidates, int period, Random random)
    {
        var shown = Rank(session, candidates, _periods[period]);
        var clicked = Enumerable.Range(0, shown.Count)
            .Where(k => random.NextDouble() < Examination[k] * Attractiveness[shown[k]]).Select(k => k + 1).ToArray();
        _showings.Add((session, candidates, period));
        _logged.Add(shown);
        _clicked.Add(clicked);
        _repeats.Add(clicked.Length > 0 && random.NextDouble() < 0.1 ? 1 : 0);
    }

    private static IReadOnlyList<string> Rank(string session, SnippetRank[] candidates, IReadOnlyList<BoostDirective> directives,
        int window = Window)
    {
        var ranking = RankingEngine.RankSession(session, candidates, new RankingOptions { MaxResultWindow = window, Directives = directives });
        return ranking.Payload is { } payload ? payload.Snippets.Select(s => s.SnippetId).ToList() : [];
    }

    private SnippetRank[] Candidates(Random random, string session)
    {
        var picked = Enumerable.Range(0, Pool).OrderBy(_ => random.Next()).Take(13).Select(IdOf)
            .Select(id => Rank(session, id, Math.Min(1.0, Math.Max(0.05, 0.15 + 0.9 * Attractiveness[id] + Noise(random, 0.12)))));
        var unseen = Enumerable.Range(0, NewSnippets).OrderBy(_ => random.Next()).Take(2)
            .Select(i => Rank(session, $"NEW-{i}", 0.01 + 0.01 * random.NextDouble()));
        return picked.Concat(unseen).ToArray();
    }

    private static SnippetRank[] Perturbed(SnippetRank[] candidates, Random random) =>
        candidates.Select(c => c.SnippetId.StartsWith("NEW-", StringComparison.Ordinal) ? c
            : Rank(c.SessionId!, c.SnippetId, Math.Min(1.0, Math.Max(0.05, c.RelevanceScore + Noise(random, 0.1))))).ToArray();

    private static SnippetRank Rank(string session, string id, double score) => new()
    {
        SessionId = session, SnippetId = id, RelevanceScore = score,
        Metadata = new Dictionary<string, string> { ["topic"] = TopicOf(id) },
    };

    private static string TopicOf(string id) =>
        id.StartsWith("NEW-", StringComparison.Ordinal) ? "new" : $"t{int.Parse(id[3..], System.Globalization.CultureInfo.InvariantCulture) % 6}";

    private static List<BoostDirective> RandomDirectives(Random random)
    {
        var directives = new List<BoostDirective> { BoostDirective.Boost("topic", $"t{random.Next(6)}", 0.5 + 2.5 * random.NextDouble()) };
        if (random.NextDouble() < 0.5) directives.Add(BoostDirective.Boost("topic", $"t{random.Next(6)}", 1.0 + random.NextDouble()));
        if (random.NextDouble() < 0.4) directives.Add(BoostDirective.BoostSnippet($"KB-{random.Next(6)}*", 1.5 + random.NextDouble()));
        if (random.NextDouble() < 0.3) directives.Add(BoostDirective.ExcludingSnippet($"KB-0{random.Next(10)}"));
        return directives;
    }

    private static double Noise(Random random, double sd) =>
        sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

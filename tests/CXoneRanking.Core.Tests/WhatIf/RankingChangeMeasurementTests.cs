using CXoneRanking.Audit;
using CXoneRanking.Metrics;
using CXoneRanking.Tests.Replay;
using CXoneRanking.WhatIf;

namespace CXoneRanking.Tests.WhatIf;

/// <summary>
/// Measure-RankingChange's Core work on a log written through the real submit path (GeneratedRankingLog: several rule
/// sets, windows, overflow modes, an experiment, old entries, an imported Expert search): what is left out is counted in
/// the Note, the parallel re-ranking gives the same estimate every time, a proposal that leaves every session invalid
/// shows nothing, and a cancelled token stops it.
/// </summary>
public sealed class RankingChangeMeasurementTests : IClassFixture<RankingChangeMeasurementTests.Log>
{
    private static readonly WhatIfSettings FewResamples = new() { Resamples = 20 };
    private readonly Log _log;

    public RankingChangeMeasurementTests(Log log) => _log = log;

    public sealed class Log : IDisposable
    {
        public GeneratedRankingLog Generated { get; } = GeneratedRankingLog.WriteAsync().GetAwaiter().GetResult();
        public void Dispose() => Generated.Dispose();
    }

    private (RankingChangeMeasurement Measurement, LoggedShowings Logged) Read(params BoostDirective[] proposal)
    {
        var measurement = new RankingChangeMeasurement(proposal, new RankingMetricsFilter());
        var reader = new AuditLogReader(_log.Generated.AuditPath) { CandidatesFor = measurement.WantsCandidates };
        return (measurement, measurement.Read(reader.ReadEntries()));
    }

    [Fact]
    public void Showings_without_candidates_and_imported_searches_are_left_out_and_counted_in_the_note()
    {
        var (measurement, logged) = Read(BoostDirective.BoostSnippet("KB-1*", 2));
        Assert.True(logged.WithoutCandidates > 0, "the generated log holds entries of an older module");
        Assert.True(logged.ExpertSearches > 0, "the generated log holds an imported search");

        var estimate = measurement.Estimate(logged, FewResamples, CancellationToken.None);

        Assert.Equal(logged.Sessions, estimate.Sessions);
        var leftOut = logged.WithoutCandidates == 1
            ? "1 showing logged before candidates were recorded was left out."
            : $"{logged.WithoutCandidates} showings logged before candidates were recorded were left out.";
        Assert.Contains(leftOut, estimate.Note, StringComparison.Ordinal);
        Assert.Contains("imported Expert search", estimate.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_log_proposal_and_seed_give_the_same_estimate()
    {
        var (measurement, logged) = Read(BoostDirective.BoostSnippet("KB-2*", 3), BoostDirective.ExcludingSnippet("KB-3"));

        var first = measurement.Estimate(logged, FewResamples, CancellationToken.None);
        var second = measurement.Estimate(logged, FewResamples, CancellationToken.None);

        Assert.Equal(first.ChangedShowings, second.ChangedShowings);
        Assert.Equal(first.ClickThroughLift, second.ClickThroughLift);
        Assert.Equal(first.ClickThroughLiftLow, second.ClickThroughLiftLow);
        Assert.Equal(first.Verdict, second.Verdict);
        Assert.True(first.ChangedShowings > 0);
    }

    [Fact]
    public void A_proposal_that_excludes_every_candidate_shows_nothing_and_cannot_tell()
    {
        var (measurement, logged) = Read(BoostDirective.ExcludingSnippet("*"));

        var estimate = measurement.Estimate(logged, FewResamples, CancellationToken.None);

        Assert.Equal(0, estimate.ProposedImpressions);
        Assert.Null(estimate.Coverage);
        Assert.StartsWith("Cannot tell", estimate.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_token_stops_the_estimate()
    {
        var (measurement, logged) = Read();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => measurement.Estimate(logged, FewResamples, cancelled.Token));
    }

    [Fact]
    public void An_invalid_proposed_rule_is_worded_as_the_engine_words_it()
    {
        var invalid = new BoostDirective { SnippetId = "KB-1", Factor = 20 };
        var ranked = Ranking.RankingEngine.RankSession("s", [new SnippetRank { SnippetId = "KB-1", RelevanceScore = 0.5 }],
            new RankingOptions { Directives = [invalid] });

        var issue = Assert.Single(RankingChangeMeasurement.DirectiveProblems([invalid]));

        Assert.Equal(RankingIssueCodes.InvalidDirective, issue.Code);
        Assert.Equal(Assert.Single(ranked.Errors).Message, issue.Message);
    }
}

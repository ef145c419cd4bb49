using CXoneRanking.Audit;
using CXoneRanking.Metrics;
using CXoneRanking.Tests.Replay;
using CXoneRanking.WhatIf;

namespace CXoneRanking.Tests.WhatIf;

/// <summary>
/// What RankingChangeMeasurement says about the proposal itself (newcomer3 F1, F3) on GeneratedRankingLog's several rule
/// sets: kept logged rules are the logged rules followed by the proposal, a replacing proposal names what it drops, an
/// empty proposal and a rule that matches nothing are said, and the result records what was estimated.
/// </summary>
public sealed class ProposalNotesTests : IClassFixture<RankingChangeMeasurementTests.Log>
{
    private static readonly WhatIfSettings FewResamples = new() { Resamples = 20 };
    private readonly RankingChangeMeasurementTests.Log _log;

    public ProposalNotesTests(RankingChangeMeasurementTests.Log log) => _log = log;

    private (RankingChangeMeasurement Measurement, LoggedShowings Logged) Read(bool keep, params BoostDirective[] proposal)
    {
        var measurement = new RankingChangeMeasurement(proposal, new RankingMetricsFilter()) { KeepLoggedRules = keep };
        var reader = new AuditLogReader(_log.Generated.AuditPath) { CandidatesFor = measurement.WantsCandidates };
        return (measurement, measurement.Read(reader.ReadEntries()));
    }

    [Fact]
    public void Kept_logged_rules_are_each_showings_rules_followed_by_the_proposal_and_drop_nothing()
    {
        var (measurement, logged) = Read(true, BoostDirective.BoostSnippet("KB-2*", 3));
        Assert.Contains(logged.Showings, s => s.Ranking.Directives is { Count: > 0 });

        var estimate = measurement.Estimate(logged, FewResamples, CancellationToken.None);

        Assert.True(estimate.KeepLoggedRules);
        Assert.Equal("KB-2*", Assert.Single(estimate.ProposedDirectives).SnippetId);
        Assert.DoesNotContain(measurement.Warnings, w => w.Contains("replaces the rules in force", StringComparison.Ordinal));
    }

    [Fact]
    public void A_replacing_proposal_names_the_rules_in_force_it_drops_and_counts_their_showings()
    {
        var (measurement, logged) = Read(false, BoostDirective.BoostSnippet("KB-2*", 3));
        var withRules = logged.Showings.Count(s => s.Ranking.Directives is { Count: > 0 });
        var firstRule = logged.Showings.First(s => s.Ranking.Directives is { Count: > 0 }).Ranking.Directives![0];

        var estimate = measurement.Estimate(logged, FewResamples, CancellationToken.None);

        var dropped = Assert.Single(measurement.Warnings, w => w.Contains("replaces the rules in force", StringComparison.Ordinal));
        Assert.Contains($"{withRules} of {logged.Showings.Count} showings", dropped, StringComparison.Ordinal);
        Assert.Contains(firstRule.ToString(), dropped, StringComparison.Ordinal);
        Assert.Contains("-KeepLoggedRules", dropped, StringComparison.Ordinal);
        Assert.Contains(dropped, estimate.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_proposal_says_it_holds_no_rule_and_kept_it_changes_nothing()
    {
        var (replacing, logged) = Read(false);
        var withoutRules = replacing.Estimate(logged, FewResamples, CancellationToken.None);
        Assert.Contains(ProposalNotes.Empty, replacing.Warnings);
        Assert.True(withoutRules.ChangedShowings > 0, "the generated log has showings ranked with rules, which no rule ranks otherwise");

        var (keeping, same) = Read(true);
        var estimate = keeping.Estimate(same, FewResamples, CancellationToken.None);
        Assert.Contains(ProposalNotes.EmptyKept, keeping.Warnings);
        Assert.Equal(0, estimate.ChangedShowings);
    }

    [Fact]
    public void A_rule_that_matches_no_candidate_is_named()
    {
        var never = BoostDirective.BoostSnippet("NO-SUCH-SNIPPET", 5);
        var (measurement, logged) = Read(true, BoostDirective.BoostSnippet("KB-2*", 3), never);

        var estimate = measurement.Estimate(logged, FewResamples, CancellationToken.None);

        var unmatched = Assert.Single(measurement.Warnings, w => w.Contains("matches no candidate", StringComparison.Ordinal));
        Assert.Contains(never.ToString(), unmatched, StringComparison.Ordinal);
        Assert.DoesNotContain("KB-2*", unmatched, StringComparison.Ordinal);
        Assert.Contains(unmatched, estimate.Note, StringComparison.Ordinal);
    }
}

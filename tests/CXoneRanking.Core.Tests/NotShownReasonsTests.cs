using CXoneRanking.History;
using CXoneRanking.Ranking;
using CXoneRanking.Ranks;

namespace CXoneRanking.Tests;

/// <summary>
/// Why a candidate of a ranking was not shown (Get-RankingHistory's NotShown), read from the engine's own
/// warnings and errors: every candidate is either shown or listed once, in input order, with the reason
/// the engine gives.
/// </summary>
public sealed class NotShownReasonsTests
{
    private static readonly BoostDirective ExcludeDrafts = BoostDirective.Excluding("category", "internal-*");
    private static readonly BoostDirective ExcludeKb4 = BoostDirective.ExcludingSnippet("KB-4");

    internal static List<NotShownCandidate> Find(RankingOptions options, params SnippetRank[] ranks)
    {
        var replay = RankingEngine.RankSession("s-1", ranks, options);
        var wide = RankingEngine.RankSession("s-1", ranks,
            new RankingOptions { MaxResultWindow = SnippetRules.MaxWindow, Directives = options.Directives, Overflow = options.Overflow });
        return NotShownReasons.Find(ranks.Where(r => r.RowError is null).ToList(), ranks.Where(r => r.RowError is not null).Select(r => new HeldBackRow(r.SnippetId, r.RowError!)).ToList(),
            replay, wide);
    }

    [Fact]
    public void An_excluded_candidate_names_the_first_exclusion_rule_that_matched_it_as_the_engine_does()
    {
        var options = Ranks.Options(10, OverflowMode.Rescale, false, ExcludeKb4, ExcludeDrafts);

        var notShown = Find(options, Ranks.Of("KB-1", 0.9), Ranks.Of("KB-4", 0.5, metadata: ("category", "internal-draft")));

        var excluded = Assert.Single(notShown);
        Assert.Equal(("KB-4", NotShownReason.Excluded), (excluded.SnippetId, excluded.Reason));
        Assert.Same(ExcludeKb4, excluded.Rule);
        Assert.Equal("snippet 'KB-4' excluded by exclude(id=KB-4)", excluded.Detail);
        Assert.Equal("internal-draft", excluded.Metadata["category"]);
    }

    [Fact]
    public void A_candidate_below_the_window_says_where_it_ranked()
    {
        var notShown = Find(Ranks.Options(window: 2), Ranks.Of("KB-1", 0.1), Ranks.Of("KB-2", 0.9), Ranks.Of("KB-3", 0.5), Ranks.Of("KB-4", 0.7));

        Assert.Equal(["KB-1", "KB-3"], notShown.Select(c => c.SnippetId));
        Assert.All(notShown, c => Assert.Equal(NotShownReason.Window, c.Reason));
        Assert.Equal([4, 3], notShown.Select(c => c.RankedPosition!.Value));
        Assert.Equal("ranked 4, below position 2: dropped by the window", notShown[0].Detail);
    }

    [Fact]
    public void In_an_invalid_session_the_candidates_an_error_names_are_invalid_and_the_others_point_to_the_session_errors_once()
    {
        var notShown = Find(Ranks.Options(), Ranks.Of("KB-1", 0.9), Ranks.Of("KB-2", 1.5), Ranks.Of("KB-3", 0.4));

        Assert.Equal([NotShownReason.SessionInvalid, NotShownReason.Invalid, NotShownReason.SessionInvalid], notShown.Select(c => c.Reason));
        Assert.Contains("relevance", notShown[1].Detail, StringComparison.OrdinalIgnoreCase);
        // The session's error is in RankingHistoryEntry.Errors once, not repeated on every sound candidate (newcomer3 F9).
        Assert.Equal("the session was invalid: see Errors", notShown[0].Detail);
        Assert.Equal(notShown[0].Detail, notShown[2].Detail);
        Assert.Null(notShown[0].RankedPosition);
    }

    [Fact]
    public void A_held_back_row_gives_its_own_error()
    {
        var standIn = new SnippetRank { SessionId = "s-1", SnippetId = "KB-2", RowError = "InvalidRelevanceScore: input 2: not a number" };

        var notShown = Find(Ranks.Options(), Ranks.Of("KB-1", 0.9), standIn);

        Assert.Equal([NotShownReason.SessionInvalid, NotShownReason.HeldBack], notShown.Select(c => c.Reason));
        Assert.EndsWith("InvalidRelevanceScore: input 2: not a number", notShown[1].Detail, StringComparison.Ordinal);
        Assert.Equal("KB-2", notShown[1].SnippetId); // the stand-in keeps the snippet its row named
        Assert.True(double.IsNaN(notShown[1].RelevanceScore));
    }


    [Fact]
    public void A_held_back_row_from_the_row_reader_is_named_by_its_snippet()
    {
        var reader = new CXoneRanking.Rows.SnippetRowReader(invalidRowAction: InvalidRowAction.DropSession);
        var standIn = reader.Read([new("session_id", "s-1"), new("snippet_id", "KB-7"), new("relevance_score", "abc")], 3).StandIn!;

        var notShown = Find(Ranks.Options(), Ranks.Of("KB-1", 0.9), standIn);

        Assert.Equal(("KB-7", NotShownReason.HeldBack), (notShown[1].SnippetId, notShown[1].Reason));
    }
}

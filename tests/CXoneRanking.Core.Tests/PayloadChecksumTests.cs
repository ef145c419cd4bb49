namespace CXoneRanking.Tests;

/// <summary>
/// -SkipUnchanged compares checksums of the canonical payload (docs/design.md#canonical-form-and-checksum),
/// so every change of what is sent must change the checksum: scores, directives, window,
/// overflow handling and metadata. Input order, which is not sent, must not.
/// </summary>
public sealed class PayloadChecksumTests
{
    private static readonly SnippetRank[] Input =
    [
        Ranks.Of("KB-1", 0.9, 1.0, "s-1", ("category", "billing")),
        Ranks.Of("KB-2", 0.6, 1.5, "s-1", ("category", "account")),
        Ranks.Of("KB-3", 0.4, 1.0, "s-1", ("category", "general")),
    ];

    private static string Checksum(RankingOptions options, params SnippetRank[] ranks) => Ranks.RankOne(options, ranks).Payload!.ComputeChecksum();

    private static readonly string Baseline = Checksum(Ranks.Options(), Input);

    [Fact]
    public void The_same_ranking_gives_the_same_checksum_whatever_the_input_order()
    {
        Assert.Equal(Baseline, Checksum(Ranks.Options(), Enumerable.Reverse(Input).ToArray()));
    }

    [Fact]
    public void A_changed_score_changes_the_checksum()
    {
        var changed = Input.Select(r => r.SnippetId == "KB-3" ? Ranks.Of("KB-3", 0.41, 1.0, "s-1", ("category", "general")) : r).ToArray();
        Assert.NotEqual(Baseline, Checksum(Ranks.Options(), changed));
    }

    [Fact]
    public void A_directive_that_changes_a_boost_changes_the_checksum()
    {
        Assert.NotEqual(Baseline, Checksum(Ranks.Options(directives: BoostDirective.Boost("category", "general", 1.2)), Input));
    }

    [Fact]
    public void A_different_window_changes_the_checksum_even_when_nothing_is_cut()
    {
        Assert.NotEqual(Baseline, Checksum(Ranks.Options(window: 5), Input));
    }

    [Fact]
    public void A_different_overflow_mode_changes_the_checksum_when_a_score_overflows()
    {
        // KB-2 is 0.6 x 1.5 x 1.5 = 1.35: rescaled divides every score, clamped cuts KB-2 at 1.
        var options = (OverflowMode mode) => Ranks.Options(overflow: mode, directives: BoostDirective.Boost("category", "account", 1.5));
        Assert.NotEqual(Checksum(options(OverflowMode.Rescale), Input), Checksum(options(OverflowMode.Clamp), Input));
    }

    [Fact]
    public void Changed_metadata_changes_the_checksum()
    {
        var regional = Ranks.Of("KB-1", 0.9, 1.0, "s-1", ("category", "billing"), ("region", "eu"));
        var changed = Input.Select(r => r.SnippetId == "KB-1" ? regional : r).ToArray();
        Assert.NotEqual(Baseline, Checksum(Ranks.Options(), changed));
    }
}

using System.Diagnostics;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>
/// Patterns from other people's directive files run unattended: the ones that made a backtracking
/// matcher run for minutes must answer at once (the bounds are generous, they catch a hang, not a slowdown).
/// </summary>
public sealed class WildcardHostilePatternTests
{
    public static TheoryData<string, string, bool> Hostile() => new()
    {
        { Repeat("*a", 25) + "b", new string('a', 60), false },
        { Repeat("*a", 25), new string('a', 60), true },
        { new string('*', 200) + "b", new string('a', 10_000), false },
        { Repeat("*a", 200) + "b", new string('a', 10_000), false },
        { "*" + new string('a', 200) + "b", new string('a', 10_000), false },
        { Repeat("*?", 100) + "b", new string('a', 10_000), false },
        { Repeat("*[a-z]", 100) + "[!]", new string('a', 10_000), false },
        { Repeat("*a", 200) + "*", new string('a', 10_000), true },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Answers_in_well_under_two_seconds(string pattern, string input, bool expected)
    {
        var watch = Stopwatch.StartNew();
        var matches = new WildcardMatcher(pattern).IsMatch(input);
        watch.Stop();
        Assert.Equal(expected, matches);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void Ranking_with_the_reported_directive_finishes()
    {
        var directive = BoostDirective.Boost("category", Repeat("*a", 25) + "b", 1.5);
        var snippet = Ranks.Of("KB-1", 0.5, 1.0, "s-1", ("category", new string('a', 60)));
        var watch = Stopwatch.StartNew();
        var result = Ranks.RankOne(Ranks.Options(directives: directive), snippet);
        watch.Stop();
        Assert.Equal(1.0, Assert.Single(result.Payload!.Snippets).BoostFactor);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed.TotalMilliseconds:0} ms");
    }

#if NET // .NET Framework has no per-thread allocation counter
    [Theory]
    [InlineData("bill*")]
    [InlineData("billing")]
    [InlineData("*b?ll[a-z]ng*`*")]
    public void Matching_allocates_nothing(string pattern)
    {
        var matcher = new WildcardMatcher(pattern);
        var input = "Billing-Disputes*";
        matcher.IsMatch(input);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) matcher.IsMatch(input);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
#endif

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}

using CsCheck;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>The compiled matcher agrees with a slow reference of <c>-like</c> on random small patterns and values.</summary>
public sealed class WildcardPropertyTests
{
    // Small alphabets so sets, ranges, escapes, stars and matches all turn up often.
    private static readonly Gen<string> Pattern = Gen.String[Gen.Char["aB*?[]-`"], 0, 8];
    private static readonly Gen<string> Value = Gen.String[Gen.Char["abAB[]-`*"], 0, 8];
    private static readonly Gen<string> StarPattern = Gen.String[Gen.Char["ab*?"], 0, 12];
    private static readonly Gen<string> LongValue = Gen.String[Gen.Char["abAB"], 0, 30];

    [Fact]
    public void Agrees_with_the_reference_on_syntax_heavy_patterns() =>
        Gen.Select(Pattern, Value).Sample(t => Agrees(t.Item1, t.Item2), iter: 20_000);

    [Fact]
    public void Agrees_with_the_reference_on_star_heavy_patterns() =>
        Gen.Select(StarPattern, LongValue).Sample(t => Agrees(t.Item1, t.Item2), iter: 20_000);

    [Fact]
    public void A_pattern_matches_its_own_unescaped_text_when_it_has_no_wildcards() =>
        Gen.String[Gen.Char["abAB-]"], 0, 10].Sample(
            text => Assert.True(new WildcardMatcher(text).IsMatch(text.ToUpperInvariant())), iter: 2_000);

    [Fact]
    public void The_plain_text_shortcut_agrees_with_the_culture() =>
        Gen.Select(Gen.OneOf(PlainText, MixedText), Gen.OneOf(PlainText, MixedText)).Sample(t =>
        {
            var (text, other) = t;
            var plain = InvariantText.IsPlain(other);
            Assert.Equal(string.Equals(text, other, StringComparison.InvariantCultureIgnoreCase), InvariantText.EqualsIgnoreCase(text, other, plain));
            Assert.Equal(text.StartsWith(other, StringComparison.InvariantCultureIgnoreCase), InvariantText.StartsWithIgnoreCase(text, other, plain));
        }, iter: 20_000);

    private static readonly Gen<string> PlainText = Gen.String[Gen.Char[' ', '~'], 0, 6];
    private static readonly Gen<string> MixedText = Gen.String[Gen.Char["aAbB-' \t\u0001\u00AD\u0301\u00E9\u00DF\uFB01"], 0, 6];

    private static void Agrees(string pattern, string value)
    {
        var matcher = new WildcardMatcher(pattern);
        var expected = WildcardReference.Like(value, pattern);
        Assert.True(expected is null == matcher.Problem is not null,
            $"pattern '{pattern}': reference valid {expected is not null}, problem {matcher.Problem}");
        Assert.True((expected ?? false) == matcher.IsMatch(value), $"'{value}' -like '{pattern}' should be {expected}");
    }
}

namespace CXoneRanking.Ranking;

/// <summary>
/// A wildcard pattern as PowerShell's <c>-like</c> reads it (<c>*</c>, <c>?</c>, <c>[a-z]</c> sets,
/// backtick escapes), compiled once and matched case-insensitively in the invariant culture.
/// Core has no PowerShell reference, so it carries its own matcher. Patterns come from other
/// people's directive files and run unattended, so matching is a greedy two-pointer walk that
/// never takes more than pattern length times input length steps, and allocates nothing.
/// </summary>
internal sealed class WildcardMatcher
{
    private static readonly char[] SpecialCharacters = ['*', '?', '[', ']', '`'];

    private readonly string _pattern;
    private readonly string _text;
    private readonly bool _textIsPlain;
    private readonly MatchShape _shape;
    private readonly WildcardElement[] _elements = [];
    private readonly int _fixedLength;
    private readonly bool _hasAnyText;

    public WildcardMatcher(string pattern)
    {
        _pattern = pattern;
        _text = pattern;
        var firstSpecial = pattern.IndexOfAny(SpecialCharacters);
        // PowerShell compares these two shapes as text in the culture, not character by character.
        if (pattern == "*") _shape = MatchShape.Anything;
        else if (firstSpecial < 0) _shape = MatchShape.Text;
        else if (firstSpecial == pattern.Length - 1 && pattern[firstSpecial] == '*')
        {
            _shape = MatchShape.Prefix;
            _text = pattern.Substring(0, firstSpecial);
        }
        else if (WildcardSyntax.Parse(pattern, out var problem) is { } elements)
        {
            _shape = MatchShape.Elements;
            _elements = elements;
            _fixedLength = elements.Count(e => e.Kind != WildcardElementKind.AnyText);
            _hasAnyText = _fixedLength < elements.Length;
        }
        else Problem = problem;
        _textIsPlain = InvariantText.IsPlain(_text);
    }

    /// <summary>Why PowerShell's <c>-like</c> would reject the pattern, or null; an invalid pattern matches nothing.</summary>
    public string? Problem { get; }

    public bool IsMatch(string input) => _shape switch
    {
        MatchShape.Anything => true,
        MatchShape.Text => InvariantText.EqualsIgnoreCase(input, _text, _textIsPlain),
        MatchShape.Prefix => InvariantText.StartsWithIgnoreCase(input, _text, _textIsPlain),
        MatchShape.Elements => (_hasAnyText ? input.Length >= _fixedLength : input.Length == _fixedLength) && MatchElements(input),
        _ => false,
    };

    // Greedy: each * first takes nothing; on a mismatch only the latest * takes one more character
    // (an earlier * can never do better, since the latest one absorbs whatever it would have taken).
    private bool MatchElements(string input)
    {
        var elements = _elements;
        int element = 0, position = 0, afterStar = -1, starTook = 0;
        while (position < input.Length)
        {
            if (element < elements.Length && elements[element].Kind == WildcardElementKind.AnyText)
            {
                afterStar = ++element;
                starTook = position;
                continue;
            }
            if (element < elements.Length && elements[element].Accepts(char.ToLowerInvariant(input[position])))
            {
                element++;
                position++;
                continue;
            }
            if (afterStar < 0) return false;
            element = afterStar;
            position = ++starTook;
        }
        while (element < elements.Length && elements[element].Kind == WildcardElementKind.AnyText) element++;
        return element == elements.Length;
    }

    public override string ToString() => _pattern;

    private enum MatchShape { Invalid, Anything, Text, Prefix, Elements }
}

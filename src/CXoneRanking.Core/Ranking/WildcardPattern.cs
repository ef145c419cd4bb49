using System.Text;
using System.Text.RegularExpressions;

namespace CXoneRanking.Ranking;

/// <summary>
/// PowerShell's wildcard syntax (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, backtick escapes),
/// matched case-insensitively. Core has no PowerShell reference, so it carries its own matcher;
/// a pattern without wildcards compares as plain text.
/// </summary>
internal sealed class WildcardPattern
{
    private readonly string? _literal;
    private readonly Regex? _regex;

    public WildcardPattern(string pattern)
    {
        if (pattern.IndexOfAny(['*', '?', '[', '`']) < 0)
            _literal = pattern;
        else
            _regex = new Regex(ToRegex(pattern),
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public bool IsMatch(string input) => _literal is not null
        ? string.Equals(_literal, input, StringComparison.OrdinalIgnoreCase)
        : _regex!.IsMatch(input);

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*': regex.Append(".*"); break;
                case '?': regex.Append('.'); break;
                case '[' when pattern.IndexOf(']', i + 1) > i + 1:
                    i = AppendCharacterClass(pattern, i, regex);
                    break;
                default: regex.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return regex.Append('$').ToString();
    }

    // Copies "[a-z]" as a regex class, escaping everything but ranges; returns the index of ']'.
    private static int AppendCharacterClass(string pattern, int open, StringBuilder regex)
    {
        var close = pattern.IndexOf(']', open + 1);
        regex.Append('[');
        for (var i = open + 1; i < close; i++)
        {
            var c = pattern[i];
            var isRange = c == '-' && i > open + 1 && i < close - 1;
            regex.Append(isRange ? "-" : Regex.Escape(c.ToString()).Replace("]", @"\]").Replace("-", @"\-"));
        }
        regex.Append(']');
        return close;
    }
}

using System.Globalization;

namespace CXoneRanking.Ranking;

/// <summary>
/// Reads a wildcard pattern the way PowerShell's WildcardPattern does, so a directive means what
/// <c>-like</c> means: a backtick makes the next character literal (inside a set too); a trailing
/// backtick is a literal backtick, except that the pattern of a lone backtick is empty; a <c>]</c>
/// right after <c>[</c> is a member; in a set, <c>x-y</c> is a range when the dash is not escaped
/// and has a member on both sides. PowerShell rejects a <c>[</c> that is never closed, a range that
/// runs backwards, and a range ending in <c>[</c> (its .NET class reads that as a subtraction).
/// </summary>
internal static class WildcardSyntax
{
    /// <summary>The pattern's steps, with runs of <c>*</c> merged, or null and why it is invalid.</summary>
    public static WildcardElement[]? Parse(string pattern, out string? problem)
    {
        problem = null;
        var elements = new List<WildcardElement>();
        var members = new List<char>();
        var rangeDashes = new List<bool>();
        var escaped = false;
        var setStart = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (setStart >= 0)
            {
                if (c == ']' && !escaped && i > setStart + 1)
                {
                    if (ToSet(members, rangeDashes, out problem) is not { } set) return null;
                    elements.Add(WildcardElement.OneOf(set));
                    setStart = -1;
                }
                else if (c != '`' || escaped)
                {
                    members.Add(c);
                    rangeDashes.Add(c == '-' && !escaped);
                }
            }
            else if (c == '*' && !escaped)
            {
                var afterStar = elements.Count > 0 && elements[elements.Count - 1].Kind == WildcardElementKind.AnyText;
                if (!afterStar) elements.Add(WildcardElement.AnyText);
            }
            else if (c == '?' && !escaped) elements.Add(WildcardElement.AnyCharacter);
            else if (c == '[' && !escaped)
            {
                setStart = i;
                members.Clear();
                rangeDashes.Clear();
            }
            else if (c != '`' || escaped) elements.Add(WildcardElement.Character(c));
            escaped = c == '`' && !escaped;
        }
        if (setStart >= 0)
        {
            var position = (setStart + 1).ToString(CultureInfo.InvariantCulture);
            problem = $"the '[' at position {position} has no closing ']' (write `[ for a literal [)";
            return null;
        }
        if (escaped && pattern != "`") elements.Add(WildcardElement.Character('`'));
        return elements.ToArray();
    }

    // "a-c" with an unescaped dash is a range; anything else is a member on its own.
    private static WildcardCharacterSet? ToSet(List<char> members, List<bool> rangeDashes, out string? problem)
    {
        problem = null;
        var ranges = new List<(char Low, char High)>();
        var i = 0;
        while (i < members.Count)
        {
            if (i + 2 < members.Count && rangeDashes[i + 1])
            {
                var (low, high) = (members[i], members[i + 2]);
                if (low > high) problem = $"the range '{low}-{high}' runs backwards (write '{high}-{low}')";
                else if (high == '[') problem = $"the range '{low}-[' ends in '[', which PowerShell rejects too (list [ as a member of its own)";
                if (problem is not null) return null;
                ranges.Add((low, high));
                i += 3;
            }
            else
            {
                ranges.Add((members[i], members[i]));
                i++;
            }
        }
        return new WildcardCharacterSet(ranges);
    }
}

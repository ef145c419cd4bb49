namespace CXoneRanking.Tests;

/// <summary>
/// A slow, obviously-correct stand-in for PowerShell's <c>-like</c>, for property tests: the
/// pattern read token by token as PowerShell's WildcardPattern parser reads it, then matched by
/// memoized recursion over (token, character) pairs; a set accepts a character when one of its
/// members has the same invariant lower case. Null means <c>-like</c> would throw.
/// </summary>
internal static class WildcardReference
{
    public static bool? Like(string input, string pattern)
    {
        if (pattern == "*") return true;
        var special = pattern.IndexOfAny(['*', '?', '[', ']', '`']);
        if (special < 0) return string.Equals(input, pattern, StringComparison.InvariantCultureIgnoreCase);
        if (special == pattern.Length - 1 && pattern[special] == '*')
            return input.StartsWith(pattern[..special], StringComparison.InvariantCultureIgnoreCase);
        var tokens = Tokens(pattern);
        if (tokens is null) return null;
        var memo = new Dictionary<(int, int), bool>();
        return Match(tokens, 0, input, 0, memo);
    }

    // A token is null for "*", or the set of characters it accepts.
    private static List<Func<char, bool>?>? Tokens(string pattern)
    {
        var tokens = new List<Func<char, bool>?>();
        var escape = false;
        List<(char C, bool Dash)>? set = null;
        var justOpened = false;
        foreach (var c in pattern)
        {
            if (set is not null)
            {
                if (c == ']' && !justOpened && !escape)
                {
                    if (Set(set) is not { } accepts) return null;
                    tokens.Add(accepts);
                    set = null;
                }
                else if (c != '`' || escape) set.Add((c, c == '-' && !escape));
                justOpened = false;
            }
            else if (c == '*' && !escape) tokens.Add(null);
            else if (c == '?' && !escape) tokens.Add(_ => true);
            else if (c == '[' && !escape) (set, justOpened) = (new List<(char, bool)>(), true);
            else if (c != '`' || escape) tokens.Add(x => Lower(x) == Lower(c));
            escape = c == '`' && !escape;
        }
        if (set is not null) return null;
        if (escape && pattern != "`") tokens.Add(x => x == '`');
        return tokens;
    }

    private static Func<char, bool>? Set(List<(char C, bool Dash)> members)
    {
        var chars = new List<char>();
        for (var i = 0; i < members.Count;)
        {
            if (i + 2 < members.Count && members[i + 1].Dash)
            {
                var (low, high) = (members[i].C, members[i + 2].C);
                if (low > high || high == '[') return null;
                for (int c = low; c <= high; c++) chars.Add((char)c);
                i += 3;
            }
            else chars.Add(members[i++].C);
        }
        return x => chars.Exists(c => Lower(c) == Lower(x));
    }

    private static bool Match(List<Func<char, bool>?> tokens, int t, string input, int i, Dictionary<(int, int), bool> memo)
    {
        if (memo.TryGetValue((t, i), out var known)) return known;
        bool result;
        if (t == tokens.Count) result = i == input.Length;
        else if (tokens[t] is null) result = Match(tokens, t + 1, input, i, memo) || (i < input.Length && Match(tokens, t, input, i + 1, memo));
        else result = i < input.Length && tokens[t]!(input[i]) && Match(tokens, t + 1, input, i + 1, memo);
        memo[(t, i)] = result;
        return result;
    }

    private static char Lower(char c) => char.ToLowerInvariant(c);
}

namespace CXoneRanking.Ranking;

/// <summary>
/// Equality and prefix tests without regard to case in the invariant culture, as PowerShell's
/// <c>-like</c> makes them for patterns without wildcards. The culture's comparison is an ICU call
/// that costs far more than the match; on text made only of printable ASCII, tab, vertical tab and
/// form feed it agrees with the ordinal one (.NET's own comparisons take the same shortcut for the
/// same characters), so such text is compared ordinally and only other text goes to the culture.
/// </summary>
internal static class InvariantText
{
    public static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' || c > '~') && c != '\t' && c != '\v' && c != '\f') return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="text"/> equals <paramref name="other"/>, whose plainness the caller knows.</summary>
    public static bool EqualsIgnoreCase(string text, string other, bool otherIsPlain) =>
        otherIsPlain && IsPlain(text)
            ? string.Equals(text, other, StringComparison.OrdinalIgnoreCase)
            : string.Equals(text, other, StringComparison.InvariantCultureIgnoreCase);

    // The whole text must be plain, not just its start: a combining mark after the prefix would
    // change the prefix's last letter for the culture.
    public static bool StartsWithIgnoreCase(string text, string prefix, bool prefixIsPlain) =>
        prefixIsPlain && IsPlain(text)
            ? text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            : text.StartsWith(prefix, StringComparison.InvariantCultureIgnoreCase);
}

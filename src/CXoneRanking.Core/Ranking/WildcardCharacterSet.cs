namespace CXoneRanking.Ranking;

/// <summary>
/// The characters a bracket expression such as <c>[a-cx]</c> accepts, without regard to case.
/// PowerShell matches the set as a case-insensitive .NET character class against the lowered
/// input character, and that class treats two characters as the same when their invariant lower
/// cases are equal (so <c>[K]</c>, the Kelvin sign, accepts k, but <c>[S]</c> does not accept ſ).
/// The set therefore accepts a lowered character when a member lowers to it; the lower cases of
/// members that fall outside the ranges are listed once, at compile time.
/// </summary>
internal sealed class WildcardCharacterSet
{
    private readonly char[] _lows;
    private readonly char[] _highs;
    private readonly char[] _loweredOutside;

    public WildcardCharacterSet(IReadOnlyList<(char Low, char High)> ranges)
    {
        _lows = ranges.Select(r => r.Low).ToArray();
        _highs = ranges.Select(r => r.High).ToArray();
        var lowered = new HashSet<char>();
        foreach (var (low, high) in ranges)
        {
            for (int c = low; c <= high; c++)
            {
                var lower = char.ToLowerInvariant((char)c);
                if (!InRanges(lower)) lowered.Add(lower);
            }
        }
        _loweredOutside = lowered.ToArray();
        Array.Sort(_loweredOutside);
    }

    /// <summary>Whether some member lowers to <paramref name="lowered"/> (a character already lowered).</summary>
    public bool Contains(char lowered) => InRanges(lowered) || Array.BinarySearch(_loweredOutside, lowered) >= 0;

    // A lowered character inside a range is a member that lowers to itself.
    private bool InRanges(char c)
    {
        for (var i = 0; i < _lows.Length; i++)
        {
            if (c >= _lows[i] && c <= _highs[i]) return true;
        }
        return false;
    }
}

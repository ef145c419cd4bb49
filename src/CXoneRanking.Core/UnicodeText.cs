namespace CXoneRanking;

/// <summary>
/// Text that is not valid Unicode: a UTF-16 surrogate without its other half, which JSON and UTF-8
/// cannot carry (it would be sent as U+FFFD). The one scan behind every check that refuses such text.
/// </summary>
internal static class UnicodeText
{
    /// <summary>The index of the first unpaired surrogate in <paramref name="text"/>, or -1 when there is none.</summary>
    public static int LoneSurrogateIndex(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else return i;
        }
        return -1;
    }
}

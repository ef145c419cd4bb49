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

    /// <summary>
    /// The text with every unpaired surrogate replaced by U+FFFD, what JSON can carry; the same instance when it has none.
    /// For text recorded beside what made a ranking invalid (the audit log), never for what is sent.
    /// </summary>
    public static string WellFormed(string text)
    {
        if (LoneSurrogateIndex(text) < 0) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}

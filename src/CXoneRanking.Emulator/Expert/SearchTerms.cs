namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// How the emulator reads a search: words are runs of letters and digits, lower-cased. The search
/// log shows them as Expert does (<c>terms</c>, and <c>sorted-terms</c>: the distinct terms in
/// alphabetical order joined by spaces). Matching drops Lucene's English stop words and a plural
/// "s", so "refunds" finds "refund".
/// </summary>
internal static class SearchTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
    };

    /// <summary>The distinct lower-case words of a text, in alphabetical order.</summary>
    public static IReadOnlyList<string> Terms(string text) =>
        [.. Words(text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static string Sorted(string text) => string.Join(' ', Terms(text));

    /// <summary>The forms a text is matched by: no stop words, plurals folded.</summary>
    public static HashSet<string> MatchForms(string text) =>
        new(Words(text).Where(w => !StopWords.Contains(w)).Select(Stem), StringComparer.Ordinal);

    private static string Stem(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}

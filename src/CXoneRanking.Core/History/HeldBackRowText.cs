namespace CXoneRanking.History;

/// <summary>
/// The snippet a held-back row's error names. The log keeps a held-back row as its error alone (docs/design.md,
/// Decisions log), and that error names the row as the row reader writes every location:
/// <c>Code: input N (session 'S', snippet 'ID'): problem</c> (Rows/InputLocation). The id is read back only when the
/// text says it once and unambiguously for this session; otherwise it stays empty and the error, in Detail, still names it.
/// </summary>
internal static class HeldBackRowText
{
    private const string Close = "'): ";

    public static string SnippetId(string rowError, string sessionId)
    {
        var open = $" (session '{sessionId}', snippet '";
        var start = rowError.IndexOf(open, StringComparison.Ordinal);
        if (start < 0 || rowError.IndexOf(open, start + 1, StringComparison.Ordinal) >= 0) return string.Empty;
        start += open.Length;
        var end = rowError.IndexOf(Close, start, StringComparison.Ordinal);
        // A second close after the first means the id (or the problem text) holds one too: which one ends the id is unknown.
        if (end < 0 || rowError.IndexOf(Close, end + 1, StringComparison.Ordinal) >= 0) return string.Empty;
        return rowError.Substring(start, end - start);
    }
}

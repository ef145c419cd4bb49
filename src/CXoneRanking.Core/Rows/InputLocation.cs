namespace CXoneRanking.Rows;

/// <summary>
/// How every row error names its row, in New-SnippetRank, Test-RankingPayload and Submit-SnippetRanking
/// alike: <c>input 4 (session 's-1', snippet 'KB-4')</c>. The input number is the 1-based position of the
/// row in New-SnippetRank's input, counted across the whole pipeline (every session), never within a session;
/// downstream cmdlets read it from the rank (<see cref="SnippetRank.InputNumber"/>) and count their own input only
/// for ranks that carry none. Formatted only when there is an error; ids are shown with control characters escaped
/// (<see cref="ShownText"/>).
/// </summary>
internal readonly struct InputLocation(int inputNumber, string? sessionId, string? snippetId)
{
    public override string ToString()
    {
        var session = string.IsNullOrEmpty(sessionId) ? "no session" : $"session '{ShownText.Of(sessionId!)}'";
        return string.IsNullOrEmpty(snippetId) ? $"input {inputNumber} ({session})"
            : $"input {inputNumber} ({session}, snippet '{ShownText.Of(snippetId!)}')";
    }
}

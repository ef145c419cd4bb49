namespace CXoneRanking;

/// <summary>
/// A session whose ranking.sending (write-ahead) entry has no outcome entry after it: it was
/// about to be sent, and nothing says whether the engine applied it. Ask the engine about the
/// session (its idempotency key identifies the attempt) before sending it again.
/// </summary>
public sealed class UnknownOutcome
{
    public UnknownOutcome(string? sessionId, string idempotencyKey, string file, int lineNumber)
    {
        SessionId = sessionId;
        IdempotencyKey = idempotencyKey;
        File = file;
        LineNumber = lineNumber;
    }

    public string? SessionId { get; }

    /// <summary>The Idempotency-Key the submission's attempts carried.</summary>
    public string IdempotencyKey { get; }

    /// <summary>The full path of the file holding the write-ahead entry.</summary>
    public string File { get; }

    /// <summary>1-based line number of the write-ahead entry within <see cref="File"/>.</summary>
    public int LineNumber { get; }

    public override string ToString() => $"{SessionId} ({Path.GetFileName(File)}:{LineNumber}, key {IdempotencyKey})";
}

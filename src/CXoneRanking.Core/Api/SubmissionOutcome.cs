namespace CXoneRanking.Api;

/// <summary>
/// How one session's submission ended, before it is audited and returned: one record, made by the
/// factory that names the case, so no caller lists seven "nothing" arguments in a row.
/// </summary>
internal sealed record SubmissionOutcome
{
    private SubmissionOutcome(SubmissionStatus status, string? error)
    {
        Status = status;
        Error = error;
    }

    public SubmissionStatus Status { get; init; }

    /// <summary>The last HTTP status received; null when nothing was sent or nothing answered.</summary>
    public int? HttpStatus { get; init; }

    public int Attempts { get; init; }
    public long LatencyMs { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The API's answer on success, as sent.</summary>
    public string? Answer { get; init; }

    public string? CallbackError { get; init; }
    public string? AuditError { get; init; }

    /// <summary>A ranking that may not be sent (<paramref name="reason"/>: its first problem, and how many more).</summary>
    public static SubmissionOutcome Invalid(string reason, IReadOnlyList<string> problems) =>
        new(SubmissionStatus.InvalidRanking, $"{reason}; nothing was sent") { Problems = problems };

    /// <summary>Not sent, for <paramref name="error"/>: stopped first, or the audit log could not record it.</summary>
    public static SubmissionOutcome NotSent(SubmissionStatus status, string error, string? auditError = null) =>
        new(status, error) { AuditError = auditError };

    /// <summary>Not sent because the server already holds this ranking (-SkipUnchanged).</summary>
    public static SubmissionOutcome Unchanged(string? auditError) => new(SubmissionStatus.Unchanged, null) { AuditError = auditError };

    /// <summary>Sent: what the attempts came to.</summary>
    public static SubmissionOutcome Sent(SubmissionStatus status, string? error, IReadOnlyList<string> problems, int? httpStatus, int attempts,
        long latencyMs, string? answer) =>
        new(status, error) { Problems = problems, HttpStatus = httpStatus, Attempts = attempts, LatencyMs = latencyMs, Answer = answer };
}

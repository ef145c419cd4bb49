namespace CXoneRanking.Emulator;

/// <summary>The journal's outcome words, fixed so scripts and tests can filter on them.</summary>
internal static class JournalOutcome
{
    public const string Applied = "applied";
    public const string Replayed = "replayed";
    public const string Rejected = "rejected";
    public const string Locked = "locked";
    public const string Fault = "fault";
    public const string Status = "status";
    public const string TokenIssued = "token_issued";
    public const string TokenRejected = "token_rejected";
    public const string Discovery = "discovery";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Error = "error";
    public const string ExpertUser = "user";
    public const string Searched = "searched";
    public const string Selected = "selected";
    public const string LogRead = "log_read";
    public const string Forbidden = "forbidden";
}

/// <summary>
/// What a handler tells the journal about its request: the outcome word and a short detail such as
/// the error code. Kept per request in HttpContext.Items so handlers never touch the journal itself.
/// </summary>
internal sealed class JournalNote
{
    private static readonly object ItemKey = new();
    private Action<JournalNote>? write;
    private int written;

    public string? Outcome { get; private set; }

    public string? Detail { get; private set; }

    /// <summary>For an Expert request: its route and what may be recorded of its server token.</summary>
    public global::CXoneRanking.Emulator.Expert.ExpertTrace? Expert { get; set; }

    /// <summary>Set when the connection was dropped on purpose: the request then has no status.</summary>
    public bool Aborted { get; set; }

    public static JournalNote For(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is JournalNote note)
        {
            return note;
        }

        note = new JournalNote();
        context.Items[ItemKey] = note;
        return note;
    }

    public void Record(string outcome, string? detail = null)
    {
        Outcome = outcome;
        Detail = detail;
    }

    /// <summary>Says how to write this request's journal entry once its outcome is known.</summary>
    public void OnComplete(Action<JournalNote> writeEntry) => write = writeEntry;

    /// <summary>
    /// Writes the journal entry now, at most once. Called before the client can see any answer, so
    /// a client that reads the journal right after its request always finds that request in it.
    /// </summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref written, 1) == 0)
        {
            write?.Invoke(this);
        }
    }
}

internal static class JournalNoteExtensions
{
    public static JournalNote JournalNote(this HttpContext context) => CXoneRanking.Emulator.JournalNote.For(context);
}

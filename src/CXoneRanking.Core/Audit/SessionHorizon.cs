namespace CXoneRanking.Audit;

/// <summary>
/// How long a reader keeps a session open (docs/audit-log.md#bounded-memory-the-session-horizon): while it has had an
/// entry in the files of the last <see cref="Days"/> UTC days (the days of the files, not of the entries' timestamps,
/// the same 7 days Add-SnippetClick looks back for a ranking). A session is closed once the files of that many later
/// days were read without one, so a reader holds the sessions of about the last 8 days, whatever the log's length.
/// </summary>
public static class SessionHorizon
{
    /// <summary>The file days a session stays open after its last entry.</summary>
    public const int Days = 7;

    /// <summary>A file's UTC day as a day number (days since 0001-01-01), the unit the horizon counts in.</summary>
    public static int DayNumber(DateTime fileDay) => (int)(fileDay.Date.Ticks / TimeSpan.TicksPerDay);

    /// <summary>The UTC day of a day number.</summary>
    public static DateTime DayOf(int dayNumber) => new(dayNumber * TimeSpan.TicksPerDay, DateTimeKind.Utc);

    /// <summary>
    /// The newest last day a session may have had an entry in to be closed once the files of <paramref name="endedDay"/>
    /// have been read: sessions whose last entry is in the files of that day or earlier are closed.
    /// </summary>
    public static int ClosesThrough(int endedDay) => endedDay - Days;
}

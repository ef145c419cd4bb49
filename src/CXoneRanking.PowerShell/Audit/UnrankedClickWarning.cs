using System.Globalization;
using System.Management.Automation;
using CXoneRanking.Audit;

namespace CXoneRanking.PowerShell.Audit;

/// <summary>
/// Add-SnippetClick's check, once at the end of a run, that the log ranked the sessions clicked
/// (in the files from <see cref="RankedSessions.LookbackDays"/> days before the earliest click on):
/// a click for a session it never ranked is still recorded (the ranking may come from elsewhere),
/// but one warning names such sessions, since metrics count their clicks apart
/// (ClicksWithoutRanking) and no rate can use them. A second warning names clicks on a snippet the
/// session's ranking in force never showed, or past its end (ClicksNotShown), recorded all the same.
/// </summary>
internal sealed class UnrankedClickWarning
{
    private const int NamedSessions = 5;
    private readonly Dictionary<string, long> _clicks = new(StringComparer.Ordinal);
    private DateTimeOffset _earliest = DateTimeOffset.MaxValue;
    private readonly List<AuditEntry> _written = [];

    public void Add(IEnumerable<AuditEntry> written)
    {
        foreach (var click in written)
        {
            _written.Add(click);
            if (click.SessionId is not { } session) continue;
            _clicks[session] = _clicks.TryGetValue(session, out var n) ? n + 1 : 1;
            if (click.Timestamp < _earliest) _earliest = click.Timestamp;
        }
    }

    public void Warn(Cmdlet cmdlet, string directory)
    {
        if (_clicks.Count == 0) return;
        // Only the files that can hold these clicks' rankings: a week before the earliest click, and later.
        var firstDay = RankedSessions.FirstDayFor(_earliest);
        IReadOnlyCollection<string> unranked;
        IReadOnlyList<AuditEntry> unshown;
        try
        {
            unranked = RankedSessions.NeverRanked(directory, _clicks.Keys, firstDay);
            unshown = UnshownClicks.Find(directory, _written, firstDay);
        }
        catch (IOException e)
        {
            cmdlet.WriteVerbose($"Could not check which clicked sessions the audit log ranked: {e.Message}");
            return;
        }
        WarnUnshown(cmdlet, unshown);
        if (unranked.Count == 0) return;
        var named = string.Join(", ", unranked.OrderBy(s => s, StringComparer.Ordinal).Take(NamedSessions).Select(s => $"'{s}'"));
        var more = unranked.Count > NamedSessions ? string.Format(CultureInfo.InvariantCulture, " and {0} more", unranked.Count - NamedSessions) : "";
        cmdlet.WriteWarning(string.Format(CultureInfo.InvariantCulture,
            "Recorded {0} click(s) for {1} session(s) whose ranking was not found in the last {5} days of the audit log in '{2}' "
                + "(its files from {6:yyyy-MM-dd} on): {3}{4}. Get-RankingMetrics counts them apart (ClicksWithoutRanking) unless "
                + "an older ranking is in its range, and no click-through rate uses them. Check the session ids, or record clicks in "
                + "the audit log that holds the sessions' rankings.",
            unranked.Sum(s => _clicks[s]), unranked.Count, directory, named, more, RankedSessions.LookbackDays, firstDay));
    }

    private static void WarnUnshown(Cmdlet cmdlet, IReadOnlyList<AuditEntry> unshown)
    {
        if (unshown.Count == 0) return;
        var named = string.Join(", ", unshown.Take(NamedSessions).Select(c => string.Format(CultureInfo.InvariantCulture,
            "'{0}' in session '{1}' at position {2}", c.SnippetId, c.SessionId, c.RankPosition)));
        var more = unshown.Count > NamedSessions ? string.Format(CultureInfo.InvariantCulture, " and {0} more", unshown.Count - NamedSessions) : "";
        cmdlet.WriteWarning(string.Format(CultureInfo.InvariantCulture,
            "Recorded {0} click(s) on a snippet the session's ranking in force never showed, or at a position past its end: {1}{2}. "
                + "Get-RankingMetrics counts them apart (ClicksNotShown) and no click-through rate uses them. Check the snippet ids "
                + "and positions against the ranking sent.",
            unshown.Count, named, more));
    }
}

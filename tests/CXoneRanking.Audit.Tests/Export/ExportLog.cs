using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests.Export;

/// <summary>
/// A generated multi-day log for the export tests: each day a write-ahead entry and an outcome per session (every fifth
/// failed), a click on every second session, one session left without an outcome, one file per day.
/// </summary>
internal sealed class ExportLog(string directory, string prefix, int sessionsPerDay)
{
    private readonly FakeTimeProvider _clock = new(Entries.T0);
    private AuditLogWriter? _writer;
    private int _day;

    public string Directory { get; } = directory;

    public int Sessions { get; private set; }
    public int Succeeded { get; private set; }
    public int Failed { get; private set; }
    public int Clicks { get; private set; }

    public static ExportLog Days(string directory, int days, int sessionsPerDay = 40, string prefix = "s")
    {
        var log = new ExportLog(directory, prefix, sessionsPerDay);
        for (var d = 0; d < days; d++) log.AddDay();
        return log;
    }

    /// <summary>Moves the clock to the next day (the first call stays on T0's) and writes that day's sessions into its file.</summary>
    public void AddDay()
    {
        if (_writer is null)
        {
            _writer = Entries.Writer(Directory, o => o.TimeProvider = _clock);
        }
        else
        {
            _clock.Advance(TimeSpan.FromDays(1));
            _day++;
        }
        AddSessions(sessionsPerDay);
    }

    /// <summary>More sessions on the last day written: the log's open day.</summary>
    public void GrowLastDay(int sessions) => AddSessions(sessions);

    private void AddSessions(int count)
    {
        var batch = new List<AuditEntry>();
        var at = _clock.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var session = $"{prefix}-{_day}-{Sessions}";
            var key = Guid.NewGuid().ToString();
            var sending = AuditEntry.Ranking(AuditEvent.RankingSending, session, at);
            (sending.IdempotencyKey, sending.Snippets, sending.SnippetCount, sending.MaxWindow) = (key, ["KB-1", "KB-2", "KB-3"], 3, 10);
            batch.Add(sending);
            var outcome = Sessions % 5 == 4 ? Entries.Failed(session, 120, at: at) : Entries.Submitted(session, 40 + i, at, "KB-1", "KB-2", "KB-3");
            outcome.IdempotencyKey = key;
            batch.Add(outcome);
            if (Sessions % 5 == 4) Failed++;
            else Succeeded++;
            if (Sessions % 2 == 0)
            {
                batch.Add(Entries.Click(session, "KB-2", 2, at.AddSeconds(5)));
                Clicks++;
            }
            Sessions++;
        }
        _writer!.Append(batch);
    }
}

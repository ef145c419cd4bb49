using System.Text.Json.Serialization;

namespace CXoneRanking.Emulator;

/// <summary>
/// One request as the journal keeps it. There is deliberately no field for headers, query strings
/// or bodies: those are where tokens and client secrets travel. Expert requests add their route, the
/// user they ran as, and of the X-Deki-Token only its status, epoch and user part (never the hash).
/// </summary>
internal sealed record JournalEntry(
    long Sequence,
    DateTime Time,
    string Method,
    string Path,
    int? Status,
    string? SessionId,
    string? IdempotencyKey,
    string Outcome,
    string? Detail,
    double DurationMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Route = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RanAs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TokenStatus = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? TokenEpoch = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TokenUser = null);

/// <summary>
/// Every API request the emulator received, in arrival order. Bounded so that a long benchmark
/// cannot exhaust memory: past the capacity the oldest entries go, and <see cref="Dropped"/> says how many.
/// </summary>
internal sealed class RequestJournal(int capacity = RequestJournal.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly Queue<JournalEntry> entries = new();
    private readonly Lock gate = new();
    private long sequence;
    private long dropped;

    public long Dropped
    {
        get
        {
            lock (gate)
            {
                return dropped;
            }
        }
    }

    /// <summary>Numbers a request when it arrives, so the journal keeps arrival order even though requests finish out of order.</summary>
    public long NextSequence() => Interlocked.Increment(ref sequence);

    public void Add(JournalEntry entry)
    {
        lock (gate)
        {
            entries.Enqueue(entry);
            while (entries.Count > capacity)
            {
                entries.Dequeue();
                dropped++;
            }
        }
    }

    public IReadOnlyList<JournalEntry> Snapshot(string? sessionId = null)
    {
        JournalEntry[] copy;
        lock (gate)
        {
            copy = [.. entries];
        }

        return [.. copy.Where(e => sessionId is null || string.Equals(e.SessionId, sessionId, StringComparison.Ordinal))
            .OrderBy(e => e.Sequence)];
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            dropped = 0;
        }
    }
}

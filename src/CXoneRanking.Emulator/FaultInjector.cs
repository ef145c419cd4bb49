using System.Collections.Concurrent;

namespace CXoneRanking.Emulator;

/// <summary>
/// Decides whether a ranking POST meets a fault: first the session's scripted faults (in the order
/// they were queued), then one draw against the --fault-rate table.
/// </summary>
internal sealed class FaultInjector
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> scripted = new(StringComparer.Ordinal);
    private readonly FaultRates rates;
    private readonly int? seed;
    private readonly Lock drawGate = new();
    private Random random;

    public FaultInjector(FaultRates rates, int? seed)
    {
        this.rates = rates;
        this.seed = seed;
        random = NewRandom();
    }

    /// <summary>Appends faults to the session's script; returns how many are now waiting.</summary>
    public int Enqueue(string sessionId, IEnumerable<Fault> faults)
    {
        var queue = scripted.GetOrAdd(sessionId, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }

        return queue.Count;
    }

    public Fault? NextFor(string sessionId)
    {
        if (scripted.TryGetValue(sessionId, out var queue) && queue.TryDequeue(out var fault))
        {
            return fault;
        }

        if (rates.IsEmpty)
        {
            return null;
        }

        // Random is not thread-safe, and a seeded sequence only repeats if draws never interleave.
        double draw;
        lock (drawGate)
        {
            draw = random.NextDouble();
        }

        return rates.Pick(draw);
    }

    /// <summary>Forgets every script and restarts the seeded sequence, so a reset run repeats exactly.</summary>
    public void Clear()
    {
        scripted.Clear();
        lock (drawGate)
        {
            random = NewRandom();
        }
    }

    private Random NewRandom() => seed is int value ? new Random(value) : new Random();
}

using System.Collections.Concurrent;

namespace CXoneRanking.Emulator;

/// <summary>A ranking POST's answer, kept as bytes so a replay is byte-for-byte the first answer.</summary>
internal sealed record RankingReply(int Status, byte[] Body, string Outcome, string? Detail);

/// <summary>How an idempotent attempt went.</summary>
internal enum IdempotencyResult
{
    /// <summary>The key was new (or its earlier attempts failed): the attempt ran.</summary>
    Executed,

    /// <summary>The key had already succeeded with the same body: the first answer is returned.</summary>
    Replayed,

    /// <summary>The key had already succeeded with a different body.</summary>
    KeyReused,
}

/// <summary>
/// Idempotency-Key deduplication. Only successful answers are remembered: a 400 or a 409 says
/// nothing was applied, so the client's retry with the same key must be free to succeed later.
/// The check and the apply happen under one lock per key, so concurrent identical requests apply once.
/// </summary>
internal sealed class IdempotencyCache
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public (IdempotencyResult Result, RankingReply? Reply) Execute(string key, byte[] bodyHash, Func<RankingReply> attempt)
    {
        var entry = entries.GetOrAdd(key, _ => new Entry());
        lock (entry.Gate)
        {
            if (entry.Reply is { } stored)
            {
                return entry.BodyHash.AsSpan().SequenceEqual(bodyHash)
                    ? (IdempotencyResult.Replayed, stored)
                    : (IdempotencyResult.KeyReused, null);
            }

            var reply = attempt();
            if (reply.Status == StatusCodes.Status200OK)
            {
                entry.BodyHash = bodyHash;
                entry.Reply = reply;
            }

            return (IdempotencyResult.Executed, reply);
        }
    }

    public void Clear() => entries.Clear();

    private sealed class Entry
    {
        public Lock Gate { get; } = new();

        public byte[] BodyHash { get; set; } = [];

        public RankingReply? Reply { get; set; }
    }
}

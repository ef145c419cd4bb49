using System.Collections.Concurrent;
using System.Text.Json;

namespace CXoneRanking.Emulator;

/// <summary>The ranking a session holds now, with how it got there.</summary>
internal sealed record AppliedRanking(
    string SessionId, Guid RankingId, DateTimeOffset AppliedAt, int AppliedCount, string? IdempotencyKey, JsonElement Payload);

/// <summary>
/// The sessions' current rankings. Each POST swaps the whole record in one step, so a reader sees
/// either the old ranking or the new one, never a mix: the atomicity docs/design.md#ranking-payload promises.
/// </summary>
internal sealed class RankingStore
{
    private readonly ConcurrentDictionary<string, AppliedRanking> rankings = new(StringComparer.Ordinal);

    public int Count => rankings.Count;

    public AppliedRanking Apply(string sessionId, JsonElement payload, string? idempotencyKey, DateTimeOffset now) =>
        rankings.AddOrUpdate(
            sessionId,
            _ => new AppliedRanking(sessionId, Guid.NewGuid(), now, 1, idempotencyKey, payload),
            (_, previous) => new AppliedRanking(sessionId, Guid.NewGuid(), now, previous.AppliedCount + 1, idempotencyKey, payload));

    public AppliedRanking? Find(string sessionId) => rankings.GetValueOrDefault(sessionId);

    public void Clear() => rankings.Clear();
}

using System.Collections.Concurrent;

namespace CXoneRanking.Emulator;

/// <summary>
/// Sessions that an agent interaction holds: while locked, ranking POSTs get 409 and the status
/// endpoint says "locked". A lock ends by itself when its time is up.
/// </summary>
internal sealed class SessionLocks(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> lockedUntil = new(StringComparer.Ordinal);

    /// <summary>Locks the session for <paramref name="duration"/> from now; zero unlocks it. Returns the end of the lock.</summary>
    public DateTimeOffset? Lock(string sessionId, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            lockedUntil.TryRemove(sessionId, out _);
            return null;
        }

        var until = time.GetUtcNow() + duration;
        lockedUntil[sessionId] = until;
        return until;
    }

    public bool IsLocked(string sessionId) =>
        lockedUntil.TryGetValue(sessionId, out var until) && time.GetUtcNow() < until;

    public void Clear() => lockedUntil.Clear();
}

namespace CXoneRanking.Audit;

/// <summary>
/// The ranking.sending (write-ahead) entries a reader has seen whose outcome entry it has not:
/// sessions sent, but whose outcome is unknown. A writer puts the outcome after its write-ahead
/// entry, with the same idempotency_key, so one pass in file order pairs them. Only the keys of
/// open entries are kept: a log of finished runs holds none.
/// </summary>
internal sealed class UnansweredSendings
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public int Count => _keys.Count;

    /// <summary>The keys of the write-ahead entries still open (for a reader's checkpoint).</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>Opens a write-ahead entry by its key alone, as a checkpoint recorded it.</summary>
    public void Restore(string key) => _keys.Add(key);

    /// <summary>Closes the write-ahead entry an outcome answers; call it for every entry, before any filter.</summary>
    public void Answer(AuditEntry entry)
    {
        if (AuditEvent.IsRanking(entry.Event) && entry.IdempotencyKey is { } key) _keys.Remove(key);
    }

    /// <summary>Opens a write-ahead entry; true when <paramref name="entry"/> is one.</summary>
    public bool Open(AuditEntry entry)
    {
        if (entry.Event != AuditEvent.RankingSending) return false;
        if (entry.IdempotencyKey is { } key) _keys.Add(key);
        return true;
    }
}

using CXoneRanking.Audit;

namespace CXoneRanking.Bench;

/// <summary>
/// Seals entries into the chain exactly as AuditLogWriter does (its serializer, its hash, its seal), so every byte is what the
/// module writes, and hands each line to the files.
/// </summary>
internal sealed class ChainWriter(DayFiles files)
{
    private readonly MemoryStream _buffer = new(1 << 16);

    public string LastHash { get; private set; } = AuditHash.Genesis;
    public long Entries { get; private set; }

    public async ValueTask WriteAsync(AuditEntry entry)
    {
        AuditEntryJson.WriteUnsealed(entry, LastHash, _buffer);
        var json = _buffer.GetBuffer();
        var length = (int)_buffer.Length;
        var hash = AuditHash.Compute(LastHash, json, 0, length - 1);
        await files.WriteAsync(AuditHash.Seal(json, length, hash));
        LastHash = hash;
        Entries++;
    }
}

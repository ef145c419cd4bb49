namespace CXoneRanking.Audit;

/// <summary>One log file that housekeeping compressed: its name before, and its size before and after.</summary>
public sealed class AuditCompressedFile
{
    internal AuditCompressedFile(string name, long rawBytes, long compressedBytes)
    {
        Name = name;
        RawBytes = rawBytes;
        CompressedBytes = compressedBytes;
    }

    /// <summary>The raw file's name (<c>cxone-audit-20261125.jsonl</c>); the compressed one adds <c>.gz</c>.</summary>
    public string Name { get; }

    public long RawBytes { get; }

    public long CompressedBytes { get; }

    /// <summary>The compressed size over the raw size, 0 to about 1.</summary>
    public double Ratio => RawBytes == 0 ? 0 : (double)CompressedBytes / RawBytes;

    public override string ToString() => $"{Name}: {RawBytes:N0} -> {CompressedBytes:N0} bytes ({Ratio:P1})";
}

namespace CXoneRanking.Audit;

/// <summary>
/// What one compression run (<see cref="AuditCompression"/>) did: the files it compressed, the interrupted
/// compressions it settled, and the files it could not compress (each named, with the reason; the run went on).
/// </summary>
public sealed class AuditCompressionResult
{
    private readonly List<AuditCompressedFile> _compressed = [];
    private readonly List<string> _repairs = [];
    private readonly List<string> _problems = [];

    public IReadOnlyList<AuditCompressedFile> Compressed => _compressed;

    /// <summary>What an earlier, interrupted compression left and how it was settled, one sentence each.</summary>
    public IReadOnlyList<string> Repairs => _repairs;

    /// <summary>Files that could not be compressed or settled, and why; they are left as they were, for the next run.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>True when the run was stopped before it had gone through every file (the rest is left for the next run).</summary>
    public bool Cancelled { get; internal set; }

    public long RawBytes => _compressed.Sum(f => f.RawBytes);

    public long CompressedBytes => _compressed.Sum(f => f.CompressedBytes);

    internal void Add(AuditCompressedFile file) => _compressed.Add(file);

    internal void Repaired(string what) => _repairs.Add(what);

    internal void Failed(string what) => _problems.Add(what);

    public override string ToString() =>
        $"{_compressed.Count} file(s) compressed ({RawBytes:N0} -> {CompressedBytes:N0} bytes), {_repairs.Count} repair(s), "
        + $"{_problems.Count} problem(s){(Cancelled ? ", stopped" : "")}";
}

namespace CXoneRanking.Audit;

/// <summary>
/// How far a reader has got through an audit directory, for a progress bar: reported by
/// <see cref="AuditLogReader.ReadEntries"/> and <see cref="AuditChainVerifier.Verify"/> when
/// given an <see cref="IProgress{T}"/>, on the reading thread, at each file and every mebibyte.
/// </summary>
public sealed class AuditReadProgress(int fileNumber, int fileCount, string fileName, long bytesRead, long totalBytes)
{
    /// <summary>1-based number of the file being read.</summary>
    public int FileNumber { get; } = fileNumber;

    public int FileCount { get; } = fileCount;

    public string FileName { get; } = fileName;

    /// <summary>Bytes read so far, over every file.</summary>
    public long BytesRead { get; } = bytesRead;

    /// <summary>The lengths of every file as they were when reading began.</summary>
    public long TotalBytes { get; } = totalBytes;

    /// <summary>0 to 100.</summary>
    public int PercentComplete => TotalBytes <= 0 ? 100 : (int)Math.Min(100, 100L * BytesRead / TotalBytes);
}

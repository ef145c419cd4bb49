namespace CXoneRanking.Audit;

/// <summary>
/// Where a file of the log stood before a batch touched it: cutting the file back to
/// <see cref="Length"/> (or removing it, when the batch created it) undoes the batch's part.
/// </summary>
internal readonly struct AuditFileMark(string path, FileStream stream, long length, bool created)
{
    public string Path { get; } = path;
    public long Length { get; } = length;

    /// <summary>Cuts the file back; throws when the file system refuses.</summary>
    public void Restore()
    {
        stream.SetLength(Length);
        stream.Flush(true);
        if (created && Length == 0) File.Delete(Path);
    }
}

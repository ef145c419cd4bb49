namespace CXoneRanking.Audit;

/// <summary>
/// Turns a snapshot's reading position into <see cref="AuditReadProgress"/> reports: one when each
/// file starts, then one per mebibyte read, so a 10 MiB file gives about ten and a small log
/// costs one report per file.
/// </summary>
internal sealed class AuditReadTracker(IProgress<AuditReadProgress> progress, IReadOnlyList<KeyValuePair<AuditLogFile, long>> files)
{
    private const long Step = 1024 * 1024;
    private readonly long _total = files.Sum(f => f.Value);
    private long _doneBefore;
    private long _lastReported = -Step;
    private int _fileNumber;
    private string _fileName = string.Empty;

    public void StartFile(AuditLogFile file)
    {
        _fileNumber++;
        _fileName = file.Name;
        Report(_doneBefore);
    }

    /// <summary>
    /// Called per line with the stream the current file is read from and the file's noted length. A compressed file's
    /// progress is its compressed position against its compressed length (scaled to the noted length when the file was
    /// raw when noted and compressed by the time it was read).
    /// </summary>
    public void Advance(Stream stream, long notedLength)
    {
        var position = stream is CompressedLogStream compressed
            ? compressed.CompressedLength == notedLength
                ? compressed.CompressedPosition
                : (long)((double)compressed.CompressedPosition / Math.Max(1, compressed.CompressedLength) * notedLength)
            : stream.Position;
        var read = _doneBefore + Math.Min(position, notedLength);
        if (read - _lastReported >= Step) Report(read);
    }

    public void EndFile(long length) => _doneBefore += length;

    public void Finish() => Report(_total);

    private void Report(long read)
    {
        _lastReported = read;
        progress.Report(new AuditReadProgress(Math.Max(1, _fileNumber), files.Count, _fileName, Math.Min(read, _total), _total));
    }
}

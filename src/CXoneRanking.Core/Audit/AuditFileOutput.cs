namespace CXoneRanking.Audit;

/// <summary>
/// The file a batch is appended to, held only under the directory lock: it continues the newest
/// file (ending a torn last line first), starts the day's first file when the day changes, and
/// rolls to the next sequence number when a line would push a file past the size limit. Lines
/// are never split across files.
/// </summary>
internal sealed class AuditFileOutput : IDisposable
{
    private readonly AuditLogWriterOptions _options;
    private AuditLogFile _file;
    private FileStream _stream;
    private long _length;

    private AuditFileOutput(AuditLogWriterOptions options, AuditLogFile file, FileStream stream, string prevHash)
    {
        _options = options;
        _file = file;
        _stream = stream;
        _length = stream.Seek(0, SeekOrigin.End);
        PrevHash = prevHash;
    }

    /// <summary>The hash the batch's first entry chains to.</summary>
    public string PrevHash { get; }

    /// <summary>Opens the file to append to; <paramref name="files"/> are the directory's log files, oldest first.</summary>
    public static AuditFileOutput Open(IReadOnlyList<AuditLogFile> files, AuditLogWriterOptions options)
    {
        var today = options.TimeProvider.GetUtcNow().UtcDateTime.Date;
        var newest = files.Count > 0 ? files[files.Count - 1] : null;
        FileStream? stream = null;
        string? prevHash = null;
        if (newest is not null && OpenExisting(newest.Path) is { } existing)
        {
            stream = existing;
            if (AuditLogTail.EndsMidLine(stream))
            {
                // A crash cut the last line short: end it, so the next entry is not glued onto it.
                stream.Seek(0, SeekOrigin.End);
                stream.WriteByte((byte)'\n');
            }
            prevHash = AuditLogTail.LastHash(stream);
        }
        prevHash ??= AuditLogTail.LastHash(files.Take(files.Count - 1).ToList()) ?? AuditHash.Genesis;

        // Never back to an earlier day's file, even if this machine's clock is behind the last
        // writer's: file order is chain order.
        if (stream is not null && newest!.Day >= today) return new AuditFileOutput(options, newest, stream, prevHash);
        stream?.Dispose();
        var file = AuditLogFile.For(options.Directory, newest is not null && newest.Day > today ? newest.Day : today, 0);
        return new AuditFileOutput(options, file, Create(file.Path), prevHash);
    }

    public void Write(byte[] line)
    {
        if (_length > 0 && _length + line.Length > _options.MaxFileBytes) Roll();
        _stream.Write(line, 0, line.Length);
        _length += line.Length;
    }

    public void Flush() => _stream.Flush(_options.Durable);

    public void Dispose() => _stream.Dispose();

    private void Roll()
    {
        Flush();
        _stream.Dispose();
        _file = AuditLogFile.For(_options.Directory, _file.Day, _file.Sequence + 1);
        _stream = Create(_file.Path);
        _length = _stream.Seek(0, SeekOrigin.End);
    }

    private static FileStream? OpenExisting(string path)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 64 * 1024); }
        catch (FileNotFoundException) { return null; } // deleted by hand since it was listed
    }

    private static FileStream Create(string path)
    {
        var existed = File.Exists(path);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        if (!existed) UnixPermissions.Set(path, UnixPermissions.OwnerOnlyFile);
        return stream;
    }
}

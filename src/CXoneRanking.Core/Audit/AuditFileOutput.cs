namespace CXoneRanking.Audit;

/// <summary>
/// The file a batch is appended to, held only under the directory lock: it continues the newest
/// file (ending a torn last line first), starts the day's first file when the day changes, and
/// rolls to the next sequence number when a line would push a file past the size limit. Lines
/// are never split across files. A batch is appended whole or not at all: see <see cref="AuditBatchAppend"/>.
/// </summary>
internal sealed class AuditFileOutput : IDisposable
{
    private readonly AuditLogWriterOptions _options;
    private readonly List<FileStream> _opened = [];
    private AuditLogFile _file;
    private FileStream _stream;

    private AuditFileOutput(AuditLogWriterOptions options, AuditLogFile file, FileStream stream, string prevHash)
    {
        _options = options;
        _file = file;
        _stream = stream;
        _opened.Add(stream);
        Length = stream.Seek(0, SeekOrigin.End);
        PrevHash = prevHash;
    }

    /// <summary>The hash the batch's first entry chains to.</summary>
    public string PrevHash { get; }

    /// <summary>The current file's length on disk.</summary>
    public long Length { get; private set; }

    public AuditLogWriterOptions Options => _options;

    /// <summary>Opens the file to append to; <paramref name="files"/> are the directory's log files, oldest first.</summary>
    public static AuditFileOutput Open(IReadOnlyList<AuditLogFile> files, AuditLogWriterOptions options)
    {
        var today = options.TimeProvider.GetUtcNow().UtcDateTime.Date;
        var newest = files.Count > 0 ? files[files.Count - 1] : null;
        FileStream? stream = null;
        string? prevHash = null;
        if (newest is { IsCompressed: false } && OpenExisting(newest, today) is { } existing)
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
        var before = newest is { IsCompressed: true } ? files : files.Take(files.Count - 1).ToList();
        prevHash ??= AuditLogTail.LastHash(before) ?? AuditHash.Genesis;

        // Never back to an earlier day's file, even if this machine's clock is behind the last
        // writer's: file order is chain order.
        if (stream is not null && newest!.Day >= today) return new AuditFileOutput(options, newest, stream, prevHash);
        stream?.Dispose();
        // A compressed newest file (never compressed by housekeeping; a folder compressed whole by hand) is closed: the
        // log goes on in the file after it, since a raw file of its name would hide it.
        var file = newest is { IsCompressed: true } && newest.Day >= today
            ? AuditLogFile.For(options.Directory, newest.Day, newest.Sequence + 1)
            : AuditLogFile.For(options.Directory, newest is not null && newest.Day > today ? newest.Day : today, 0);
        return new AuditFileOutput(options, file, Create(file.Path), prevHash);
    }

    /// <summary>The current file, its stream and its length, as a batch found them.</summary>
    public AuditFileMark Mark(bool created) => new(_file.Path, _stream, Length, created);

    /// <summary>Writes <paramref name="bytes"/> (whole lines) to the current file in one write and flushes them.</summary>
    public void Write(byte[] bytes, int count)
    {
        var target = _options.OutputFilter?.Invoke(_stream) ?? _stream;
        _stream.Seek(Length, SeekOrigin.Begin);
        target.Write(bytes, 0, count);
        target.Flush();
        _stream.Flush(_options.Durable);
        Length += count;
    }

    /// <summary>Moves on to the day's next file; true when this created it.</summary>
    public bool Roll()
    {
        _file = AuditLogFile.For(_options.Directory, _file.Day, _file.Sequence + 1);
        var existed = File.Exists(_file.Path);
        _stream = Create(_file.Path);
        _opened.Add(_stream);
        Length = _stream.Seek(0, SeekOrigin.End);
        return !existed;
    }

    public void Dispose()
    {
        foreach (var stream in _opened) stream.Dispose();
    }

    // Unbuffered (buffer size 1): a batch goes to the file in one write, so a failed write
    // leaves nothing behind in a buffer that a later flush (or the truncation) would push out.
    // A file of an earlier day that is not a regular file holds no entry and is never appended
    // to: the log goes on in today's file, chained to the files before it.
    private static FileStream? OpenExisting(AuditLogFile file, DateTime today)
    {
        try
        {
            var stream = new FileStream(file.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
            if (stream.CanSeek || file.Day >= today) return RegularOnly(stream, file.Path);
            stream.Dispose();
            return null;
        }
        catch (FileNotFoundException)
        {
            // deleted by hand since it was listed
            return null;
        }
    }

    private static FileStream Create(string path)
    {
        var existed = File.Exists(path);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        if (!existed) UnixPermissions.Set(path, UnixPermissions.OwnerOnlyFile);
        return RegularOnly(stream, path);
    }

    // A pipe or a device named like a log file opens for writing (on Linux without blocking) but
    // cannot seek: appending to it would lose entries or fail on the stream's own words.
    private static FileStream RegularOnly(FileStream stream, string path)
    {
        if (stream.CanSeek) return stream;
        stream.Dispose();
        throw new AuditFileNotRegularException(path);
    }
}

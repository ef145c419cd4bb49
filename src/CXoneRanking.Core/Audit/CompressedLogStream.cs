using System.IO.Compression;

namespace CXoneRanking.Audit;

/// <summary>
/// A <c>.jsonl.gz</c> log file read as its raw bytes (a <see cref="GZipStream"/> over the file) that never
/// ends quietly on damage: corrupt data (the runtime's <see cref="InvalidDataException"/>, or Mono's
/// <see cref="IOException"/>) and a file cut short (which the runtime reads as a plain end) are both a
/// <see cref="AuditFileDamagedException"/>. A cut is found from the gzip trailer: the file's last four
/// bytes hold the length of its content, which the bytes read must match once the data ends.
/// </summary>
internal sealed class CompressedLogStream : Stream
{
    // A gzip member is at least a 10-byte header, an empty deflate block and an 8-byte trailer.
    private const int MinimumLength = 18;

    private readonly FileStream? _file;
    private readonly GZipStream? _gzip;
    private readonly uint _expectedLength;
    private long _read;

    private CompressedLogStream(string path, FileStream? file)
    {
        Path = path;
        _file = file;
        CompressedLength = file?.Length ?? 0;
        if (file is null || CompressedLength < MinimumLength) return;
        var trailer = new byte[4];
        file.Seek(-4, SeekOrigin.End);
        var got = 0;
        int n;
        while (got < 4 && (n = file.Read(trailer, got, 4 - got)) > 0) got += n;
        file.Seek(0, SeekOrigin.Begin);
        _expectedLength = (uint)(trailer[0] | trailer[1] << 8 | trailer[2] << 16 | trailer[3] << 24);
        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>The file at <paramref name="path"/> (which must exist) opened for reading beside writers and housekeeping.</summary>
    public static CompressedLogStream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024,
            FileOptions.SequentialScan);
        try
        {
            return new CompressedLogStream(path, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>An empty compressed file, which nothing can have written whole: reading it reports it damaged.</summary>
    public static CompressedLogStream Empty(string path) => new(path, null);

    /// <summary>The compressed file's full path.</summary>
    public string Path { get; }

    /// <summary>How far into the compressed file reading has got: progress is measured on the file as it is on disk.</summary>
    public long CompressedPosition => _file?.Position ?? 0;

    public long CompressedLength { get; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_gzip is null) throw new AuditFileDamagedException(Path, $"it is {CompressedLength} bytes long, too short for gzip data");
        int read;
        try
        {
            read = _gzip.Read(buffer, offset, count);
        }
        catch (Exception e) when (e is InvalidDataException || e.GetType() == typeof(IOException))
        {
            throw new AuditFileDamagedException(Path, $"its gzip data is corrupt ({e.Message})", e);
        }
        _read += read;
        if (read == 0 && count > 0 && (uint)_read != _expectedLength)
            throw new AuditFileDamagedException(Path,
                $"it ends after {_read} bytes of content, but its trailer says {_expectedLength}: the file was cut short");
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip?.Dispose();
            _file?.Dispose();
        }
        base.Dispose(disposing);
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Threading.Channels;

namespace CXoneRanking.Bench;

/// <summary>
/// The folder's files, as the writer names and rolls them: one file per UTC day, the day's next file (_001, _002, ...) when a
/// line would push the current one past the size limit. A closed day may be written compressed directly
/// (cxone-audit-YYYYMMDD.jsonl.gz: gzip of exactly the bytes the .jsonl would hold, the format of docs/audit-log.md). A
/// compressed file is gathered raw in a buffer of at most the size limit and compressed on another thread while the next
/// one fills, so at most three buffers are alive: memory stays constant however long the log.
/// </summary>
internal sealed class DayFiles : IAsyncDisposable
{
    private readonly string _folder;
    private readonly long _maxFileBytes;
    private readonly CompressionLevel _level;
    private readonly Channel<(string Path, MemoryStream Raw)> _toCompress = Channel.CreateBounded<(string, MemoryStream)>(1);
    private readonly Channel<MemoryStream> _free = Channel.CreateUnbounded<MemoryStream>();
    private readonly Task _compressor;
    private DateOnly _day;
    private int _sequence;
    private bool _compressed;
    private Stream? _current;
    private string _currentPath = "";
    private long _currentLength;

    public DayFiles(string folder, long maxFileBytes, CompressionLevel level)
    {
        _folder = folder;
        _maxFileBytes = maxFileBytes;
        _level = level;
        Directory.CreateDirectory(folder);
        for (var i = 0; i < 3; i++) _free.Writer.TryWrite(new MemoryStream((int)Math.Min(maxFileBytes + 65536, int.MaxValue / 2)));
        _compressor = Task.Run(CompressAsync);
    }

    public long RawBytes { get; private set; }
    public long StoredBytes { get; private set; }
    public int Files { get; private set; }

    public async Task BeginDayAsync(DateOnly day, bool compressed)
    {
        await CloseFileAsync();
        (_day, _sequence, _compressed) = (day, 0, compressed);
        await OpenFileAsync();
    }

    public async ValueTask WriteAsync(byte[] line)
    {
        if (_currentLength > 0 && _currentLength + line.Length > _maxFileBytes)
        {
            await CloseFileAsync();
            _sequence++;
            await OpenFileAsync();
        }
        _current!.Write(line, 0, line.Length);
        _currentLength += line.Length;
        RawBytes += line.Length;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseFileAsync();
        _toCompress.Writer.TryComplete();
        await _compressor;
    }

    private async Task OpenFileAsync()
    {
        var name = "cxone-audit-" + _day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + (_sequence == 0 ? "" : "_" + _sequence.ToString("D3", CultureInfo.InvariantCulture)) + ".jsonl";
        _currentPath = Path.Combine(_folder, name);
        _currentLength = 0;
        if (_compressed)
        {
            var buffer = await _free.Reader.ReadAsync();
            buffer.SetLength(0);
            _current = buffer;
        }
        else _current = new FileStream(_currentPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 20);
        Files++;
    }

    private async Task CloseFileAsync()
    {
        switch (_current)
        {
            case null: return;
            case MemoryStream raw: await _toCompress.Writer.WriteAsync((_currentPath + ".gz", raw)); break;
            default:
                await _current.DisposeAsync();
                StoredBytes += _currentLength;
                break;
        }
        _current = null;
    }

    private async Task CompressAsync()
    {
        await foreach (var (path, raw) in _toCompress.Reader.ReadAllAsync())
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                await using (var gzip = new GZipStream(file, _level, leaveOpen: true))
                    gzip.Write(raw.GetBuffer(), 0, (int)raw.Length);
                lock (this) StoredBytes += file.Length;
            }
            await _free.Writer.WriteAsync(raw);
        }
    }
}

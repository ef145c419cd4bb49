namespace CXoneRanking.Audit;

/// <summary>
/// Streams a log file line by line as raw bytes: nothing is decoded or re-encoded, so a verifier
/// hashes exactly what is stored, and memory stays flat however large the file. The file is
/// opened so that writers can go on appending (and retention deleting, and compression replacing it) while it is read.
/// A compressed file (<c>.jsonl.gz</c>) reads as the same lines, with the same numbers; one that is damaged ends in a
/// line that carries the damage (<see cref="RawLine.Damage"/>) instead of an exception.
/// </summary>
internal static class RawLineReader
{
    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The file opened for reading beside writers, or null if it is empty or no longer exists
    /// (retention deleted it, or compression replaced it). An empty file has nothing to read, and a pipe or a device named like
    /// a log file reports length 0: opening a pipe to read would block until something writes to it. A compressed file
    /// (<c>.gz</c>) opens as its content (<see cref="CompressedLogStream"/>, not seekable); an empty one reads as damaged.
    /// </summary>
    public static Stream? TryOpen(string path)
    {
        try
        {
            if (new FileInfo(path) is not { Exists: true } info) return null;
            if (AuditLogFile.IsCompressedName(path)) return info.Length > 0 ? CompressedLogStream.Open(path) : CompressedLogStream.Empty(path);
            if (info.Length == 0) return null;
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The lines in the first <paramref name="limit"/> bytes of the stream. A CR before a LF is dropped. When a compressed
    /// file turns out damaged, the last line is an empty one carrying <see cref="RawLine.Damage"/>, numbered after the last
    /// whole line read; the part of a line read before the damage is dropped.
    /// </summary>
    public static IEnumerable<RawLine> Read(Stream stream, long limit = long.MaxValue, CancellationToken cancellationToken = default)
    {
        var chunk = new byte[ChunkSize];
        var pending = new byte[4096];
        var pendingLength = 0;
        var number = 0;
        var remaining = limit;
        int read;
        AuditFileDamagedException? damage = null;
        while (remaining > 0 && (read = TryRead(stream, chunk, (int)Math.Min(chunk.Length, remaining), ref damage)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            remaining -= read;
            var start = 0;
            int newline;
            while ((newline = Array.IndexOf(chunk, (byte)'\n', start, read - start)) >= 0)
            {
                number++;
                if (pendingLength == 0)
                {
                    yield return Line(number, chunk, start, newline - start, terminated: true);
                }
                else
                {
                    Append(ref pending, ref pendingLength, chunk, start, newline - start);
                    yield return Line(number, pending, 0, pendingLength, terminated: true);
                    pendingLength = 0;
                }
                start = newline + 1;
            }
            Append(ref pending, ref pendingLength, chunk, start, read - start);
        }
        if (damage is not null)
            yield return new RawLine(number + 1, new ArraySegment<byte>(chunk, 0, 0), terminated: false,
                $"the compressed file is damaged after line {number}: {damage.Reason}; the rest of the file cannot be read");
        else if (pendingLength > 0) yield return Line(number + 1, pending, 0, pendingLength, terminated: false);
    }

    // A damaged compressed file ends the reading like the end of the file, and says so.
    private static int TryRead(Stream stream, byte[] chunk, int count, ref AuditFileDamagedException? damage)
    {
        try
        {
            return stream.Read(chunk, 0, count);
        }
        catch (AuditFileDamagedException e)
        {
            damage = e;
            return 0;
        }
    }

    private static RawLine Line(int number, byte[] bytes, int offset, int count, bool terminated)
    {
        if (terminated && count > 0 && bytes[offset + count - 1] == (byte)'\r') count--;
        // A BOM is how some editors mark UTF-8, not content: the writer never writes one.
        if (number == 1 && count >= 3 && bytes[offset] == Utf8Bom[0] && bytes[offset + 1] == Utf8Bom[1] && bytes[offset + 2] == Utf8Bom[2])
        {
            offset += 3;
            count -= 3;
        }
        return new RawLine(number, new ArraySegment<byte>(bytes, offset, count), terminated);
    }

    private static void Append(ref byte[] buffer, ref int length, byte[] source, int offset, int count)
    {
        if (count == 0) return;
        if (length + count > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + count));
        Buffer.BlockCopy(source, offset, buffer, length, count);
        length += count;
    }
}

using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// What the writer needs from the end of the newest file: the hash of the last entry that has
/// one, and whether the file ends mid-line. It reads backwards from the end in growing windows,
/// so appending to a 10 MiB file costs a few kilobytes of reading, not the whole file. A compressed file
/// (never the newest, so read only when every newer file lacks a hash) is read forward to its end.
/// </summary>
internal static class AuditLogTail
{
    private const int FirstWindow = 16 * 1024;

    /// <summary>True when the file is not empty and its last byte is not a newline (a torn write).</summary>
    public static bool EndsMidLine(FileStream stream)
    {
        if (stream.Length == 0) return false;
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }

    /// <summary>The hash of the last line that is a sealed JSON entry, or null if none is.</summary>
    /// <exception cref="AuditFileDamagedException">The stream is of a compressed file that is damaged.</exception>
    public static string? LastHash(Stream stream)
    {
        if (!stream.CanSeek) return LastHashForward(stream);
        var length = stream.Length;
        for (long window = FirstWindow; ; window *= 4)
        {
            var start = Math.Max(0, length - window);
            var bytes = new byte[length - start];
            stream.Seek(start, SeekOrigin.Begin);
            ReadFully(stream, bytes);
            // Lines from the last to the first; the first is cut off unless the window reached the start.
            var end = bytes.Length;
            while (end > 0)
            {
                var newline = Array.LastIndexOf(bytes, (byte)'\n', end - 1);
                if (newline < 0 && start > 0) break;
                var lineStart = newline + 1;
                if (HashOf(new ArraySegment<byte>(bytes, lineStart, end - lineStart)) is { } hash) return hash;
                end = newline < 0 ? 0 : newline;
            }
            if (start == 0) return null;
        }
    }

    /// <summary>The last entry's hash among <paramref name="files"/> (oldest first), or null if none has one.</summary>
    public static string? LastHash(IReadOnlyList<AuditLogFile> files)
    {
        for (var i = files.Count - 1; i >= 0; i--)
        {
            using var stream = RawLineReader.TryOpen(files[i].Path);
            if (stream is not null && LastHash(stream) is { } hash) return hash;
        }
        return null;
    }

    private static string? LastHashForward(Stream stream)
    {
        string? last = null;
        foreach (var line in RawLineReader.Read(stream))
        {
            if (line.Damage is not null)
                throw new AuditFileDamagedException(PathOf(stream), $"it cannot be read after line {line.Number - 1}, so its last hash is unknown");
            if (HashOf(line.Bytes) is { } hash) last = hash;
        }
        return last;
    }

    private static string PathOf(Stream stream) => stream is CompressedLogStream compressed ? compressed.Path : "(stream)";

    private static string? HashOf(ArraySegment<byte> line)
    {
        if (line.Count > 0 && line.Array![line.Offset + line.Count - 1] == (byte)'\r')
            line = new ArraySegment<byte>(line.Array, line.Offset, line.Count - 1);
        if (!AuditHash.TryUnseal(line, out var hash, out _)) return null;
        try
        {
            using var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(line.Array, line.Offset, line.Count));
            return document.RootElement.ValueKind == JsonValueKind.Object ? hash : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void ReadFully(Stream stream, byte[] buffer)
    {
        var offset = 0;
        int read;
        while (offset < buffer.Length && (read = stream.Read(buffer, offset, buffer.Length - offset)) > 0) offset += read;
        if (offset < buffer.Length) throw new EndOfStreamException("The audit file shrank while its tail was read.");
    }
}

using System.IO.Compression;

namespace CXoneRanking.Audit;

/// <summary>
/// Compresses one closed log file, called under the folder lock: the file is written to <c>X.jsonl.gz.tmp</c> (gzip,
/// optimal level, owner-only like the log files), flushed to disk, read back and compared byte for byte with
/// <c>X.jsonl</c>, renamed to <c>X.jsonl.gz</c> (never over an existing file), and only then is <c>X.jsonl</c> deleted.
/// At every moment one of the two names holds the whole file, and a half-written file never has the final name.
/// </summary>
internal static class AuditFileCompressor
{
    private const int BufferSize = 64 * 1024;

    public static void Compress(AuditLogFile file, AuditCompressionResult result)
    {
        var raw = new FileInfo(file.Path);
        // Nothing to gain from an empty file, and a pipe named like a log file reports length 0: reading it would block.
        if (!raw.Exists || raw.Length == 0) return;
        var temporary = file.CompressedPath + AuditCompression.TemporarySuffix;
        try
        {
            Write(file.Path, temporary);
            if (!SameContent(file.Path, temporary, out var difference))
                throw new IOException($"the compressed copy, read back, differs from the file ({difference})");
            File.Move(temporary, file.CompressedPath);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        var compressed = new FileInfo(file.CompressedPath).Length;
        try
        {
            File.Delete(file.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Failed($"{file.Name} was compressed to {Path.GetFileName(file.CompressedPath)} but could not be deleted: {e.Message} "
                + "(readers read it; the next run deletes it)");
            return;
        }
        result.Add(new AuditCompressedFile(file.Name, raw.Length, compressed));
    }

    /// <summary>True when the compressed file at <paramref name="compressedPath"/> holds exactly the bytes of <paramref name="rawPath"/>.</summary>
    public static bool SameContent(string rawPath, string compressedPath, out string difference)
    {
        using var raw = OpenRaw(rawPath);
        using var compressed = CompressedLogStream.Open(compressedPath);
        var expected = new byte[BufferSize];
        var actual = new byte[BufferSize];
        long offset = 0;
        try
        {
            while (true)
            {
                var count = ReadFully(raw, expected);
                var got = ReadFully(compressed, actual);
                for (var i = 0; i < Math.Min(count, got); i++)
                {
                    if (expected[i] == actual[i]) continue;
                    difference = $"the bytes differ at byte {offset + i}";
                    return false;
                }
                if (count != got)
                {
                    difference = $"one ends at byte {offset + Math.Min(count, got)}, the other does not";
                    return false;
                }
                if (count == 0) break;
                offset += count;
            }
        }
        catch (AuditFileDamagedException e)
        {
            difference = e.Reason;
            return false;
        }
        difference = "";
        return true;
    }

    private static void Write(string rawPath, string temporary)
    {
        using var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        UnixPermissions.Set(temporary, UnixPermissions.OwnerOnlyFile);
        using (var input = OpenRaw(rawPath))
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            input.CopyTo(gzip, BufferSize);
        output.Flush(flushToDisk: true);
    }

    private static FileStream OpenRaw(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.SequentialScan);

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        return total;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the next run deletes a leftover temporary file
        }
    }
}

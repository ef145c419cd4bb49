using System.IO.Compression;

namespace CXoneRanking.Audit.Tests.Compression;

/// <summary>Copies of a log folder, compressed or damaged as a test needs.</summary>
internal static class CompressedFolder
{
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A copy of every file of <paramref name="source"/> in a new temporary directory.</summary>
    public static TempDirectory CopyOf(string source)
    {
        var copy = new TempDirectory();
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        return copy;
    }

    /// <summary>Compresses every closed day at least <paramref name="afterDays"/> before <paramref name="now"/>'s day.</summary>
    public static AuditCompressionResult Compress(string directory, DateTimeOffset now, int afterDays = 1) =>
        AuditCompression.Run(directory, afterDays, now, LockTimeout, CancellationToken.None);

    /// <summary>The names in the folder, sorted, log files and others alike.</summary>
    public static string[] Names(string directory) =>
        [.. Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().Where(n => n.StartsWith("cxone-audit-", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)];

    /// <summary>The file's content, decompressed when it is a .gz.</summary>
    public static byte[] Content(string path)
    {
        using var file = File.OpenRead(path);
        using var content = new MemoryStream();
        if (path.EndsWith(".gz", StringComparison.Ordinal))
            using (var gzip = new GZipStream(file, CompressionMode.Decompress)) gzip.CopyTo(content);
        else file.CopyTo(content);
        return content.ToArray();
    }

    /// <summary>Writes <paramref name="bytes"/> gzip-compressed to <paramref name="path"/>, as a person with gzip would.</summary>
    public static void WriteGzip(string path, byte[] bytes)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Cuts the file to <paramref name="fraction"/> of its length.</summary>
    public static void Truncate(string path, double fraction)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength((long)(file.Length * fraction));
    }
}

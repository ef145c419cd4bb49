using System.Globalization;
using System.Text;

namespace CXoneRanking.Audit;

/// <summary>
/// Where the chain may legitimately start once retention has deleted old files. Before a file is
/// deleted, the hash of its last entry is appended to <c>.cxone-audit.anchors</c>; the oldest
/// remaining entry must then chain to 64 zeros or to one of these hashes. Without it, removing
/// the first entries of the log would look exactly like retention at work.
/// </summary>
internal static class AuditAnchors
{
    public const string FileName = ".cxone-audit.anchors";

    /// <summary>Records <paramref name="hash"/> as the last hash of <paramref name="deletedFile"/>; called under the directory lock.</summary>
    public static void Record(string directory, string hash, string deletedFile, DateTimeOffset now)
    {
        var path = Path.Combine(directory, FileName);
        var existed = File.Exists(path);
        var line = string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}\n", hash, deletedFile, AuditTimestamp.ToText(now));
        using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            var bytes = Encoding.ASCII.GetBytes(line);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(flushToDisk: true); // it must outlive the file it stands for
        }
        if (!existed) UnixPermissions.Set(path, UnixPermissions.OwnerOnlyFile);
    }

    /// <summary>Every recorded hash; none when nothing was ever deleted.</summary>
    public static HashSet<string> Read(string directory)
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return hashes;
        using var reader = new StreamReader(
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.ASCII);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var hash = line.Length >= AuditHash.HexLength ? line.Substring(0, AuditHash.HexLength) : line;
            if (AuditHash.IsHash(hash)) hashes.Add(hash);
        }
        return hashes;
    }
}

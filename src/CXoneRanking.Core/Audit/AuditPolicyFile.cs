using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// Reads and writes <c>.cxone-audit.policy.json</c>. A file that cannot be read or is not a policy is an
/// <see cref="AuditPolicyInvalidException"/> naming it and why: never guessed at, never taken for the defaults.
/// </summary>
internal static class AuditPolicyFile
{
    public const string FileName = ".cxone-audit.policy.json";
    private const int MaxBytes = 64 * 1024; // a policy is a few dozen bytes; anything larger is not one

    public static string PathIn(string directory) => Path.Combine(directory, FileName);

    /// <summary>The folder's policy; the defaults (<see cref="AuditPolicy.IsDefault"/>) when it has no policy file.</summary>
    /// <exception cref="AuditPolicyInvalidException">The file exists but cannot be read or is not a valid policy.</exception>
    public static AuditPolicy Read(string directory)
    {
        var path = PathIn(directory);
        if (!File.Exists(path) && !Directory.Exists(path))
            return new AuditPolicy(AuditPolicy.DefaultRetentionDays, AuditPolicy.DefaultCompressAfterDays, null, path, isDefault: true);
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            bytes = new byte[Math.Min(stream.Length, MaxBytes + 1)];
            var read = 0;
            while (read < bytes.Length && stream.Read(bytes, read, bytes.Length - read) is var n and > 0) read += n;
            if (read != bytes.Length) Array.Resize(ref bytes, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, $"it cannot be read: {e.Message}", e);
        }
        if (bytes.Length > MaxBytes) throw Invalid(path, $"it is larger than a policy's {MaxBytes} bytes");
        return Parse(path, bytes);
    }

    private static AuditPolicy Parse(string path, byte[] bytes)
    {
        AuditPolicyDocument? document;
        try
        {
            document = AuditPolicyJson.Deserialize(bytes);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not a policy's JSON: {e.Message}", e);
        }
        if (document is null) throw Invalid(path, "it holds JSON null, not a policy object");
        if (document.Version is not { } version) throw Invalid(path, "it has no \"version\"");
        if (version != AuditPolicyDocument.CurrentVersion)
            throw Invalid(path, $"it is version {version}; this module reads version {AuditPolicyDocument.CurrentVersion} "
                + "(a newer module wrote it?)");
        var retention = document.RetentionDays ?? AuditPolicy.DefaultRetentionDays;
        var compress = document.CompressAfterDays ?? AuditPolicy.DefaultCompressAfterDays;
        if (AuditPolicy.Problem(retention, compress, document.MaxSizeMB) is { } problem) throw Invalid(path, problem);
        return new AuditPolicy(retention, compress, document.MaxSizeMB, path, isDefault: false);
    }

    /// <summary>
    /// The first half of an atomic write, called under the folder lock: <paramref name="policy"/> in a temporary file,
    /// owner-only on Unix, flushed to disk. <see cref="Commit"/> renames it over the policy file, so no reader ever sees half
    /// a policy; <see cref="Discard"/> drops it.
    /// </summary>
    public static string WriteTemporary(string directory, AuditPolicy policy)
    {
        var temporary = PathIn(directory) + ".tmp";
        var bytes = AuditPolicyJson.Serialize(new AuditPolicyDocument
        {
            Version = AuditPolicyDocument.CurrentVersion, RetentionDays = policy.RetentionDays,
            CompressAfterDays = policy.CompressAfterDays, MaxSizeMB = policy.MaxSizeMB,
        });
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            UnixPermissions.Set(temporary, UnixPermissions.OwnerOnlyFile); // before the content: never readable by others
            stream.Write(bytes, 0, bytes.Length);
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }
        return temporary;
    }

    /// <summary>Renames the temporary file over the policy file (replacing an unreadable one too).</summary>
    public static void Commit(string directory, string temporary)
    {
        var path = PathIn(directory);
        if (File.Exists(path)) File.Replace(temporary, path, destinationBackupFileName: null);
        else File.Move(temporary, path);
    }

    public static void Discard(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover .tmp is harmless: the next write replaces it, and no reader looks at it.
        }
    }

    private static AuditPolicyInvalidException Invalid(string path, string reason, Exception? inner = null) => new(path, reason, inner);
}

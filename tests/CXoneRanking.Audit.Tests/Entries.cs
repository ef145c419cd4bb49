using System.Security.Cryptography;
using System.Text;

namespace CXoneRanking.Audit.Tests;

/// <summary>Entries and log files for tests, with fixed host/user/version so lines are predictable.</summary>
internal static class Entries
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 19, 7, 58, 123, TimeSpan.Zero);

    public static AuditEntry Click(string session, string snippet, int position, DateTimeOffset? at = null) =>
        Fixed(AuditEntry.Click(session, snippet, position, at ?? T0));

    public static AuditEntry Submitted(string session, long latencyMs, DateTimeOffset? at = null, params string[] snippets)
    {
        var entry = Fixed(AuditEntry.Ranking(AuditEvent.RankingSubmitted, session, at ?? T0));
        entry.Snippets = snippets;
        entry.SnippetCount = snippets.Length;
        entry.MaxWindow = 10;
        entry.Status = "accepted";
        entry.HttpStatus = 200;
        entry.Attempts = 1;
        entry.LatencyMs = latencyMs;
        return entry;
    }

    public static AuditEntry Failed(string session, long? latencyMs, string eventName = AuditEvent.RankingFailed, DateTimeOffset? at = null)
    {
        var entry = Fixed(AuditEntry.Ranking(eventName, session, at ?? T0));
        entry.LatencyMs = latencyMs;
        entry.Status = eventName == AuditEvent.RankingCancelled ? "cancelled" : "failed";
        return entry;
    }

    private static AuditEntry Fixed(AuditEntry entry)
    {
        entry.ModuleVersion = "1.0.0";
        entry.Host = "host-1";
        entry.User = "svc";
        return entry;
    }

    /// <summary>The chain's hash computed independently of the product code.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static AuditLogWriter Writer(string directory, Action<AuditLogWriterOptions>? configure = null)
    {
        var options = new AuditLogWriterOptions(directory);
        configure?.Invoke(options);
        return new AuditLogWriter(options);
    }

    /// <summary>The log's file names, oldest first, a compressed one by its .jsonl name (the same file).</summary>
    public static string[] FileNames(string directory) =>
        AuditLogFile.List(directory).Select(f => Path.GetFileName(f.RawPath)).ToArray();

    /// <summary>Every line of every log file, oldest file first, a compressed one decompressed (test fixtures are small).</summary>
    public static string[] AllLines(string directory) =>
        AuditLogFile.List(directory).SelectMany(f => ReadLines(f)).ToArray();

    // Through the readers' one opening of a log file, which decompresses a .jsonl.gz.
    private static IEnumerable<string> ReadLines(AuditLogFile file)
    {
        using var stream = RawLineReader.TryOpen(file.Path);
        if (stream is null) yield break;
        foreach (var line in RawLineReader.Read(stream)) yield return System.Text.Encoding.UTF8.GetString(line.Bytes.Array!, line.Bytes.Offset, line.Bytes.Count);
    }
}

using System.Globalization;

namespace CXoneRanking;

/// <summary>
/// The one policy every writer of an audit folder obeys, kept in the folder as <c>.cxone-audit.policy.json</c>
/// (docs/audit-log.md#the-folders-policy): how many days are kept, after how many days a closed day is compressed, and
/// an optional size cap. Immutable: <see cref="With"/> gives a changed copy.
/// </summary>
public sealed class AuditPolicy
{
    public const int DefaultRetentionDays = 400;
    public const int DefaultCompressAfterDays = 1;
    public const int MaxDays = 36500;
    public const int MaxSizeCapMB = 100_000_000; // 100 TB: beyond any disk a log of this kind lives on

    /// <summary>A policy with the given values, checked against the documented ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range (the message names the member and the range).</exception>
    public AuditPolicy(int retentionDays = DefaultRetentionDays, int compressAfterDays = DefaultCompressAfterDays, int? maxSizeMB = null)
        : this(retentionDays, compressAfterDays, maxSizeMB, path: null, isDefault: false)
    {
    }

    internal AuditPolicy(int retentionDays, int compressAfterDays, int? maxSizeMB, string? path, bool isDefault)
    {
        if (Problem(retentionDays, compressAfterDays, maxSizeMB) is { } problem)
            throw new ArgumentOutOfRangeException(null, problem);
        RetentionDays = retentionDays;
        CompressAfterDays = compressAfterDays;
        MaxSizeMB = maxSizeMB;
        Path = path;
        IsDefault = isDefault;
    }

    /// <summary>Files of days older than this before the writer's UTC day are deleted (1 to 36500).</summary>
    public int RetentionDays { get; }

    /// <summary>Files of days at least this old are gzip-compressed (1 to 36500); 0 never compresses.</summary>
    public int CompressAfterDays { get; }

    /// <summary>Only when set: past this many MB of log files the oldest whole days are deleted. Null: no cap.</summary>
    public int? MaxSizeMB { get; }

    /// <summary>True when the folder has no policy file, so these are the defaults.</summary>
    public bool IsDefault { get; }

    /// <summary>The policy file this was read from (or would be written to); null for a policy not tied to a folder.</summary>
    public string? Path { get; }

    /// <summary>The cap in bytes, or null without one.</summary>
    internal long? MaxSizeBytes => MaxSizeMB is { } mb ? mb * 1024L * 1024L : null;

    /// <summary>
    /// A copy with the values given changed and the others kept; <paramref name="maxSizeMB"/> 0 removes the cap.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public AuditPolicy With(int? retentionDays = null, int? compressAfterDays = null, int? maxSizeMB = null) =>
        new(retentionDays ?? RetentionDays, compressAfterDays ?? CompressAfterDays,
            maxSizeMB is 0 ? null : maxSizeMB ?? MaxSizeMB, Path, isDefault: false);

    /// <summary>Why these values are not a policy, naming the member and its range; null when they are one.</summary>
    public static string? Problem(int retentionDays, int compressAfterDays, int? maxSizeMB) =>
        retentionDays is < 1 or > MaxDays ? $"retention_days {retentionDays} is outside 1 to {MaxDays}"
        : compressAfterDays is < 0 or > MaxDays ? $"compress_after_days {compressAfterDays} is outside 0 (never) to {MaxDays}"
        : maxSizeMB is < 1 or > MaxSizeCapMB ? $"max_size_mb {maxSizeMB} is outside 1 to {MaxSizeCapMB} (null: no cap)"
        : null;

    internal bool SameValues(AuditPolicy other) =>
        RetentionDays == other.RetentionDays && CompressAfterDays == other.CompressAfterDays && MaxSizeMB == other.MaxSizeMB;

    /// <summary>The values as the audit.policy entry states them: <c>retention_days 400, compress_after_days 1, max_size_mb none</c>.</summary>
    internal string Values => string.Format(CultureInfo.InvariantCulture, "retention_days {0}, compress_after_days {1}, max_size_mb {2}",
        RetentionDays, CompressAfterDays, MaxSizeMB?.ToString(CultureInfo.InvariantCulture) ?? "none");

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "keep {0} day(s), compress {1}, {2}{3}",
        RetentionDays, CompressAfterDays == 0 ? "never" : $"after {CompressAfterDays} day(s)",
        MaxSizeMB is { } mb ? $"cap {mb} MB" : "no size cap", IsDefault ? " (default: no policy file)" : "");
}

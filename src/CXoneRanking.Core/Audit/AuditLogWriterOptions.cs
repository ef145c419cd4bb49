namespace CXoneRanking.Audit;

/// <summary>
/// Where and how <see cref="AuditLogWriter"/> writes. What is kept is not an option of a writer: it is the folder's policy
/// (<see cref="AuditPolicy"/>), which every writer of the folder obeys.
/// </summary>
public sealed class AuditLogWriterOptions
{
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    private long _maxFileBytes = DefaultMaxFileBytes;
    private TimeSpan _lockTimeout = TimeSpan.FromSeconds(30);
    private TimeProvider _timeProvider = TimeProvider.System;

    public AuditLogWriterOptions(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The audit directory is empty.", nameof(directory));
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The audit directory, as a full path.</summary>
    public string Directory { get; }

    /// <summary>A file that would grow past this rolls over to the day's next file (an entry larger than the limit gets a file of its own).</summary>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        set => _maxFileBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The size limit must be positive.");
    }

    /// <summary>Flush every batch to the disk itself (fsync), not only to the operating system.</summary>
    public bool Durable { get; set; }

    /// <summary>How long an append waits for another writer's lock before it gives up with an IOException.</summary>
    public TimeSpan LockTimeout
    {
        get => _lockTimeout;
        set => _lockTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The lock timeout must be positive.");
    }

    /// <summary>
    /// Tests only: wraps each log file's stream before a batch is written through it, so a test
    /// can fail a write half-way the way a full disk does. The file itself is still cut back
    /// through the real stream.
    /// </summary>
    internal Func<Stream, Stream>? OutputFilter { get; set; }

    /// <summary>The clock that names the day's file and decides which days retention and compression find old.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }
}

namespace CXoneRanking.Audit;

/// <summary>
/// The log files and their lengths at one instant, taken under the writers' lock when it can
/// be had, so that a reader sees whole batches only and never mistakes a line being written for
/// a torn one. Reading then happens without the lock, up to those lengths, so a long read never
/// holds writers up. Without write access to the directory (an archived copy, a read-only
/// share) the snapshot is taken without the lock.
/// </summary>
internal sealed class AuditLogSnapshot
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    private AuditLogSnapshot(string directory, IReadOnlyList<KeyValuePair<AuditLogFile, long>> files)
    {
        Directory = directory;
        Files = files;
    }

    public string Directory { get; }

    /// <summary>
    /// Each file, oldest first, with its length on disk: for a raw file the length to read it to, for a compressed one
    /// (read to its end) its compressed length.
    /// </summary>
    public IReadOnlyList<KeyValuePair<AuditLogFile, long>> Files { get; }

    /// <exception cref="DirectoryNotFoundException">There is no such directory.</exception>
    public static AuditLogSnapshot Take(string directory, CancellationToken cancellationToken)
    {
        directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"The audit log directory '{directory}' does not exist.");
        try
        {
            using (AuditDirectoryLock.Acquire(directory, LockTimeout, cancellationToken))
                return new AuditLogSnapshot(directory, Measure(directory));
        }
        // No write access, or a writer that kept the lock for the whole wait: read without it.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not DirectoryNotFoundException)
        {
            return new AuditLogSnapshot(directory, Measure(directory));
        }
    }

    /// <summary>The same snapshot without the files of days before <paramref name="firstDay"/> (all of them when null).</summary>
    public AuditLogSnapshot Since(DateTime? firstDay) => firstDay is not { } day ? this
        : new AuditLogSnapshot(Directory, Files.Where(f => f.Key.Day >= day.Date).ToList());

    /// <summary>The same snapshot with only the files of the days <paramref name="days"/> accepts (all of them when null).</summary>
    public AuditLogSnapshot Where(Func<DateTime, bool>? days) => days is null ? this
        : new AuditLogSnapshot(Directory, Files.Where(f => days(f.Key.Day)).ToList());

    /// <summary>How many files <see cref="Lines"/> has opened (some may vanish to retention before they are read).</summary>
    public int FilesRead { get; private set; }

    /// <summary>
    /// Every line of every file in chain order, with the file it was read from; reading progress goes to <paramref name="progress"/>.
    /// A raw file is read up to its noted length; a compressed one (closed) to its end. A raw file that compression replaced
    /// since the snapshot is read from its <c>.gz</c>, up to the same length, and that file is the one given with its lines.
    /// </summary>
    public IEnumerable<KeyValuePair<AuditLogFile, RawLine>> Lines(CancellationToken cancellationToken, IProgress<AuditReadProgress>? progress = null)
    {
        var tracker = progress is null ? null : new AuditReadTracker(progress, Files);
        foreach (var file in Files)
        {
            tracker?.StartFile(file.Key);
            var read = file.Key;
            var stream = RawLineReader.TryOpen(read.Path);
            if (stream is null && !read.IsCompressed)
            {
                // Compression writes the .gz before it deletes the .jsonl: gone, and a .gz there, means compressed meanwhile.
                read = read.Compressed;
                stream = RawLineReader.TryOpen(read.Path);
            }
            using (stream)
            {
                if (stream is not null)
                {
                    FilesRead++;
                    var limit = file.Key.IsCompressed ? long.MaxValue : file.Value;
                    foreach (var line in RawLineReader.Read(stream, limit, cancellationToken))
                    {
                        tracker?.Advance(stream, file.Value);
                        yield return new(read, line);
                    }
                }
            }
            tracker?.EndFile(file.Value);
        }
        tracker?.Finish();
    }

    private static List<KeyValuePair<AuditLogFile, long>> Measure(string directory)
    {
        var files = new List<KeyValuePair<AuditLogFile, long>>();
        foreach (var file in AuditLogFile.List(directory))
        {
            var info = new FileInfo(file.Path);
            if (info.Exists) files.Add(new(file, info.Length));
        }
        return files;
    }
}

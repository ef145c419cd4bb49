namespace CXoneRanking.Audit;

/// <summary>
/// Appends entries to the hash-chained audit log. Each batch is written under an exclusive
/// lock on the directory that every process and thread honours, so concurrent writers never
/// interleave, lose or mis-chain an entry. The chain's last hash is read from the files under
/// that lock on every batch, never remembered, because other processes append in between. A
/// batch is appended whole or not at all, so a failed batch may be retried without duplicates.
/// </summary>
public sealed class AuditLogWriter
{
    public AuditLogWriter(AuditLogWriterOptions options) => Options = options ?? throw new ArgumentNullException(nameof(options));

    public AuditLogWriter(string directory) : this(new AuditLogWriterOptions(directory)) { }

    public AuditLogWriterOptions Options { get; }

    private long _entriesWritten;

    /// <summary>How many entries this writer has appended (so a run knows whether it wrote anything to housekeep after).</summary>
    public long EntriesWritten => Interlocked.Read(ref _entriesWritten);

    /// <summary>
    /// Housekeeping, once a run's own entries are written: retention by the folder's policy (each deleted file anchored, one
    /// audit.pruned entry recording them all), then compression of closed days; one file at a time under the folder lock.
    /// Never throws for the folder's sake: an unusable policy (nothing is then deleted or compressed), a file that could not
    /// be deleted or the lock not had are in the result. Cancellation stops it between files; what was deleted is still
    /// recorded.
    /// </summary>
    public AuditHousekeepingResult Housekeep(CancellationToken cancellationToken = default) => AuditHousekeeping.Run(this, cancellationToken);

    /// <summary>
    /// Changes the folder's policy (<c>.cxone-audit.policy.json</c>) under the folder lock: <paramref name="change"/> gets the
    /// policy in force (the defaults without a file or with an unusable one) and returns the new one, which is written
    /// atomically and recorded in an audit.policy entry. Nothing is written when the values are already those.
    /// </summary>
    /// <exception cref="IOException">The lock was not had, or the file or the entry could not be written (then nothing changed).</exception>
    public AuditPolicyChange SetPolicy(Func<AuditPolicy, AuditPolicy> change, CancellationToken cancellationToken = default) =>
        AuditPolicySetting.Set(this, change ?? throw new ArgumentNullException(nameof(change)), cancellationToken);

    /// <summary>Appends one entry; see <see cref="Append(IReadOnlyList{AuditEntry}, CancellationToken)"/>.</summary>
    public void Append(AuditEntry entry, CancellationToken cancellationToken = default) => Append([entry], cancellationToken);

    /// <summary>
    /// Appends <paramref name="entries"/> in order as one batch, flushed to the operating system
    /// (to the disk when <see cref="AuditLogWriterOptions.Durable"/>), and sets each entry's
    /// <see cref="AuditEntry.PrevHash"/> and <see cref="AuditEntry.Hash"/>. Cancellation is
    /// honoured only while waiting for the lock: a batch once started is written whole. When it
    /// throws, none of the batch is in the log (unless the message says it could not be undone).
    /// </summary>
    /// <exception cref="IOException">The lock was not had within the timeout, or the disk failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory or a file of it may not be written.</exception>
    public void Append(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        if (!IsWorthWriting(entries)) return;
        var directory = EnsureDirectory();
        using (AuditDirectoryLock.Acquire(directory, Options.LockTimeout, cancellationToken)) WriteLocked(entries, directory);
    }

    /// <summary>
    /// As <see cref="Append(IReadOnlyList{AuditEntry}, CancellationToken)"/>, but waits for the
    /// directory lock without holding a thread; the short write itself runs synchronously.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        if (!IsWorthWriting(entries)) return;
        var directory = EnsureDirectory();
        using (await AuditDirectoryLock.AcquireAsync(directory, Options.LockTimeout, cancellationToken).ConfigureAwait(false))
            WriteLocked(entries, directory);
    }

    private static bool IsWorthWriting(IReadOnlyList<AuditEntry> entries)
    {
        if (entries is null) throw new ArgumentNullException(nameof(entries));
        if (entries.Any(e => e is null)) throw new ArgumentException("The batch holds a null entry.", nameof(entries));
        return entries.Count > 0;
    }

    internal string EnsureDirectory()
    {
        var directory = Options.Directory;
        if (!Directory.Exists(directory)) UnixPermissions.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Writes a batch; the caller holds the folder lock.</summary>
    internal void WriteLocked(IReadOnlyList<AuditEntry> entries, string directory)
    {
        using (var output = AuditFileOutput.Open(AuditLogFile.List(directory), Options))
        {
            // Every line is made before the first is written, so an entry that cannot be
            // serialized fails the batch without leaving half of it in the file.
            var lines = new byte[entries.Count][];
            var hashes = new string[entries.Count + 1];
            hashes[0] = output.PrevHash;
            using var buffer = new MemoryStream();
            for (var i = 0; i < entries.Count; i++)
            {
                Stamp(entries[i]);
                AuditEntryJson.WriteUnsealed(entries[i], hashes[i], buffer);
                var json = buffer.GetBuffer();
                var length = (int)buffer.Length;
                hashes[i + 1] = AuditHash.Compute(hashes[i], json, 0, length - 1);
                lines[i] = AuditHash.Seal(json, length, hashes[i + 1]);
            }
            AuditBatchAppend.Write(output, lines);
            for (var i = 0; i < entries.Count; i++)
            {
                entries[i].PrevHash = hashes[i];
                entries[i].Hash = hashes[i + 1];
            }
        }
        Interlocked.Add(ref _entriesWritten, entries.Count);
    }

    // Asked of the operating system once per process, not once per entry: each is a system
    // call, and a stopped run records its whole backlog in one batch.
    private static readonly Lazy<string> MachineName = new(() => Environment.MachineName);
    private static readonly Lazy<string> UserName = new(() => Environment.UserName);

    private static void Stamp(AuditEntry entry)
    {
        entry.ModuleVersion ??= ModuleInfo.Version;
        entry.Host ??= MachineName.Value;
        entry.User ??= UserName.Value;
    }
}

namespace CXoneRanking.Audit;

/// <summary>
/// Streams the entries of an audit directory in chain order, one line at a time. Lines that are
/// not entries (torn writes, foreign JSON) and the rest of a damaged compressed file are skipped and
/// listed in <see cref="SkippedLines"/>, never fatal. Hashes are not checked here: that is <see cref="AuditChainVerifier"/>'s job.
/// </summary>
public sealed class AuditLogReader
{
    private readonly List<SkippedLine> _skipped = [];
    private AuditLogSnapshot? _snapshot;

    public AuditLogReader(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The audit directory is empty.", nameof(directory));
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    /// <summary>
    /// Which entries' candidates to read (docs/audit-log.md#how-a-ranking-came-to-be), asked with the entry's other members
    /// read; null (the default) reads none, and an entry then only says it has them (<see cref="AuditEntry.HasCandidates"/>).
    /// Reading them costs time and memory the metrics have no use for, so only the readers that use them ask.
    /// </summary>
    public Func<AuditEntry, bool>? CandidatesFor { get; init; }

    /// <summary>The lines skipped so far; complete once <see cref="ReadEntries"/> has been enumerated to the end.</summary>
    public IReadOnlyList<SkippedLine> SkippedLines => _skipped;

    /// <summary>The UTC day of the file the entry <see cref="ReadEntries"/> returned last came from; null before the first.</summary>
    public DateTime? FileDay { get; private set; }

    /// <summary>
    /// Given the snapshot of the folder when reading starts, the part of it to read (a reader that has summaries of the
    /// older days reads only the later ones); null reads all of it.
    /// </summary>
    internal Func<AuditLogSnapshot, AuditLogSnapshot>? SnapshotTaken { get; init; }

    /// <summary>
    /// Read only the members the metrics use (<see cref="LeanEntryParser"/>; the full parser for any line it is unsure
    /// of): host, user, module_version, prev_hash, target, note and error are left empty, candidates unread.
    /// </summary>
    internal bool Lean { get; init; }

    /// <summary>How many files the last enumeration read.</summary>
    public int FilesRead => _snapshot?.FilesRead ?? 0;

    /// <summary>
    /// Which entries to check against their own hash as they are read (<see cref="AuditEntry.HoldsItsHash"/>): one hash per
    /// entry asked for, so only readers of a few entries (Get-RankingHistory) ask; null (the default) checks none.
    /// </summary>
    public Func<AuditEntry, bool>? HashCheckedFor { get; init; }

    /// <summary>
    /// Which files to read, by the UTC day of their name (a date, time of day zero); null (the default) reads every file.
    /// Export-RankingAuditLog reads only the days it has not exported yet, so a daily run reads one day, not a year.
    /// </summary>
    public Func<DateTime, bool>? FileDays { get; init; }

    /// <summary>The name of the file the entry last returned by <see cref="ReadEntries"/> came from; null before the first.</summary>
    public string? CurrentFileName { get; private set; }

    /// <summary>Every entry, oldest file first and in file order within a file; how far it got goes to <paramref name="progress"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist (thrown when enumeration starts).</exception>
    public IEnumerable<AuditEntry> ReadEntries(CancellationToken cancellationToken = default, IProgress<AuditReadProgress>? progress = null)
    {
        _skipped.Clear();
        _snapshot = AuditLogSnapshot.Take(Directory, cancellationToken).Where(FileDays);
        if (SnapshotTaken is { } narrow) _snapshot = narrow(_snapshot);
        // Snippet ids and metadata repeat across sessions: one copy each (bounded).
        var pool = CandidatesFor is null ? null : new CandidatePool();
        using var links = HashCheckedFor is null ? null : new AuditChainLinks();
        foreach (var pair in _snapshot.Lines(cancellationToken, progress))
        {
            var (file, line) = (pair.Key, pair.Value);
            if (line.Damage is { } damage) _skipped.Add(new SkippedLine(file.Path, line.Number, damage));
            if (line.IsBlank) continue;
            var entry = Lean ? LeanEntryParser.TryParse(line) : null;
            string? problem = null;
            if (entry is null)
            {
                using var json = AuditLineParser.TryParse(line, out problem);
                entry = json is null ? null : AuditEntryParser.Parse(json.RootElement, out problem, CandidatesFor, pool);
            }
            if (entry is null)
            {
                _skipped.Add(new SkippedLine(file.Path, line.Number, problem!));
                continue;
            }
            if (links is not null && HashCheckedFor!(entry)) entry.HoldsItsHash = links.HoldsOwnHash(line);
            FileDay = file.Day;
            CurrentFileName = file.Name;
            yield return entry;
        }
    }
}

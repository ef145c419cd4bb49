namespace CXoneRanking;

/// <summary>What Test-RankingAuditLog found: whether the hash chain holds, and if not, where it first breaks.</summary>
public sealed class AuditVerificationResult
{
    public string Directory { get; internal set; } = string.Empty;

    /// <summary>True when every entry's hash matches its content and links to the entry before it. Torn lines alone do not make it false.</summary>
    public bool IsValid => Reason is null;

    /// <summary>How many lines were entries (JSON objects), valid or not.</summary>
    public long Entries { get; internal set; }

    /// <summary>How many log files were read.</summary>
    public int Files { get; internal set; }

    /// <summary>Lines that are not JSON: torn writes from a crash. Each is skipped and the chain checked across it.</summary>
    public IReadOnlyList<SkippedLine> TornLines { get; internal set; } = [];

    /// <summary>
    /// Sessions sent whose outcome never reached the log: a ranking.sending entry with no
    /// outcome entry of the same idempotency key. They may or may not have been applied. The
    /// chain is not broken by them (<see cref="IsValid"/> stays true); a run still in progress
    /// shows its sessions in flight here.
    /// </summary>
    public IReadOnlyList<UnknownOutcome> OutcomeUnknown { get; internal set; } = [];

    /// <summary>
    /// The prev_hash of the oldest entry still in the directory: 64 zeros when the log is complete
    /// from its first entry, otherwise the last hash of a file that retention deleted.
    /// </summary>
    public string? AnchorHash { get; internal set; }

    /// <summary>True when the oldest remaining entry is the first entry ever written (its prev_hash is 64 zeros).</summary>
    public bool StartsAtGenesis => AnchorHash == Audit.AuditHash.Genesis;

    /// <summary>The hash of the newest entry when the chain is valid. Keep a copy elsewhere to detect later removal of entries at the end.</summary>
    public string? LastHash { get; internal set; }

    /// <summary>
    /// Daily summaries (.cxone-summaries) that did not match the chain and were deleted, each with why; a cache, so they
    /// do not make the log invalid (docs/audit-log.md#daily-summaries).
    /// </summary>
    public IReadOnlyList<string> SummariesRemoved { get; internal set; } = [];

    /// <summary>The first failure's file (full path), line number and reason; null when valid.</summary>
    public string? FailedFile { get; internal set; }

    public int? FailedLine { get; internal set; }

    public string? Reason { get; internal set; }

    public override string ToString() => IsValid
        ? $"valid: {Entries} entries in {Files} files, {TornLines.Count} torn lines, {OutcomeUnknown.Count} sessions with an unknown outcome"
        : $"invalid at {System.IO.Path.GetFileName(FailedFile)}:{FailedLine}: {Reason}";
}

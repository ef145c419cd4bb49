using System.Globalization;

namespace CXoneRanking;

/// <summary>
/// What <see cref="Audit.AuditLogWriter.Housekeep"/> did to the folder: the files retention deleted and why, the files
/// compressed, and every problem (an unusable policy, a file that could not be deleted). Problems never throw: housekeeping
/// is left to the next writer, and the entries already written stay written.
/// </summary>
public sealed class AuditHousekeepingResult
{
    private const int NamedFiles = 10;

    internal AuditHousekeepingResult(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>The policy obeyed; null when it could not be read (see <see cref="PolicyProblem"/>).</summary>
    public AuditPolicy? Policy { get; internal set; }

    /// <summary>Why the policy file is not usable (naming it); then nothing was deleted or compressed.</summary>
    public string? PolicyProblem { get; internal set; }

    /// <summary>The files retention deleted, oldest first.</summary>
    public IReadOnlyList<AuditDeletedFile> Deleted { get; internal set; } = [];

    /// <summary>The UTC days of the deleted files.</summary>
    public IReadOnlyList<DateTime> DeletedDays => Deleted.Select(f => f.Day).Distinct().ToList();

    public long DeletedBytes => Deleted.Sum(f => f.Bytes);

    /// <summary>Why they were deleted, as the audit.pruned entry's note says it.</summary>
    public string? DeletedReason => PrunedEntry?.Note;

    /// <summary>The audit.pruned entry that records the deletes in the chain; null when nothing was deleted (or it could not be written).</summary>
    public AuditEntry? PrunedEntry { get; internal set; }

    /// <summary>The daily summaries (and checkpoint) of deleted days, deleted with them (.cxone-summaries).</summary>
    public IReadOnlyList<string> DeletedSummaries { get; internal set; } = [];

    /// <summary>The closed days' files compressed to .jsonl.gz.</summary>
    public IReadOnlyList<string> Compressed { get; internal set; } = [];

    /// <summary>Files compression could not compress, each with why (left for the next housekeeping).</summary>
    public IReadOnlyList<string> CompressionProblems { get; internal set; } = [];

    /// <summary>Everything else that went wrong: a file that could not be deleted, the lock not had, the pruned entry not written.</summary>
    public IReadOnlyList<string> Problems { get; internal set; } = [];

    /// <summary>
    /// What a run warns about: what retention deleted and why, and an unusable policy; null when neither happened.
    /// </summary>
    public string? Warning
    {
        get
        {
            var parts = new List<string>();
            if (PolicyProblem is not null) parts.Add(PolicyProblem);
            if (Deleted.Count > 0) parts.Add(DeletedText());
            return parts.Count == 0 ? null : string.Join(" ", parts);
        }
    }

    private string DeletedText()
    {
        var days = DeletedDays;
        var names = string.Join(", ", Deleted.Take(NamedFiles).Select(f => f.Name))
            + (Deleted.Count > NamedFiles ? $" and {Deleted.Count - NamedFiles} more" : "");
        return string.Format(CultureInfo.InvariantCulture,
            "Audit retention deleted {0} file(s) of {1} day(s) ({2:yyyy-MM-dd} to {3:yyyy-MM-dd}, {4:N0} bytes) from '{5}': {6}; {7}. {8}",
            Deleted.Count, days.Count, days.Min(), days.Max(), DeletedBytes, Directory, DeletedReason ?? "by the folder's policy", names,
            PrunedEntry is null ? "The audit.pruned entry could not be written (see the problems); the anchors record the deletes."
            : "The log records it in an audit.pruned entry.");
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0} file(s) deleted ({1:N0} bytes), {2} compressed, {3} problem(s)",
        Deleted.Count, DeletedBytes, Compressed.Count, Problems.Count + CompressionProblems.Count + (PolicyProblem is null ? 0 : 1));
}

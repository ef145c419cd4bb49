namespace CXoneRanking;

/// <summary>What <see cref="Audit.AuditLogWriter.SetPolicy"/> did: the policy before and after, and the chain entry recording it.</summary>
public sealed class AuditPolicyChange
{
    internal AuditPolicyChange(AuditPolicy previous, string? previousProblem, AuditPolicy policy, AuditEntry? entry)
    {
        Previous = previous;
        PreviousProblem = previousProblem;
        Policy = policy;
        Entry = entry;
    }

    /// <summary>The policy before (the defaults when the folder had no file, or an unusable one).</summary>
    public AuditPolicy Previous { get; }

    /// <summary>Why the previous file was not usable, when it was not; the change repaired it.</summary>
    public string? PreviousProblem { get; }

    /// <summary>The policy now in force.</summary>
    public AuditPolicy Policy { get; }

    /// <summary>The audit.policy entry written; null when nothing changed (the file already held these values).</summary>
    public AuditEntry? Entry { get; }

    public bool Changed => Entry is not null;

    public override string ToString() => Entry?.Note ?? $"unchanged: {Policy.Values}";
}

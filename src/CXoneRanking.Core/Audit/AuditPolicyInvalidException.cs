namespace CXoneRanking;

/// <summary>
/// The folder's policy file exists but cannot be read or is not a policy. Never guessed at: writers delete and compress
/// nothing while it stands (docs/audit-log.md#the-folders-policy); <c>Set-RankingAuditPolicy</c> repairs it.
/// </summary>
public sealed class AuditPolicyInvalidException : IOException
{
    public AuditPolicyInvalidException(string policyPath, string reason, Exception? inner = null)
        : base($"The audit policy '{policyPath}' is not usable: {reason.TrimEnd('.')}. Nothing is deleted or compressed until it is repaired "
            + "(Set-RankingAuditPolicy writes a valid one).", inner)
    {
        PolicyPath = policyPath;
        Reason = reason;
    }

    /// <summary>The policy file.</summary>
    public string PolicyPath { get; }

    /// <summary>Why it is not usable: the parser's or the file system's words.</summary>
    public string Reason { get; }
}

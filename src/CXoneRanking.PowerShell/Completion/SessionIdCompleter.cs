using CXoneRanking.Audit;

namespace CXoneRanking.PowerShell.Completion;

/// <summary>Tab completion of -SessionId: the sessions of the latest audit entries, newest first.</summary>
public sealed class SessionIdCompleter : AuditValueCompleter
{
    private protected override IEnumerable<string> Read(string directory) => RecentAuditValues.SessionIds(directory);

    private protected override string Describe(string value, string directory) => $"Session '{value}', from the audit log in {directory}";
}

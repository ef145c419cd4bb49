namespace CXoneRanking.Audit;

/// <summary>
/// Changes a folder's policy under the folder lock, so two admins (or an admin and a writer) never interleave: the old
/// policy is read, the change applied, the new one written to a temporary file, the audit.policy entry appended, and only
/// then the file renamed into place. Should the entry fail, nothing changed; an unusable old file is repaired.
/// </summary>
internal static class AuditPolicySetting
{
    public static AuditPolicyChange Set(AuditLogWriter writer, Func<AuditPolicy, AuditPolicy> change, CancellationToken cancellationToken)
    {
        var directory = writer.EnsureDirectory();
        using (AuditDirectoryLock.Acquire(directory, writer.Options.LockTimeout, cancellationToken))
        {
            var (previous, problem) = ReadPrevious(directory);
            var wanted = change(previous);
            if (problem is null && !previous.IsDefault && previous.SameValues(wanted)) return new AuditPolicyChange(previous, null, previous, null);
            var temporary = AuditPolicyFile.WriteTemporary(directory, wanted);
            var entry = AuditEntry.PolicyChanged(Note(previous, problem, wanted), writer.Options.TimeProvider.GetUtcNow());
            try
            {
                writer.WriteLocked([entry], directory);
            }
            catch
            {
                AuditPolicyFile.Discard(temporary);
                throw;
            }
            AuditPolicyFile.Commit(directory, temporary);
            return new AuditPolicyChange(previous, problem, AuditPolicyFile.Read(directory), entry);
        }
    }

    private static (AuditPolicy Previous, string? Problem) ReadPrevious(string directory)
    {
        try
        {
            return (AuditPolicyFile.Read(directory), null);
        }
        catch (AuditPolicyInvalidException e)
        {
            // Its values are unknown: the change starts from the defaults, and the entry says the file was repaired.
            return (new AuditPolicy(AuditPolicy.DefaultRetentionDays, AuditPolicy.DefaultCompressAfterDays, null, e.PolicyPath, isDefault: true),
                e.Reason);
        }
    }

    private static string Note(AuditPolicy previous, string? problem, AuditPolicy wanted) =>
        problem is not null ? $"policy {AuditPolicyFile.FileName} repaired (it was not usable: {problem}); now {wanted.Values}"
        : previous.IsDefault ? $"policy {AuditPolicyFile.FileName} set from the defaults ({previous.Values}) to {wanted.Values}"
        : $"policy {AuditPolicyFile.FileName} changed from {previous.Values} to {wanted.Values}";
}

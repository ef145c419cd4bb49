namespace CXoneRanking.Audit;

/// <summary>
/// Changes a folder's policy under the folder lock, so two admins (or an admin and a writer) never interleave: the old
/// policy is read, the change applied, the new one written to a temporary file, the audit.policy entry appended, and only
/// then the file renamed into place. Should the entry fail, nothing changed; should the rename fail, a second entry says
/// so. An unusable old file is repaired.
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
            try
            {
                AuditPolicyFile.Commit(directory, temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                AuditPolicyFile.Discard(temporary);
                throw NotCommitted(writer, directory, e);
            }
            return new AuditPolicyChange(previous, problem, AuditPolicyFile.Read(directory), entry);
        }
    }

    // The entry already says the policy changed: a second one says it did not, so the chain stays true.
    private static IOException NotCommitted(AuditLogWriter writer, string directory, Exception cause)
    {
        var note = $"policy {AuditPolicyFile.FileName} NOT changed: the file could not be replaced ({cause.Message})";
        try
        {
            writer.WriteLocked([AuditEntry.PolicyChanged(note, writer.Options.TimeProvider.GetUtcNow())], directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new IOException($"The policy file could not be replaced ({cause.Message}), and the log could not record that "
                + $"({e.Message}): its last audit.policy entry names a change that did not take effect.", cause);
        }
        return new IOException($"The policy file could not be replaced: {cause.Message} The log records that it was not changed.", cause);
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


namespace CXoneRanking.Bench;

/// <summary>What AuditLogWriter stamps on every entry it writes, with the bench's host and user instead of this machine's.</summary>
internal static class EntryStamp
{
    public static AuditEntry Stamped(this AuditEntry entry, string user, string host)
    {
        entry.ModuleVersion = ModuleInfo.Version;
        entry.Host = host;
        entry.User = user;
        return entry;
    }
}

using System.Runtime.InteropServices;

namespace CXoneRanking.Audit;

/// <summary>
/// Where the audit log lives when a cmdlet is not told: the connection's audit path
/// (Connect-CXone -AuditPath), else $env:CXONE_AUDIT_PATH, else a per-user folder:
/// <c>~/.cxone-ranking/audit</c>, or <c>%LOCALAPPDATA%\CXoneRanking\audit</c> on Windows.
/// </summary>
public static class AuditLocation
{
    public const string EnvironmentVariable = "CXONE_AUDIT_PATH";

    /// <summary>
    /// The first of the explicit path, the connection's, the environment variable's and the
    /// default. The result may be relative (or start with ~): PowerShell resolves it against its
    /// current location, which a .NET process does not know.
    /// </summary>
    public static string Resolve(string? explicitPath, string? connectionAuditPath) =>
        Resolve(explicitPath, connectionAuditPath, Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows));

    internal static string Resolve(string? explicitPath, string? connectionAuditPath, Func<string, string?> environment, bool windows) =>
        NonBlank(explicitPath)
        ?? NonBlank(connectionAuditPath)
        ?? NonBlank(environment(EnvironmentVariable))
        ?? DefaultDirectory(environment, windows);

    internal static string DefaultDirectory(Func<string, string?> environment, bool windows)
    {
        if (windows)
        {
            var local = NonBlank(environment("LOCALAPPDATA")) ?? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return Path.Combine(local, "CXoneRanking", "audit");
        }
        var home = NonBlank(environment("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cxone-ranking", "audit");
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

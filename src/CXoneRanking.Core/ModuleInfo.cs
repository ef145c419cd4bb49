using System.Reflection;

namespace CXoneRanking;

/// <summary>The module's version as the wire (X-CXone-Client-Version) and the audit log state it.</summary>
public static class ModuleInfo
{
    public static string Version { get; } =
        typeof(ModuleInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ModuleInfo).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}

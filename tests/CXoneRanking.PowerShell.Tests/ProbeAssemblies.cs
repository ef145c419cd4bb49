using System.Reflection;
using System.Reflection.Emit;

namespace CXoneRanking.PowerShell.Tests;

/// <summary>
/// Writes tiny assemblies to stand in for the files of <c>dependencies/</c>: each with a name no
/// other test and no runtime folder has, so only the resolver under test can find it.
/// </summary>
internal static class ProbeAssemblies
{
    /// <summary>A fresh simple name: an assembly, once loaded, stays loaded for the test run.</summary>
    public static string NewName() => "CXoneRanking.Probe" + Guid.NewGuid().ToString("N");

    /// <summary>Writes <paramref name="name"/>, version <paramref name="version"/>, to <paramref name="folder"/>; its path.</summary>
    public static string Write(string folder, string name, Version version)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = version }, typeof(object).Assembly);
        var module = builder.DefineDynamicModule(name);
        module.DefineType(name + ".Marker", TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed).CreateType();
        var path = Path.Combine(folder, name + ".dll");
        builder.Save(path);
        return path;
    }

    /// <summary>What the runtime asks for: the simple name with a version.</summary>
    public static AssemblyName Request(string name, Version version) => new(name) { Version = version };
}

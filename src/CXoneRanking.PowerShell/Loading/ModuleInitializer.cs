using System.Management.Automation;

namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// PowerShell calls <see cref="OnImport"/> when it imports the module and <see cref="OnRemove"/>
/// when it removes it. On PowerShell 7 the module's engine (CXoneRanking.Core) and its
/// dependencies live in <c>dependencies/</c> and load into one private load context
/// (<see cref="PrivateLoadContext"/>), so another module's copy of Polly or of the logging
/// abstractions, loaded earlier into PowerShell's default context, never replaces ours (nor ours
/// theirs). On Windows PowerShell 5.1 there are no load contexts: <see cref="FrameworkResolver"/>
/// loads the same files the classic way.
/// PowerShell scans this assembly for cmdlets before it calls OnImport, so no public type here may
/// need Core just to be loaded (no field of a Core enum or struct in a cmdlet class).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport()
    {
        if (LoadContextApi.IsAvailable)
            CoreTypeAccelerators.Register(PrivateLoadContext.Install(DependencyFolder.BesideModule));
        else
            FrameworkResolver.Install(DependencyFolder.BesideModule);
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (LoadContextApi.IsAvailable)
        {
            CoreTypeAccelerators.Unregister();
            PrivateLoadContext.Remove();
        }
        else
        {
            FrameworkResolver.Remove();
        }
    }
}

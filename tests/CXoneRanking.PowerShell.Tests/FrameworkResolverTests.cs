using System.Reflection;
using CXoneRanking.PowerShell.Loading;

namespace CXoneRanking.PowerShell.Tests;

/// <summary>
/// The Windows PowerShell 5.1 load path, run on .NET: AppDomain.AssemblyResolve is raised here too
/// once the runtime's own probing fails, as on .NET Framework. What only Windows PowerShell shows
/// (the LoadFrom context, binding redirects, case-insensitive paths) is not covered. One class, so
/// its tests never run in parallel: the resolver is process-wide.
/// </summary>
public sealed class FrameworkResolverTests : IDisposable
{
    private static readonly Version Shipped = new(1, 0, 0, 0);
    private readonly DirectoryInfo _dependencies = Directory.CreateTempSubdirectory("cxoneranking-dependencies-");

    public void Dispose()
    {
        FrameworkResolver.Remove();
        _dependencies.Delete(recursive: true);
    }

    [Fact]
    public void Without_it_an_assembly_only_in_dependencies_does_not_load()
    {
        var name = ProbeAssemblies.NewName();
        ProbeAssemblies.Write(_dependencies.FullName, name, Shipped);

        Assert.Throws<FileNotFoundException>(() => Assembly.Load(ProbeAssemblies.Request(name, Shipped)));
    }

    [Fact]
    public void Installed_it_loads_an_assembly_from_dependencies()
    {
        var name = ProbeAssemblies.NewName();
        var path = ProbeAssemblies.Write(_dependencies.FullName, name, Shipped);
        FrameworkResolver.Install(new DependencyFolder(_dependencies.FullName));

        var loaded = Assembly.Load(ProbeAssemblies.Request(name, Shipped));

        Assert.Equal(path, loaded.Location);
        Assert.Equal(Shipped, loaded.GetName().Version);
    }

    [Fact]
    public void Any_version_asked_for_gets_the_one_we_ship_as_a_binding_redirect_would()
    {
        var name = ProbeAssemblies.NewName();
        var path = ProbeAssemblies.Write(_dependencies.FullName, name, Shipped);
        FrameworkResolver.Install(new DependencyFolder(_dependencies.FullName));

        var loaded = Assembly.Load(ProbeAssemblies.Request(name, new Version(4, 2, 0, 0)));

        Assert.Equal(path, loaded.Location);
        Assert.Equal(Shipped, loaded.GetName().Version);
    }

    [Fact]
    public void A_later_request_for_another_version_gets_the_copy_already_loaded()
    {
        var name = ProbeAssemblies.NewName();
        ProbeAssemblies.Write(_dependencies.FullName, name, Shipped);
        FrameworkResolver.Install(new DependencyFolder(_dependencies.FullName));
        var first = Assembly.Load(ProbeAssemblies.Request(name, Shipped));

        var second = Assembly.Load(ProbeAssemblies.Request(name, new Version(2, 0, 0, 0)));

        Assert.Same(first, second);
        Assert.Single(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == name);
    }

    [Fact]
    public void A_name_we_do_not_ship_is_left_to_the_runtime()
    {
        FrameworkResolver.Install(new DependencyFolder(_dependencies.FullName));

        Assert.Throws<FileNotFoundException>(() => Assembly.Load(ProbeAssemblies.Request(ProbeAssemblies.NewName(), Shipped)));
    }

    [Fact]
    public void A_second_Install_keeps_the_first_folder()
    {
        var other = Directory.CreateTempSubdirectory("cxoneranking-other-");
        try
        {
            var name = ProbeAssemblies.NewName();
            ProbeAssemblies.Write(other.FullName, name, Shipped);
            FrameworkResolver.Install(new DependencyFolder(_dependencies.FullName));
            FrameworkResolver.Install(new DependencyFolder(other.FullName));

            Assert.Throws<FileNotFoundException>(() => Assembly.Load(ProbeAssemblies.Request(name, Shipped)));
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }

    [Fact]
    public void After_Remove_nothing_more_loads_from_dependencies_and_Install_works_again()
    {
        var before = ProbeAssemblies.NewName();
        var after = ProbeAssemblies.NewName();
        ProbeAssemblies.Write(_dependencies.FullName, before, Shipped);
        ProbeAssemblies.Write(_dependencies.FullName, after, Shipped);
        FrameworkResolver.Install(new DependencyFolder(_dependencies.FullName));
        Assembly.Load(ProbeAssemblies.Request(before, Shipped));

        FrameworkResolver.Remove();

        Assert.Throws<FileNotFoundException>(() => Assembly.Load(ProbeAssemblies.Request(after, Shipped)));
        FrameworkResolver.Install(new DependencyFolder(_dependencies.FullName));
        Assert.Equal(after, Assembly.Load(ProbeAssemblies.Request(after, Shipped)).GetName().Name);
    }
}

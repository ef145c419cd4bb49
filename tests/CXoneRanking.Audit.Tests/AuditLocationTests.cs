namespace CXoneRanking.Audit.Tests;

public class AuditLocationTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_explicit_path_wins_then_the_connection_then_the_environment_then_the_default()
    {
        var env = Env(("CXONE_AUDIT_PATH", "/env/audit"), ("HOME", "/home/ann"));

        Assert.Equal("/x", AuditLocation.Resolve("/x", "/conn", env, windows: false));
        Assert.Equal("/conn", AuditLocation.Resolve(null, "/conn", env, windows: false));
        Assert.Equal("/env/audit", AuditLocation.Resolve(" ", "", env, windows: false));
        Assert.Equal(Path.Combine("/home/ann", ".cxone-ranking", "audit"), AuditLocation.Resolve(null, null, Env(("HOME", "/home/ann")), windows: false));
    }

    [Fact]
    public void On_windows_the_default_is_under_local_app_data()
    {
        var path = AuditLocation.Resolve(null, null, Env(("LOCALAPPDATA", @"C:\Users\ann\AppData\Local")), windows: true);
        Assert.Equal(Path.Combine(@"C:\Users\ann\AppData\Local", "CXoneRanking", "audit"), path);
    }

    [Fact]
    public void The_public_overload_reads_the_real_environment()
    {
        Assert.Equal("/given", AuditLocation.Resolve("/given", null));
        Assert.False(string.IsNullOrWhiteSpace(AuditLocation.Resolve(null, null)));
    }
}

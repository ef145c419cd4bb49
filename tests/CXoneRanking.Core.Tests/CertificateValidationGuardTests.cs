using System.Text.RegularExpressions;

namespace CXoneRanking.Tests;

/// <summary>
/// Issue 7: certificate validation is never turned off. Cheap, but a real guard: any source file
/// of the module, the emulator, the module layout or the examples that names one of the ways .NET or
/// PowerShell switch TLS checks off fails the build, so the switch cannot arrive in a quick fix
/// ("just to get past the proxy") without someone deleting this test on purpose.
/// </summary>
public sealed class CertificateValidationGuardTests
{
    private static readonly (string Name, Regex Pattern)[] Forbidden =
    [
        ("a custom server certificate callback", new(@"ServerCertificateCustomValidationCallback")),
        ("the accept-any validator", new(@"DangerousAcceptAnyServerCertificateValidator")),
        ("ServicePointManager's certificate callback", new(@"ServerCertificateValidationCallback")),
        ("an SslStream validation callback", new(@"RemoteCertificateValidationCallback")),
        ("a user certificate validation callback", new(@"UserCertificateValidationCallback")),
        ("revocation checks switched off", new(@"CheckCertificateRevocationList\s*=\s*false")),
        ("revocation mode NoCheck", new(@"(X509RevocationMode|CertificateRevocationCheckMode)\s*\.\s*NoCheck")),
        ("a custom certificate chain policy", new(@"CertificateChainPolicy|CustomTrustStore")),
        ("PowerShell's -SkipCertificateCheck", new(@"SkipCertificateCheck", RegexOptions.IgnoreCase)),
        ("legacy SSL or TLS 1.0/1.1", new(@"SslProtocols\s*\.\s*(Ssl2|Ssl3|Tls|Tls11)\b")),
        ("a plain-http allowance for non-loopback hosts", new(@"AllowUnencrypted|AllowInsecure", RegexOptions.IgnoreCase)),
    ];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CXoneRanking.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No CXoneRanking.sln above {AppContext.BaseDirectory}.");
    }

    private static IEnumerable<string> ShippedSources(string root) =>
        new[] { "src", "module", "examples" }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".ps1", StringComparison.Ordinal)
                || f.EndsWith(".psm1", StringComparison.Ordinal) || f.EndsWith(".psd1", StringComparison.Ordinal)
                || f.EndsWith(".ps1xml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void No_shipped_source_turns_certificate_validation_off()
    {
        var root = RepositoryRoot();
        var files = ShippedSources(root).ToList();
        Assert.True(files.Count(f => f.EndsWith(".cs", StringComparison.Ordinal)) > 50, $"found only {files.Count} files under {root}: is the scan looking in the right place?");

        var findings = (
            from file in files
            from line in File.ReadLines(file).Select((text, i) => (Text: text, Number: i + 1))
            from rule in Forbidden
            where rule.Pattern.IsMatch(line.Text)
            select $"{Path.GetRelativePath(root, file)}:{line.Number}: {rule.Name}: {line.Text.Trim()}").ToList();

        Assert.True(findings.Count == 0, "Certificate validation must stay on:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void The_guard_recognises_what_it_guards_against()
    {
        // The patterns themselves are tested, so a typo in one cannot make the guard pass silently.
        string[] offending =
        [
            "handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;",
            "ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator",
            "ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };",
            "new SslStream(stream, false, new RemoteCertificateValidationCallback(Any))",
            "handler.CheckCertificateRevocationList = false;",
            "chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;",
            "Invoke-RestMethod -Uri $u -SkipCertificateCheck",
            "handler.SslProtocols = SslProtocols.Tls11;",
        ];
        foreach (var line in offending)
            Assert.True(Forbidden.Any(r => r.Pattern.IsMatch(line)), $"no rule catches: {line}");
        Assert.DoesNotContain(Forbidden, r => r.Pattern.IsMatch("handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;"));
    }
}

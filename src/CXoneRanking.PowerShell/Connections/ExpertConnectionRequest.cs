using System.Security;
using CXoneRanking.Api;
using CXoneRanking.Expert;

namespace CXoneRanking.PowerShell.Connections;

/// <summary>
/// Connect-CXoneExpert's parameters, with the environment variables filling in whatever was not
/// given: an explicit parameter always wins, value by value.
/// </summary>
internal sealed class ExpertConnectionRequest
{
    public const string SiteVariable = "CXONE_EXPERT_SITE";
    public const string KeyVariable = "CXONE_EXPERT_KEY";
    public const string SecretVariable = "CXONE_EXPERT_SECRET";
    public const string UserVariable = "CXONE_EXPERT_USER";

    public Uri? Site { get; init; }
    public string? Key { get; init; }
    public SecureString? Secret { get; init; }
    public string? User { get; init; }
    public string? AuditPath { get; init; }
    public int MaxAttempts { get; init; }
    public int RequestTimeoutSeconds { get; init; }

    /// <summary>The settings, or null with what is missing or wrong in <paramref name="problem"/>.</summary>
    public ExpertSettings? ToSettings(Func<string, string?> environment, out string? problem)
    {
        problem = null;
        var site = Site;
        if (site is null && NonBlank(environment(SiteVariable)) is { } siteText && !Uri.TryCreate(siteText.Trim(), UriKind.Absolute, out site))
            problem = $"${SiteVariable} is not an absolute address";
        var key = NonBlank(Key) ?? NonBlank(environment(KeyVariable));
        var user = NonBlank(User) ?? NonBlank(environment(UserVariable));
        var secret = Secret is { Length: > 0 } ? Secret
            : NonBlank(environment(SecretVariable)) is { } secretText ? SecureStrings.FromText(secretText) : null;
        problem ??= site is null ? $"no site: give -Site or set ${SiteVariable}"
            : key is null ? $"no token key: give -Credential or -Key, or set ${KeyVariable}"
            : secret is null ? $"no token secret: give -Credential or -Secret, or set ${SecretVariable}"
            : user is null ? $"no user: give -User or set ${UserVariable}"
            : null;
        if (problem is not null) return null;
        var settings = new ExpertSettings
        {
            Site = site, Key = key, Secret = secret, User = user, AuditPath = AuditPath,
            MaxAttempts = MaxAttempts, RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
        };
        problem = settings.Problem();
        return problem is null ? settings : null;
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

using System.Security;
using CXoneRanking.Api;

namespace CXoneRanking.PowerShell.Infrastructure;

/// <summary>
/// What Connect-CXone was given, completed from the environment for unattended runs:
/// CXONE_BASE_URI or CXONE_ENV, CXONE_CLIENT_ID, CXONE_CLIENT_SECRET, CXONE_OAUTH_URL, CXONE_AUDIT_PATH.
/// An explicit parameter always wins over the environment.
/// </summary>
internal sealed class ConnectionRequest
{
    public string? Environment { get; set; }
    public Uri? BaseUri { get; set; }
    public Uri? TokenUri { get; set; }
    public string? ClientId { get; set; }
    public SecureString? ClientSecret { get; set; }
    public string[]? Scope { get; set; }
    public string? AuditPath { get; set; }
    public int MaxAttempts { get; set; } = 5;
    public int RequestTimeoutSeconds { get; set; } = 30;
    public int TotalTimeoutSeconds { get; set; } = 180;
    public double? RateLimit { get; set; }

    /// <summary>The settings, or a terminating problem in words (never a secret).</summary>
    public ConnectionSettings? ToSettings(out string problem)
    {
        problem = string.Empty;
        if (Environment is not null && BaseUri is not null) { problem = "give -Environment or -BaseUri, not both"; return null; }
        var baseUri = BaseUri ?? FromEnvironmentName(Environment ?? Env("CXONE_ENV")) ?? UriFrom(Env("CXONE_BASE_URI"));
        if (baseUri is null) { problem = "no API address: give -Environment or -BaseUri (or set CXONE_ENV or CXONE_BASE_URI)"; return null; }
        var clientId = ClientId ?? Env("CXONE_CLIENT_ID");
        if (string.IsNullOrWhiteSpace(clientId)) { problem = "no client id: give -ClientId or -Credential (or set CXONE_CLIENT_ID)"; return null; }
        var secret = ClientSecret ?? (Env("CXONE_CLIENT_SECRET") is { Length: > 0 } text ? SecureStrings.FromText(text) : null);
        if (secret is null || secret.Length == 0) { problem = "no client secret: give -ClientSecret or -Credential (or set CXONE_CLIENT_SECRET)"; return null; }
        var tokenUri = TokenUri ?? UriFrom(Env("CXONE_OAUTH_URL")) ?? new Uri(new Uri(baseUri.GetLeftPart(UriPartial.Authority)), "oauth/token");
        return new ConnectionSettings
        {
            BaseUri = baseUri,
            Credentials = new ClientCredentials(tokenUri, clientId!, secret, Scope is { Length: > 0 } ? Scope : ClientCredentials.DefaultScopes),
            AuditPath = AuditPath ?? Env("CXONE_AUDIT_PATH"),
            MaxAttempts = MaxAttempts,
            RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
            TotalTimeout = TimeSpan.FromSeconds(TotalTimeoutSeconds),
            RateLimitPerSecond = RateLimit,
        };
    }

    private static Uri? FromEnvironmentName(string? environment) =>
        string.IsNullOrWhiteSpace(environment) ? null : UriFrom($"https://{environment!.Trim()}.api.cxone.com");

    private static Uri? UriFrom(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    private static string? Env(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

using System.Security;
using CXoneRanking.Api;

namespace CXoneRanking.PowerShell.Connections;

/// <summary>
/// What Connect-CXone was given, completed from the environment for unattended runs:
/// CXONE_BASE_URI or CXONE_ENV, CXONE_CLIENT_ID, CXONE_CLIENT_SECRET, CXONE_OAUTH_URL, CXONE_AUDIT_PATH,
/// and for an access key CXONE_ISSUER, CXONE_ACCESS_KEY_ID, CXONE_ACCESS_KEY_SECRET.
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
    public bool UseAccessKey { get; set; }
    public Uri? Issuer { get; set; }
    public string? AccessKeyId { get; set; }
    public SecureString? AccessKeySecret { get; set; }
    public string? RankingPathTemplate { get; set; }
    public string? SessionPathTemplate { get; set; }

    /// <summary>
    /// The access-key sign-in when its parameters are given, or when CXONE_ACCESS_KEY_ID is set and
    /// no client-credentials-only parameter (-TokenUri, -Scope) was: without either, nothing changes.
    /// </summary>
    private bool AccessKeyChosen => UseAccessKey || (TokenUri is null && Scope is null && Env("CXONE_ACCESS_KEY_ID") is not null);

    /// <summary>
    /// The settings, checked once, here: what was given and found in the environment, then the
    /// settings' own rules (<see cref="ConnectionSettings.Problem"/>). Null with the first problem
    /// in words (never a secret) when there is one.
    /// </summary>
    public ConnectionSettings? ToSettings(out string problem)
    {
        var settings = Complete(out problem);
        if (settings?.Problem() is { } invalid)
            problem = invalid;
        return problem.Length > 0 ? null : settings;
    }

    private ConnectionSettings? Complete(out string problem)
    {
        problem = string.Empty;
        if (Environment is not null && BaseUri is not null)
        {
            problem = "give -Environment or -BaseUri, not both";
            return null;
        }
        var baseUri = BaseUri ?? FromEnvironmentName(Environment ?? Env("CXONE_ENV")) ?? UriFrom(Env("CXONE_BASE_URI"));
        var accessKey = AccessKeyChosen;
        if (baseUri is null && !accessKey)
        {
            problem = "no API address: give -Environment or -BaseUri (or set CXONE_ENV or CXONE_BASE_URI)";
            return null;
        }
        var clientId = ClientId ?? Env("CXONE_CLIENT_ID");
        if (string.IsNullOrWhiteSpace(clientId))
        {
            problem = "no client id: give -ClientId or -Credential (or set CXONE_CLIENT_ID)";
            return null;
        }
        var secret = ClientSecret ?? Secret("CXONE_CLIENT_SECRET");
        if (secret is null || secret.Length == 0)
        {
            problem = "no client secret: give -ClientSecret or -Credential (or set CXONE_CLIENT_SECRET)";
            return null;
        }
        AccessKeyCredentials? key = null;
        if (accessKey)
        {
            var keyId = AccessKeyId ?? Env("CXONE_ACCESS_KEY_ID");
            if (string.IsNullOrWhiteSpace(keyId))
            {
                problem = "no access key id: give -AccessKey (or set CXONE_ACCESS_KEY_ID)";
                return null;
            }
            var keySecret = AccessKeySecret is { Length: > 0 } ? AccessKeySecret : Secret("CXONE_ACCESS_KEY_SECRET");
            if (keySecret is null || keySecret.Length == 0)
            {
                problem = "no access key secret: give -AccessKey (or set CXONE_ACCESS_KEY_SECRET)";
                return null;
            }
            var issuer = Issuer ?? UriFrom(Env("CXONE_ISSUER")) ?? AccessKeyCredentials.DefaultIssuer;
            key = new AccessKeyCredentials(issuer, clientId!, secret, keyId!, keySecret);
        }
        var tokenUri = accessKey
            ? null
            : TokenUri ?? UriFrom(Env("CXONE_OAUTH_URL")) ?? new Uri(new Uri(baseUri!.GetLeftPart(UriPartial.Authority)), "oauth/token");
        return new ConnectionSettings
        {
            BaseUri = baseUri,
            AccessKey = key,
            Credentials = tokenUri is null
                ? null
                : new ClientCredentials(tokenUri, clientId!, secret, Scope is { Length: > 0 } ? Scope : ClientCredentials.DefaultScopes),
            RankingPathTemplate = RankingPathTemplate ?? PathTemplate.DefaultRanking,
            SessionPathTemplate = SessionPathTemplate ?? PathTemplate.DefaultSession,
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

    private static SecureString? Secret(string name) => Env(name) is { } text ? SecureStrings.FromText(text) : null;

    private static string? Env(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

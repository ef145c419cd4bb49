using CXoneRanking.Api;
using Polly;

namespace CXoneRanking;

/// <summary>
/// A signed-in connection to one CXone tenant: where to send rankings, the cached token, and the
/// tenant's circuit breaker. Safe to share between threads and runspaces; it holds no secret, no
/// refresh token and no id token in any public member, and its ToString and serialized forms never
/// show one.
/// </summary>
public sealed class CXoneConnection : IDisposable
{
    private const string ClosedMessage = "This connection was closed by Disconnect-CXone; connect again.";
    private readonly HttpClient _http;
    private readonly TokenCache _tokens;
    private int _disposed; // 0 open, 1 closed: read and set across threads (Disconnect-CXone in one runspace, submissions in another)

    private CXoneConnection(ConnectionSettings settings, HttpClient http, TokenCache tokens, Uri baseUri, string? tenantId)
    {
        Settings = settings;
        _http = http;
        _tokens = tokens;
        BaseUri = WithTrailingSlash(baseUri);
        TenantId = tenantId;
        RankingPathTemplate = settings.RankingPathTemplate;
        SessionPathTemplate = settings.SessionPathTemplate;
        Api = new RankingApi(_http, BaseUri, PathTemplate.Parse(RankingPathTemplate, "ranking path template"),
            PathTemplate.Parse(SessionPathTemplate, "session path template"), ModuleInfo.Version, settings.Time);
        RateLimit = settings.RateLimitPerSecond is { } perSecond ? new SubmissionRateLimit(perSecond) : null;
        SubmissionResilience = SubmissionResilienceFactory.Create(settings, RateLimit);
    }

    /// <summary>The API address: given, or discovered from the issuer's cxone-configuration.</summary>
    public Uri BaseUri { get; }
    public Uri TokenUri => _tokens.Grant.TokenUri;

    /// <summary>"client_credentials" or "password" (access key).</summary>
    public string GrantType => _tokens.Grant.GrantType;

    /// <summary>The OpenID issuer signed in with, or null for client credentials.</summary>
    public Uri? Issuer => Settings.AccessKey?.Issuer;

    /// <summary>The tenant named by the id token (access key sign-in only).</summary>
    public string? TenantId { get; }

    /// <summary>True when <see cref="BaseUri"/> came from the issuer's discovery document.</summary>
    public bool ApiEndpointDiscovered => Settings.AccessKey is not null && Settings.BaseUri is null;

    public string ClientId => Settings.Credentials?.ClientId ?? Settings.AccessKey!.ClientId;
    public string? AccessKeyId => Settings.AccessKey?.AccessKeyId;
    public IReadOnlyList<string> Scopes => Settings.Credentials?.Scopes ?? [];
    public string RankingPathTemplate { get; }
    public string SessionPathTemplate { get; }
    public string? AuditPath => Settings.AuditPath;
    public DateTimeOffset? TokenExpiresAt => _tokens.ExpiresAt;
    public int MaxAttempts => Settings.MaxAttempts;
    public TimeSpan RequestTimeout => Settings.RequestTimeout;
    public bool IsDisconnected => Volatile.Read(ref _disposed) != 0;

    /// <summary>Tokens requested so far by this connection.</summary>
    public int TokenRequests => _tokens.Requests;

    internal ConnectionSettings Settings { get; }
    internal RankingApi Api { get; }
    internal ResiliencePipeline<AttemptOutcome> SubmissionResilience { get; }

    /// <summary>The -RateLimit token bucket, or null for none; created, and so disposed, by this connection.</summary>
    internal SubmissionRateLimit? RateLimit { get; }
    internal ITokenGrant Grant => _tokens.Grant;

    /// <summary>
    /// Checks the settings and gets a token at once, so a wrong secret fails here, not later. With
    /// an access key it first discovers the token endpoint and, unless a base URI was given, then
    /// the tenant's API endpoint (see <see cref="SignIn"/>).
    /// </summary>
    public static async Task<CXoneConnection> ConnectAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Problem() is { } problem) throw new ArgumentException($"Cannot connect: {problem}.");
        // A handler the caller gave stays the caller's: the client disposes only the one made here,
        // which follows no redirect (docs/design.md#security-rules).
        var handler = settings.Handler ?? ModuleHttpHandler.Create();
        var http = new HttpClient(handler, disposeHandler: settings.Handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan, // attempts are timed by the resilience pipeline instead
        };
        try
        {
            var signedIn = await new SignIn(settings, http).RunAsync(cancellationToken).ConfigureAwait(false);
            return new CXoneConnection(settings, http, signedIn.Tokens, signedIn.BaseUri, signedIn.TenantId);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    internal async Task<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisconnected();
        try
        {
            return await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        // Closing the HTTP client cancels a token request under way: say the connection was closed,
        // not that the token endpoint did not answer.
        catch (Exception e) when (IsDisconnected && e is not ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            throw Closed(e);
        }
    }

    internal void InvalidateToken(AccessToken refused) => _tokens.Invalidate(refused);

    /// <summary>POSTs a callback through the same HTTP client (connection reuse, same TLS rules).</summary>
    internal Task<HttpResponseMessage> SendCallbackAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ThrowIfDisconnected();
        return _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken); // only the status matters
    }

    /// <summary>
    /// Closes the connection once, whichever thread gets here first; safe while other threads use
    /// it: their calls then end with <see cref="ObjectDisposedException"/>. Disposes what the
    /// connection created (HTTP client, token cache, rate limit), never a handler it was given.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _tokens.Dispose();
        RateLimit?.Dispose();
        _http.Dispose();
    }

    public override string ToString() =>
        $"CXone connection to {BaseUri} as client '{ClientId}'" + (TenantId is null ? string.Empty : $" (tenant {TenantId})");

    private void ThrowIfDisconnected()
    {
        if (IsDisconnected) throw Closed(null);
    }

    /// <summary>What any use of a closed connection throws; <paramref name="cause"/> is what the closing interrupted.</summary>
    internal static ObjectDisposedException Closed(Exception? cause) => cause is null
        ? new ObjectDisposedException(nameof(CXoneConnection), ClosedMessage)
        : new ObjectDisposedException(ClosedMessage, cause);

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}

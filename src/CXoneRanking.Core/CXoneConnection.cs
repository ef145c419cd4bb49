using System.Net;
using CXoneRanking.Api;
using Polly;

namespace CXoneRanking;

/// <summary>
/// A signed-in connection to one CXone tenant: where to send rankings, the cached token, and the
/// tenant's circuit breaker. Safe to share between threads and runspaces; it holds no secret in
/// any public member, and its ToString and serialized forms never show one.
/// </summary>
public sealed class CXoneConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly TokenCache _tokens;
    private bool _disposed;

    private CXoneConnection(ConnectionSettings settings)
    {
        Settings = settings;
        BaseUri = WithTrailingSlash(settings.BaseUri);
        _http = new HttpClient(settings.Handler ?? new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate }, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan, // attempts are timed by the resilience pipeline instead
        };
        _tokens = new TokenCache(new TokenClient(_http, settings.Credentials, settings.Time), settings.Time);
        Api = new RankingApi(_http, BaseUri, ModuleInfo.Version, settings.Time);
        Pipeline = SubmissionPipelineFactory.Create(settings);
    }

    public Uri BaseUri { get; }
    public Uri TokenUri => Settings.Credentials.TokenUri;
    public string ClientId => Settings.Credentials.ClientId;
    public IReadOnlyList<string> Scopes => Settings.Credentials.Scopes;
    public string? AuditPath => Settings.AuditPath;
    public DateTimeOffset? TokenExpiresAt => _tokens.ExpiresAt;
    public int MaxAttempts => Settings.MaxAttempts;
    public TimeSpan RequestTimeout => Settings.RequestTimeout;
    public bool IsDisconnected => _disposed;

    /// <summary>Tokens requested so far by this connection.</summary>
    public int TokenRequests => _tokens.Requests;

    internal ConnectionSettings Settings { get; }
    internal RankingApi Api { get; }
    internal ResiliencePipeline<AttemptOutcome> Pipeline { get; }

    /// <summary>Checks the settings and gets a token at once, so a wrong secret fails here, not later.</summary>
    public static async Task<CXoneConnection> ConnectAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Problem() is { } problem) throw new ArgumentException($"Cannot connect: {problem}.");
        var connection = new CXoneConnection(settings);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.RequestTimeout);
            await connection._tokens.GetAsync(timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            connection.Dispose();
            throw new CXoneAuthenticationException($"The token endpoint {TokenClient.Describe(settings.Credentials.TokenUri)} did not answer within {settings.RequestTimeout.TotalSeconds:0} s.");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal Task<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_disposed) throw new ObjectDisposedException(nameof(CXoneConnection), "This connection was closed by Disconnect-CXone; connect again.");
        return _tokens.GetAsync(cancellationToken);
    }

    internal void InvalidateToken(AccessToken refused) => _tokens.Invalidate(refused);

    /// <summary>POSTs a callback through the same HTTP client (connection reuse, same TLS rules).</summary>
    internal Task<HttpResponseMessage> SendCallbackAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken); // only the status matters

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _tokens.Clear();
        _tokens.Dispose();
        _http.Dispose();
    }

    public override string ToString() => $"CXone connection to {BaseUri} as client '{ClientId}'";

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}

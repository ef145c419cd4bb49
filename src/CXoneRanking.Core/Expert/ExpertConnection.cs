using System.Globalization;
using System.Net;
using CXoneRanking.Expert;
using CXoneRanking.Api;

namespace CXoneRanking;

/// <summary>
/// A connection to one CXone Expert site's API (<c>https://{site}/@api/deki/</c>) with a server API
/// token. It owns its HttpClient (not a handler it was given) and a zeroable copy of the secret;
/// every request carries a freshly signed token. Answers are asked for as Dream JSON; XML is read
/// too. Its ToString names the site, the user and the key id, never the secret or a token.
/// </summary>
public sealed class ExpertConnection : IDisposable
{
    private const string Json = "dream.out.format=json";
    private readonly HttpClient _http;
    private readonly ExpertSecret _secret;
    private readonly ExpertTransport _transport;
    private bool _disposed;

    /// <summary>Checks the settings; makes no request (see <see cref="VerifySignInAsync"/>).</summary>
    public ExpertConnection(ExpertSettings settings)
    {
        if (settings.Problem() is { } problem) throw new ArgumentException($"Cannot connect to CXone Expert: {problem}.", nameof(settings));
        Settings = settings;
        Site = new Uri(settings.Site!.GetLeftPart(UriPartial.Authority) + "/");
        ApiUri = new Uri(Site, "@api/deki/");
        _secret = ExpertSecret.From(settings.Secret!);
        var signer = new ExpertTokenHandler(Key, User, _secret, settings.Time)
        {
            // The signer sits outside any redirect logic, so the handler made here follows none (docs/design.md#security-rules).
            InnerHandler = settings.Handler ?? ModuleHttpHandler.Create(),
        };
        // A handler the caller gave stays theirs: only a handler made here is disposed with the client.
        _http = new HttpClient(signer, disposeHandler: settings.Handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _transport = new ExpertTransport(_http, ApiUri, settings);
    }

    public Uri Site { get; }
    public Uri ApiUri { get; }
    public string Key => Settings.Key!;
    public string User => Settings.User!;

    /// <summary>The audit directory to use when a cmdlet is given none; null for the usual lookup.</summary>
    public string? AuditPath => Settings.AuditPath;

    /// <summary>Who the token signed in as, once <see cref="VerifySignInAsync"/> has succeeded.</summary>
    public ExpertUser? SignedInAs { get; private set; }

    public bool IsDisconnected => _disposed;
    internal ExpertSettings Settings { get; }

    /// <summary>Makes a connection and verifies its sign-in, disposing it if that fails.</summary>
    public static async Task<ExpertConnection> ConnectAsync(ExpertSettings settings, CancellationToken cancellationToken)
    {
        var connection = new ExpertConnection(settings);
        try
        {
            await connection.VerifySignInAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <c>GET users/current</c>: who the token signs in as. Throws <see cref="ExpertAuthenticationException"/>
    /// when the site refuses the token or ignores it and answers as Anonymous.
    /// </summary>
    public async Task<ExpertUser> VerifySignInAsync(CancellationToken cancellationToken)
    {
        var body = await GetAsync("users/current?" + Json, ExpertUserReader.Endpoint, cancellationToken).ConfigureAwait(false);
        var user = Read(body, ExpertUserReader.Endpoint, ExpertUserReader.Read, cancellationToken);
        if (user.IsAnonymous)
            throw new ExpertAuthenticationException(
                $"The Expert site {Site} ignored the server API token for '{User}' (key {Key}) and answered as Anonymous: "
                + $"the site does not know user '{User}', or the key or the secret is wrong, or this machine's clock is off "
                + "(a token is good for about 5 minutes); the site does not say which. Check that the user exists on the site first.",
                ExpertFailure.Authentication);
        SignedInAs = user;
        return user;
    }

    /// <summary><c>GET site/query?q=&amp;limit=&amp;offset=&amp;sortby=-rank</c>: a tracked search, best first.</summary>
    /// <param name="query">What to search for.</param>
    /// <param name="limit">Results wanted, 1..1000 (the site's default is 25).</param>
    /// <param name="offset">Results to skip, for the next page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ExpertSearch> SearchAsync(
        string query, int limit = 25, int offset = 0, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query)) throw new ArgumentException("The search query is empty.", nameof(query));
        if (query.Length > 1000) throw new ArgumentException("The search query is longer than 1000 characters.", nameof(query));
        if (limit is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be 1..1000.");
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "The offset must not be negative.");
        var path = $"site/query?q={Uri.EscapeDataString(query)}&limit={Text(limit)}&offset={Text(offset)}&sortby=-rank&{Json}";
        var body = await GetAsync(path, ExpertSearchReader.Endpoint, cancellationToken).ConfigureAwait(false);
        return Read(body, ExpertSearchReader.Endpoint, (text, stop) => ExpertSearchReader.Read(text, query, offset, stop), cancellationToken);
    }

    /// <summary>
    /// <c>POST site/query/{queryId}?pageid=&amp;rank=&amp;position=&amp;type=page</c>: registers that a page
    /// shown by a tracked search was selected. The site answers 200 with an empty body.
    /// </summary>
    /// <param name="queryId">The search's <see cref="ExpertSearch.QueryId"/>.</param>
    /// <param name="pageId">The selected page.</param>
    /// <param name="rank">The result's rank as the search gave it.</param>
    /// <param name="position">Its 1-based position (1..65535).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task RegisterSelectionAsync(long queryId, long pageId, double rank, int position, CancellationToken cancellationToken = default) =>
        ExpertSelection.RegisterAsync(this, queryId, pageId, rank, position, cancellationToken);

    /// <summary>Registers a selection of a result: through its own track URI when that points at this site.</summary>
    public Task RegisterSelectionAsync(ExpertSearchResult result, CancellationToken cancellationToken = default) =>
        ExpertSelection.RegisterAsync(this, result, cancellationToken);

    /// <summary><c>GET site/query/log?since=&amp;before=&amp;limit=&amp;offset=</c>: one page of the search log.</summary>
    public async Task<ExpertSearchLogPage> ReadSearchLogPageAsync(
        ExpertSearchLogRange range, int offset, CancellationToken cancellationToken = default)
    {
        if (range.Problem() is { } problem) throw new ArgumentException($"Cannot read the search log: {problem}.", nameof(range));
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "The offset must not be negative.");
        var fixedRange = range.Resolve(Settings.Time);
        var path = $"site/query/log?since={ExpertValues.QueryDate(fixedRange.Since!.Value)}"
            + $"&before={ExpertValues.QueryDate(fixedRange.Before!.Value)}"
            + $"&limit={Text(range.PageSize)}&offset={Text(offset)}&{Json}";
        var body = await GetAsync(path, ExpertSearchLogReader.Endpoint, cancellationToken).ConfigureAwait(false);
        var queries = Read(body, ExpertSearchLogReader.Endpoint, ExpertSearchLogReader.Read, cancellationToken);
        return new ExpertSearchLogPage(queries, offset, range.PageSize);
    }

    /// <summary>Every query in the range, page after page, until a page comes back short.</summary>
    public IAsyncEnumerable<ExpertLoggedQuery> ReadSearchLogAsync(
        ExpertSearchLogRange? range = null, CancellationToken cancellationToken = default)
    {
        var chosen = range ?? new ExpertSearchLogRange();
        if (chosen.Problem() is { } problem) throw new ArgumentException($"Cannot read the search log: {problem}.", nameof(range));
        return ExpertSearchLogPager.ReadAllAsync(this, chosen.Resolve(Settings.Time), cancellationToken);
    }

    // An answer is read under the request's cancellation and within its time limit, like the request itself.
    private T Read<T>(string body, string endpoint, Func<string, CancellationToken, T> read, CancellationToken cancellationToken)
    {
        using var timeLimit = Settings.Time.CreateCancellationTokenSource(Settings.RequestTimeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        try
        {
            return read(body, either.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw ExpertErrors.TimedOut(ApiUri, endpoint, Settings.RequestTimeout, e);
        }
    }

    internal Task<string> GetAsync(string relative, string endpoint, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _transport.SendAsync(HttpMethod.Get, relative, endpoint, cancellationToken);
    }

    internal Task<string> PostAsync(Uri uri, string endpoint, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _transport.SendAsync(HttpMethod.Post, uri, endpoint, cancellationToken);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _http.Dispose();
        _secret.Dispose();
    }

    public override string ToString() => $"CXone Expert connection to {Site} as '{User}' (key {Key})";

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private void ThrowIfDisposed()
    {
        if (_disposed) throw new ObjectDisposedException(nameof(ExpertConnection), "This Expert connection was closed; connect again.");
    }
}

namespace CXoneRanking.Api;

/// <summary>
/// One connection's token: shared by every session and runspace using the connection, renewed
/// before it expires, with at most one token request in flight however many callers wait.
/// Once disposed (the connection closed) every caller, waiting or new, gets ObjectDisposedException.
/// </summary>
internal sealed class TokenCache(ITokenGrant grant, TimeProvider time) : IDisposable
{
    // Never disposed: a SemaphoreSlim holds nothing to free unless its AvailableWaitHandle is used
    // (never, here), and disposing it would strand the callers queued for a renewal for good.
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private AccessToken? _current;
    private int _requests;
    private int _disposed;

    public ITokenGrant Grant => grant;

    public DateTimeOffset? ExpiresAt => Volatile.Read(ref _current)?.ExpiresAt;

    /// <summary>How many tokens were requested: a storm of 401s would show here.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public async Task<AccessToken> GetAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        var token = Volatile.Read(ref _current);
        if (token is not null && !token.NeedsRenewal(time.GetUtcNow())) return token;
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed(); // closed while this caller queued behind a renewal
            token = Volatile.Read(ref _current);
            if (token is not null && !token.NeedsRenewal(time.GetUtcNow())) return token;
            token = await grant.RequestAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _requests);
            Interlocked.Exchange(ref _current, token);
            if (Volatile.Read(ref _disposed) != 0) Clear(); // closed during the request: keep no token
            ThrowIfDisposed();
            return token;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>
    /// Forgets the token the API refused, unless another caller has already replaced it: many
    /// sessions getting 401 for one expired token cause one renewal, not one each.
    /// </summary>
    public void Invalidate(AccessToken refused) => Interlocked.CompareExchange(ref _current, null, refused);

    public void Clear() => Volatile.Write(ref _current, null);

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        Clear();
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0) throw CXoneConnection.Closed(null);
    }
}

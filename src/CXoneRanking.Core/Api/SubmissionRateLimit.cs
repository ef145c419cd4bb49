using System.Threading.RateLimiting;

namespace CXoneRanking.Api;

/// <summary>
/// One connection's client-side rate limit (Connect-CXone -RateLimit): a token bucket that refills
/// on its own timer, so the connection that made it disposes it with itself. A submission still
/// queued for a permit when the connection is closed gets the <see cref="ObjectDisposedException"/>
/// every other use of a closed connection gets, not Polly's "rate limit exceeded".
/// </summary>
internal sealed class SubmissionRateLimit : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private int _disposed;

    public SubmissionRateLimit(double perSecond)
    {
        // Whole permits per period, the period stretched to match: 2.5/s is 3 permits every 1.2 s.
        var permits = Math.Max(1, (int)Math.Ceiling(perSecond));
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = permits,
            ReplenishmentPeriod = TimeSpan.FromSeconds(permits / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Waits for one permit; <see cref="ObjectDisposedException"/> once the connection is closed.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await _bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        // The queue is unbounded, so a permit is refused only to the waiters a Dispose turned away.
        if (lease.IsAcquired || !IsDisposed) return lease;
        lease.Dispose();
        throw CXoneConnection.Closed(null);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _bucket.Dispose();
    }
}

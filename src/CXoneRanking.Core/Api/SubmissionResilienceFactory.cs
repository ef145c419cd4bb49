using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace CXoneRanking.Api;

/// <summary>
/// One connection's resilience (docs/design.md#resilience), outermost first: retry transient outcomes with
/// jittered exponential backoff or the server's Retry-After; a circuit breaker so a failing
/// tenant is not hammered; an optional client-side rate limit; a timeout per attempt.
/// </summary>
internal static class SubmissionResilienceFactory
{
    /// <param name="settings">The connection's settings.</param>
    /// <param name="rateLimit">The connection's rate limit, or null for none; the connection owns and disposes it.</param>
    public static ResiliencePipeline<AttemptOutcome> Create(ConnectionSettings settings, SubmissionRateLimit? rateLimit)
    {
        var builder = new ResiliencePipelineBuilder<AttemptOutcome> { TimeProvider = settings.Time };
        if (settings.MaxAttempts > 1)
            builder.AddRetry(new RetryStrategyOptions<AttemptOutcome>
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = RetryAfterHeader.Cap,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result?.RetryAfter),
            });
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptOutcome>
        {
            FailureRatio = 0.5,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
            // Only the tenant's own failures count: a 429 is the tenant working as designed.
            ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is TimeoutRejectedException
                || args.Outcome.Result is { } r && (r.Fault is not null || r.StatusCode >= 500)),
        });
        if (rateLimit is not null)
            builder.AddRateLimiter(new RateLimiterStrategyOptions { RateLimiter = args => rateLimit.AcquireAsync(args.Context.CancellationToken) });
        builder.AddTimeout(settings.RequestTimeout);
        return builder.Build();
    }

    private static bool IsTransient(Outcome<AttemptOutcome> outcome) =>
        outcome.Exception is TimeoutRejectedException || (outcome.Result?.IsTransient ?? false);
}

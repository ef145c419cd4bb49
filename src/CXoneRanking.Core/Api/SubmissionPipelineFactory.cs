using System.Threading.RateLimiting;
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
internal static class SubmissionPipelineFactory
{
    public static ResiliencePipeline<AttemptOutcome> Create(ConnectionSettings settings)
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
        if (settings.RateLimitPerSecond is { } perSecond)
            builder.AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, (int)Math.Ceiling(perSecond)),
                TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perSecond)),
                ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(perSecond)) / perSecond),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        builder.AddTimeout(settings.RequestTimeout);
        return builder.Build();
    }

    private static bool IsTransient(Outcome<AttemptOutcome> outcome) =>
        outcome.Exception is TimeoutRejectedException || (outcome.Result?.IsTransient ?? false);
}

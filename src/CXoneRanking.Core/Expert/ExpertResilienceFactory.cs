using CXoneRanking.Api;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CXoneRanking.Expert;

/// <summary>
/// One Expert connection's resilience, outermost first: retry transient outcomes with jittered
/// exponential backoff or the site's Retry-After (capped), then a timeout per attempt.
/// </summary>
internal static class ExpertResilienceFactory
{
    public static ResiliencePipeline<ExpertAnswer> Create(ExpertSettings settings, bool idempotent)
    {
        var builder = new ResiliencePipelineBuilder<ExpertAnswer> { TimeProvider = settings.Time };
        if (settings.MaxAttempts > 1)
            builder.AddRetry(new RetryStrategyOptions<ExpertAnswer>
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = RetryAfterHeader.Cap,
                ShouldHandle = args => new ValueTask<bool>(
                    (args.Outcome.Exception is TimeoutRejectedException && idempotent)
                    || (args.Outcome.Result?.IsTransient(idempotent) ?? false)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result?.RetryAfter),
            });
        builder.AddTimeout(settings.RequestTimeout);
        return builder.Build();
    }
}

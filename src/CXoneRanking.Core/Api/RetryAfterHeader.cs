using System.Net.Http.Headers;

namespace CXoneRanking.Api;

/// <summary>Retry-After as seconds or as an HTTP date, capped so a server cannot park a task for hours.</summary>
internal static class RetryAfterHeader
{
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - now : (TimeSpan?)null);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > Cap ? Cap : wait;
    }
}

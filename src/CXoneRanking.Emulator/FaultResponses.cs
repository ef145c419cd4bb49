using System.Globalization;

namespace CXoneRanking.Emulator;

/// <summary>Turns an injected fault into what a real engine would answer with for that status.</summary>
internal static class FaultResponses
{
    public static Task WriteAsync(HttpContext context, Fault fault, int retryAfterSeconds)
    {
        context.JournalNote().Record(JournalOutcome.Fault, fault.ToString());
        if (fault.IsReset)
        {
            // No status line, no body: the client sees the connection drop, as with a crashed proxy.
            context.JournalNote().Aborted = true;
            context.JournalNote().Complete();
            context.Abort();
            return Task.CompletedTask;
        }

        var status = fault.Status!.Value;
        switch (status)
        {
            case StatusCodes.Status429TooManyRequests:
                context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return JsonReply.WriteErrorAsync(context, status, "rate_limited");
            case StatusCodes.Status409Conflict:
                return JsonReply.WriteErrorAsync(context, status, "session_locked");
            case StatusCodes.Status401Unauthorized:
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return JsonReply.WriteErrorAsync(context, status, "invalid_token", "token expired");
            case >= 500:
                return JsonReply.WriteErrorAsync(context, status, "engine_failure");
            default:
                return JsonReply.WriteErrorAsync(context, status, "injected_fault");
        }
    }
}

using System.Text.Json;

namespace CXoneRanking.Api;

/// <summary>Maps the last outcome of a submission to a status and words a user can act on.</summary>
internal static class OutcomeClassifier
{
    private const int MaxProblems = 50;
    private const int MaxProblemLength = 500;

    /// <param name="outcome">The last attempt's outcome.</param>
    /// <param name="attempts">POSTs sent.</param>
    /// <param name="lockTimeout">How long a lock was waited for.</param>
    /// <param name="attemptsSpent">True when -MaxAttempts POSTs were sent (a 409 then ends the lock rounds, not the timeout).</param>
    public static (SubmissionStatus Status, string? Error, IReadOnlyList<string> Problems) Classify(AttemptOutcome outcome, int attempts,
        TimeSpan lockTimeout, bool attemptsSpent = false)
    {
        if (outcome.IsSuccess) return (SubmissionStatus.Succeeded, null, []);
        if (outcome.IsRedirect)
            return (SubmissionStatus.RedirectRefused, $"the API answered {outcome.StatusCode}, redirecting to "
                + $"{HttpRedirects.Describe(outcome.RedirectLocation)}; the redirect was refused ({HttpRedirects.NeverFollowed}), "
                + "so the ranking went nowhere else", []);
        return outcome.StatusCode switch
        {
            null => (SubmissionStatus.TransportFailure, $"no answer after {attempts} attempt(s): {outcome.Fault?.Message}", []),
            401 => (SubmissionStatus.Unauthorized, "the API refused the token, also after renewing it (401)", []),
            409 when attemptsSpent => (SubmissionStatus.SessionLocked,
                $"the session was still locked (409) after all {attempts} POST(s) that -MaxAttempts allows, lock waits included", []),
            409 => (SubmissionStatus.SessionLocked,
                $"the session stayed locked for longer than the lock timeout ({lockTimeout.TotalSeconds:0} s)", []),
            422 => (SubmissionStatus.RankingRejected, "the API saw this Idempotency-Key before with another body (422)", Problems(outcome.Body)),
            429 => (SubmissionStatus.RateLimited, $"still rate limited (429) after {attempts} attempt(s)", []),
            >= 500 => (SubmissionStatus.EngineFailure, $"the assist engine failed ({outcome.StatusCode}) on all {attempts} attempt(s)", []),
            _ => (SubmissionStatus.RankingRejected, $"the API rejected the ranking ({outcome.StatusCode})", Problems(outcome.Body)),
        };
    }

    /// <summary>The server's list of problems (a "problems" array, else its "error"), bounded.</summary>
    public static IReadOnlyList<string> Problems(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return [];
            if (root.TryGetProperty("problems", out var problems) && problems.ValueKind == JsonValueKind.Array)
                return problems.EnumerateArray().Take(MaxProblems).Select(p => Bound(p.ToString())).ToList();
            return root.TryGetProperty("error", out var error) ? [Bound(error.ToString())] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Bound(string text) => text.Length <= MaxProblemLength ? text : text.Substring(0, MaxProblemLength) + "...";
}

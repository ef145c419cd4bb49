using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CXoneRanking.Audit;
using Microsoft.Extensions.Logging;

namespace CXoneRanking.Api;

/// <summary>
/// docs/design.md#feedback-callbacks: after a submission, POST <c>{"audit": entry, "ranking_result": answer}</c> to the
/// caller's feedback endpoint, signed with <c>X-CXone-Signature: sha256=&lt;hex HMAC&gt;</c> when a
/// secret is set. A failed callback is reported, never thrown: it must not fail the ranking.
/// </summary>
internal static class FeedbackCallback
{
    public const string SignatureHeader = "X-CXone-Signature";

    /// <summary>Null when the endpoint took it (2xx), else why not.</summary>
    public static async Task<string?> SendAsync(CXoneConnection connection, SubmitOptions options, AuditEntry entry, string? rankingResult,
        ILogger log, CancellationToken cancellationToken)
    {
        var uri = options.CallbackUri!;
        var body = Body(entry, rankingResult);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (options.CallbackSecret is { Length: > 0 } secret)
            request.Headers.Add(SignatureHeader, "sha256=" + Sign(body, secret));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CallbackTimeout);
        try
        {
            using var response = await connection.SendCallbackAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return null;
            var status = (int)response.StatusCode;
            // Following it would send the signed audit entry wherever Location points.
            if (HttpRedirects.IsRedirect(status))
                return Report(log, entry, $"the callback endpoint answered {status}, a redirect to "
                    + $"{HttpRedirects.Describe(HttpRedirects.Location(response))} that was not followed ({HttpRedirects.NeverFollowed})");
            return Report(log, entry, $"the callback endpoint answered {status}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            var why = e is OperationCanceledException && !cancellationToken.IsCancellationRequested
                ? $"no answer within {options.CallbackTimeout.TotalSeconds:0} s" : e.Message;
            return Report(log, entry, why);
        }
    }

    public static string Sign(byte[] body, System.Security.SecureString secret) =>
        SecureStrings.Reveal(secret, text =>
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(text));
            return Hex.Lower(hmac.ComputeHash(body));
        });

    private static byte[] Body(AuditEntry entry, string? rankingResult)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("audit");
            AuditEntryJson.WriteObject(json, entry);
            json.WritePropertyName("ranking_result");
            if (rankingResult is not null && IsJson(rankingResult)) json.WriteRawValue(rankingResult, skipInputValidation: true);
            else json.WriteNullValue();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Report(ILogger log, AuditEntry entry, string why)
    {
        log.LogWarning("Session {SessionId}: the feedback callback failed ({Why}); the ranking itself is unaffected.", entry.SessionId, why);
        return why;
    }
}

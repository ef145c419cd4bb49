using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace CXoneRanking.Emulator;

/// <summary>The outcome of checking one ranking POST: every problem found, and the parsed payload.</summary>
internal sealed record RankingValidation(IReadOnlyList<string> Problems, JsonElement Payload, int SnippetCount, int MaxResultWindow)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Checks a ranking POST against docs/design.md#wire-contract as strictly as the real engine: it reports every
/// problem, not only the first, so one round trip tells the user everything that needs fixing.
/// </summary>
internal static class RankingValidator
{
    public const int MaxWindow = 50;

    private static readonly string[] TopLevelKeys = ["session_id", "max_result_window", "snippets"];

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public static RankingValidation Validate(string? contentType, byte[] body, string pathSessionId)
    {
        var problems = new List<string>();
        CheckContentType(contentType, problems);
        if (body.Length == 0 || !Utf8.IsValid(body))
        {
            problems.Add(body.Length == 0 ? "body: empty; expected a JSON object" : "body: not valid UTF-8");
            return new RankingValidation(problems, default, 0, 0);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, ParseOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            problems.Add($"body: not valid JSON ({e.Message})");
            return new RankingValidation(problems, default, 0, 0);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"body: expected a JSON object, got {JsonProperties.Describe(root.ValueKind)}");
            return new RankingValidation(problems, root, 0, 0);
        }

        var properties = JsonProperties.Collect(root, "", TopLevelKeys, problems);
        if (properties.TryGetValue("session_id", out var sessionId))
        {
            CheckSessionId(sessionId, pathSessionId, problems);
        }

        var window = properties.TryGetValue("max_result_window", out var windowElement) ? CheckWindow(windowElement, problems) : null;
        var count = properties.TryGetValue("snippets", out var snippets) ? SnippetValidator.CheckAll(snippets, window, problems) : 0;
        return new RankingValidation(problems, root, count, window ?? 0);
    }

    private static void CheckContentType(string? contentType, List<string> problems)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            problems.Add("Content-Type: missing; expected application/json");
        }
        else if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
                 || !parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Content-Type: {JsonProperties.Quote(contentType)} is not application/json");
        }
        else if (parsed.Charset.HasValue && !parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Content-Type: charset {JsonProperties.Quote(parsed.Charset.ToString())} is not utf-8");
        }
    }

    private static void CheckSessionId(JsonElement sessionId, string pathSessionId, List<string> problems)
    {
        if (sessionId.ValueKind != JsonValueKind.String)
        {
            problems.Add($"session_id: expected a string, got {JsonProperties.Describe(sessionId.ValueKind)}");
        }
        else if (!string.Equals(sessionId.GetString(), pathSessionId, StringComparison.Ordinal))
        {
            problems.Add($"session_id: {JsonProperties.Quote(sessionId.GetString()!)} does not match the session id in the path "
                         + JsonProperties.Quote(pathSessionId));
        }
    }

    private static int? CheckWindow(JsonElement window, List<string> problems)
    {
        if (window.ValueKind != JsonValueKind.Number)
        {
            problems.Add($"max_result_window: expected an integer, got {JsonProperties.Describe(window.ValueKind)}");
            return null;
        }

        if (!window.TryGetInt32(out var value))
        {
            problems.Add($"max_result_window: {window.GetRawText()} is not an integer in [1, {MaxWindow}]");
            return null;
        }

        if (value is < 1 or > MaxWindow)
        {
            problems.Add($"max_result_window: {value} is outside [1, {MaxWindow}]");
            return null;
        }

        return value;
    }
}

using System.Globalization;
using System.Text.Json;

namespace CXoneRanking.Emulator;

/// <summary>
/// The JSON body of a control request, read with the same strictness as the API: a typo in a
/// test's fault script should fail loudly rather than quietly script nothing.
/// </summary>
internal sealed class ControlRequest
{
    private readonly HttpContext context;

    private ControlRequest(HttpContext context, Dictionary<string, JsonElement> properties, List<string> problems)
    {
        this.context = context;
        Properties = properties;
        Problems = problems;
    }

    public Dictionary<string, JsonElement> Properties { get; }

    public List<string> Problems { get; }

    /// <summary>Reads the body as an object with exactly <paramref name="keys"/>; null when it already answered 400.</summary>
    public static async Task<ControlRequest?> ReadAsync(HttpContext context, string[] keys)
    {
        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            await RejectAsync(context, [$"body: not valid JSON ({e.Message})"]);
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            await RejectAsync(context, [$"body: expected a JSON object, got {JsonProperties.Describe(root.ValueKind)}"]);
            return null;
        }

        var problems = new List<string>();
        return new ControlRequest(context, JsonProperties.Collect(root, "", keys, problems), problems);
    }

    public string? String(string name)
    {
        if (!Properties.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        Problems.Add($"{name}: expected a non-empty string");
        return null;
    }

    public double? Number(string name, double min, double max)
    {
        if (!Properties.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max)
        {
            return number;
        }

        Problems.Add($"{name}: expected a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return null;
    }

    /// <summary>Answers 400 with every problem found, if any; true when it did.</summary>
    public async Task<bool> RejectIfProblemsAsync()
    {
        if (Problems.Count == 0)
        {
            return false;
        }

        await RejectAsync(context, Problems);
        return true;
    }

    private static Task RejectAsync(HttpContext context, IReadOnlyList<string> problems) =>
        JsonReply.WriteAsync(
            context, 400, new SchemaViolation("invalid_request", problems), EmulatorJsonContext.Default.SchemaViolation);
}

using System.Text.Json;

namespace CXoneRanking.Api;

/// <summary>A JSON answer as dictionaries, lists and primitives: what PowerShell displays well.</summary>
internal static class JsonObjects
{
    public static IReadOnlyDictionary<string, object?>? ParseObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (IReadOnlyDictionary<string, object?>)Convert(document.RootElement)!
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(
            new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase),
            (d, p) =>
            {
                d[p.Name] = Convert(p.Value);
                return d;
            }),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var n) ? n : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

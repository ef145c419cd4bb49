using System.Text.Json;

namespace CXoneRanking.Emulator;

/// <summary>
/// Strict reading of one JSON object: JsonDocument quietly accepts duplicate and unexpected
/// property names, and the real engine rejects both, so they are reported here.
/// </summary>
internal static class JsonProperties
{
    /// <summary>
    /// Returns the object's properties by name. Reports duplicates, names not in
    /// <paramref name="allowed"/> (null allows any) and allowed names that are missing.
    /// </summary>
    public static Dictionary<string, JsonElement> Collect(
        JsonElement obj, string path, IReadOnlyCollection<string>? allowed, List<string> problems)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (allowed is not null && !allowed.Contains(property.Name))
            {
                problems.Add($"{Join(path, property.Name)}: unknown property (allowed: {string.Join(", ", allowed)})");
            }
            else if (!properties.TryAdd(property.Name, property.Value))
            {
                problems.Add($"{Join(path, property.Name)}: property appears more than once");
            }
        }

        foreach (var name in allowed ?? [])
        {
            if (!properties.ContainsKey(name))
            {
                problems.Add($"{Join(path, name)}: required");
            }
        }

        return properties;
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>How a problem message names what it found instead of what it wanted.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>Quotes a string for a problem message, escaping what would make the message unreadable.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, EmulatorJsonContext.Default.String);

    /// <summary>Reads a finite number, or reports what was there instead.</summary>
    public static double? Number(JsonElement element, string path, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            problems.Add($"{path}: expected a number, got {Describe(element.ValueKind)}");
            return null;
        }

        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            problems.Add($"{path}: {element.GetRawText()} is not a finite number");
            return null;
        }

        return value;
    }
}

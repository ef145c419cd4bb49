using System.Globalization;
using System.Text.Json;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// Strict reading of the objects in a control request body: unknown and repeated names are
/// problems, optional names may be left out, and a value of the wrong kind is reported by path.
/// </summary>
internal static class StrictFields
{
    public static Dictionary<string, JsonElement> Read(
        JsonElement item, string path, string[] allowed, string[] required, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object, got {JsonProperties.Describe(item.ValueKind)}");
            return [];
        }

        var fields = JsonProperties.Collect(item, path, null, problems);
        problems.AddRange(fields.Keys.Where(k => !allowed.Contains(k)).Select(k => $"{path}.{k}: unknown property"));
        problems.AddRange(required.Where(k => !fields.ContainsKey(k)).Select(k => $"{path}.{k}: required"));
        return fields;
    }

    public static long? Integer(Dictionary<string, JsonElement> fields, string name, string path, long min, long max, List<string> problems)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add($"{path}.{name}: expected an integer in {min}..{max}");
        return null;
    }

    public static DateTimeOffset? Time(Dictionary<string, JsonElement> fields, string name, string path, List<string> problems)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return DreamFormat.ToSecond(time.ToUniversalTime());
        }

        problems.Add($"{path}.{name}: expected an ISO 8601 date-time string such as \"2026-03-01T12:00:00Z\"");
        return null;
    }
}

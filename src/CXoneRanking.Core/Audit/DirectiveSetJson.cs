using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// The rules of a <see cref="DirectiveSet"/> as JSON: the directive file's members (Export-BoostDirective), written for any
/// rule, sound or not, and read back without the directive file's checks, so a logged invalid rule is replayed as it was.
/// </summary>
internal static class DirectiveSetJson
{
    public static void WriteRules(Utf8JsonWriter json, IReadOnlyList<BoostDirective> rules)
    {
        json.WriteStartArray();
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            if (rule.SnippetId is { } id) json.WriteString("snippet_id", UnicodeText.WellFormed(id));
            if (rule.MetadataKey.Length > 0)
            {
                json.WriteString("metadata_key", UnicodeText.WellFormed(rule.MetadataKey));
                json.WriteString("value", UnicodeText.WellFormed(rule.Value));
            }
            if (rule.Exclude) json.WriteBoolean("exclude", true);
            else CandidateJson.WriteNumber(json, "factor", rule.Factor);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <exception cref="FormatException">Not an array of rule objects.</exception>
    public static IReadOnlyList<BoostDirective> ReadRules(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw new FormatException("\"directives\" is not an array");
            var rules = new List<BoostDirective>(document.RootElement.GetArrayLength());
            foreach (var element in document.RootElement.EnumerateArray()) rules.Add(ReadRule(element));
            return rules;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"\"directives\" is not a rule set: {e.Message}", e);
        }
    }

    private static BoostDirective ReadRule(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new FormatException("a rule of \"directives\" is not an object");
        var rule = new BoostDirective();
        foreach (var member in element.EnumerateObject())
        {
            switch (member.Name)
            {
                case "snippet_id": rule.SnippetId = member.Value.GetString(); break;
                case "metadata_key": rule.MetadataKey = member.Value.GetString() ?? string.Empty; break;
                case "value": rule.Value = member.Value.GetString() ?? string.Empty; break;
                case "exclude": rule.Exclude = member.Value.GetBoolean(); break;
                case "factor": rule.Factor = CandidateJson.ReadNumber(member.Value, "factor"); break;
                default: break;
            }
        }
        return rule;
    }
}

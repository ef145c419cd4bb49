using System.Text.Json;

namespace CXoneRanking.Ranking;

/// <summary>
/// Reads boost and exclude rules from a JSON file, so scheduled tasks keep them in version
/// control: an array of <c>{"metadata_key": "category", "value": "billing*", "factor": 1.2}</c>
/// or <c>{"metadata_key": "category", "value": "spam", "exclude": true}</c>, or over snippet ids:
/// <c>{"snippet_id": "KB-1*", "factor": 1.4}</c> (with or without a metadata key). Property names may
/// also be camelCase or PascalCase. Every error says where the file is wrong.
/// </summary>
public static class BoostDirectiveFile
{
    public static IReadOnlyList<BoostDirective> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, Path.GetFileName(path));
    }

    /// <summary>
    /// The rules of <paramref name="json"/>. A file with no text at all (only white space) holds no rules, like
    /// <c>[]</c>: a learning run with nothing to suggest, or a placeholder, means "rank without rules".
    /// </summary>
    public static IReadOnlyList<BoostDirective> Parse(Stream json, string sourceName)
    {
        var text = ReadAll(json);
        if (IsBlank(text)) return [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DirectiveFileException($"{sourceName}: not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}.", e);
        }
        catch (ArgumentException e)
        {
            throw new DirectiveFileException($"{sourceName}: not valid UTF-8 text ({e.Message})", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new DirectiveFileException($"{sourceName}: expected a JSON array of rules, found {Describe(document.RootElement.ValueKind)}.");
            var rules = new List<BoostDirective>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var where = $"{sourceName}: rule {++index} ($[{index - 1}])";
                try
                {
                    rules.Add(ReadRule(element, where));
                }
                catch (InvalidOperationException e)
                {
                    // A property name that is not valid UTF-8 (values are caught by Text, by name).
                    throw new DirectiveFileException($"{where}: a property name is not valid text.", e);
                }
            }
            return rules;
        }
    }

    private static ReadOnlyMemory<byte> ReadAll(Stream json)
    {
        using var copy = new MemoryStream();
        json.CopyTo(copy);
        var bytes = copy.ToArray();
        // JsonDocument.Parse(Stream) skips a UTF-8 byte order mark; parsing the bytes does not.
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return bytes.AsMemory(bom);
    }

    private static bool IsBlank(ReadOnlyMemory<byte> text)
    {
        foreach (var b in text.Span)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    private static BoostDirective ReadRule(JsonElement rule, string where)
    {
        if (rule.ValueKind != JsonValueKind.Object)
            throw new DirectiveFileException($"{where}: expected an object, found {Describe(rule.ValueKind)}.");
        string? key = null, value = null, snippetId = null;
        double? factor = null;
        var exclude = false;
        // JSON lets a member repeat and a reader keep the last: a reviewer reading the file would see the first.
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in rule.EnumerateObject())
        {
            var v = property.Value;
            var name = property.Name.Replace("_", string.Empty).ToLowerInvariant();
            if (!given.Add(name))
                throw new DirectiveFileException($"{where}: '{property.Name}' is given twice; give each property of a rule once.");
            switch (name)
            {
                case "metadatakey":
                    key = Text(v, where, property.Name);
                    break;
                case "value":
                    value = Text(v, where, property.Name);
                    break;
                case "snippetid":
                    snippetId = Text(v, where, property.Name);
                    break;
                case "factor":
                    factor = v.ValueKind == JsonValueKind.Number ? v.GetDouble()
                        : throw new DirectiveFileException($"{where}: '{property.Name}' must be a number, found {Describe(v.ValueKind)}.");
                    break;
                case "exclude":
                    exclude = v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean()
                        : throw new DirectiveFileException($"{where}: '{property.Name}' must be true or false, found {Describe(v.ValueKind)}.");
                    break;
                default:
                    throw new DirectiveFileException(
                        $"{where}: unknown property '{property.Name}' (expected metadata_key, value, snippet_id, factor or exclude).");
            }
        }
        if (key is null && string.IsNullOrEmpty(snippetId))
            throw new DirectiveFileException($"{where}: 'metadata_key' is missing (or give 'snippet_id').");
        if (key is null && value is not null) throw new DirectiveFileException($"{where}: 'value' needs a 'metadata_key'.");
        if (key is not null && value is null) throw new DirectiveFileException($"{where}: 'value' is missing.");
        if (exclude && factor is not null) throw new DirectiveFileException($"{where}: a rule either excludes or has a factor, not both.");
        if (!exclude && factor is null) throw new DirectiveFileException($"{where}: 'factor' is missing (or set \"exclude\": true).");
        var directive = new BoostDirective
        {
            MetadataKey = key ?? string.Empty, Value = value ?? "*", SnippetId = snippetId, Exclude = exclude, Factor = factor ?? 1.0,
        };
        if (directive.Problem() is { } problem) throw new DirectiveFileException($"{where}: {problem}.");
        return directive;
    }

    private static string Text(JsonElement value, string where, string name)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new DirectiveFileException($"{where}: '{name}' must be a string, found {Describe(value.ValueKind)}.");
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // An escape no text can carry, such as a lone "\ud800".
            throw new DirectiveFileException($"{where}: '{name}' is not valid text.", e);
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>A directive file that cannot be used; the message says which file, rule and property.</summary>
public sealed class DirectiveFileException(string message, Exception? inner = null) : Exception(message, inner);

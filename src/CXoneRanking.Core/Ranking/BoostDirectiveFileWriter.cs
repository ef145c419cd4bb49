using System.Text.Json;

namespace CXoneRanking.Ranking;

/// <summary>
/// Writes directives in the format <see cref="BoostDirectiveFile"/> reads, so rules learned by one
/// scheduled task (Get-SnippetBoostSuggestion -AsDirective) can be reviewed, kept in version
/// control and read back by the next. The file is replaced in one step: a reader never sees half of it.
/// </summary>
public static class BoostDirectiveFileWriter
{
    /// <summary>The JSON array of rules: snake_case names, indented, one rule per object, factors round-tripping exactly.</summary>
    /// <exception cref="ArgumentException">A directive is not sound (its <see cref="BoostDirective.Problem"/> says why).</exception>
    public static void Write(Stream output, IEnumerable<BoostDirective> directives)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var directive in directives)
        {
            if (directive.Problem() is { } problem) throw new ArgumentException($"directive {directive}: {problem}", nameof(directives));
            json.WriteStartObject();
            if (directive.SnippetId is { } id) json.WriteString("snippet_id", id);
            if (!string.IsNullOrWhiteSpace(directive.MetadataKey))
            {
                json.WriteString("metadata_key", directive.MetadataKey);
                json.WriteString("value", directive.Value);
            }
            if (directive.Exclude) json.WriteBoolean("exclude", true);
            else json.WriteNumber("factor", directive.Factor);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Writes the file next to its final name, then moves it into place (replacing an existing file).</summary>
    public static void WriteFile(string path, IEnumerable<BoostDirective> directives)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                Write(stream, directives);
                stream.WriteByte((byte)'\n');
            }
            if (File.Exists(full)) File.Replace(temporary, full, destinationBackupFileName: null);
            else File.Move(temporary, full);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}

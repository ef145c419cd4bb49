using System.Text;
using System.Text.Json;

namespace CXoneRanking.Expert;

/// <summary>
/// The queries that found a page, as a JSON array of strings: unambiguous whatever a query holds
/// (commas, quotes), and read back with ConvertFrom-Json. Queries that would make it longer than a
/// metadata value may be are left off, so the text is always whole JSON.
/// </summary>
internal static class ExpertQueryList
{
    public static string Json(IReadOnlyList<string> queries, int maxLength)
    {
        var text = "[]";
        for (var count = 1; count <= queries.Count; count++)
        {
            var longer = Write(queries, count);
            if (longer.Length > maxLength) break;
            text = longer;
        }
        return text;
    }

    private static string Write(IReadOnlyList<string> queries, int count)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < count; i++) writer.WriteStringValue(queries[i]);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

using System.Text.Json;

namespace CXoneRanking.Metrics;

/// <summary>
/// What a metrics reader holds at the end of a day that is not in the days' summaries (docs/audit-log.md#daily-summaries):
/// the sessions the horizon has not closed, with their showings and clicks, and the write-ahead entries still without
/// their outcome. Restored, reading goes on raw from the next day exactly as if it had read every day before it.
/// </summary>
internal static class MetricsCheckpointJson
{
    public static void Write(Utf8JsonWriter json, RankingMetricsCalculator calculator)
    {
        json.WriteStartObject();
        json.WriteNumber("day_number", calculator.Day);
        json.WriteStartArray("unanswered");
        foreach (var key in calculator.UnansweredKeys) json.WriteStringValue(key);
        json.WriteEndArray();
        json.WriteStartArray("open");
        foreach (var pair in calculator.Open) WriteSession(json, pair.Key, pair.Value);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The calculator the checkpoint describes, counting nothing yet.</summary>
    /// <exception cref="FormatException">Not what <see cref="Write"/> writes.</exception>
    public static RankingMetricsCalculator Read(JsonElement json)
    {
        try
        {
            var open = json.GetProperty("open").EnumerateArray().Select(ReadSession).ToList();
            var unanswered = json.GetProperty("unanswered").EnumerateArray().Select(k => k.GetString()!).ToList();
            var calculator = new RankingMetricsCalculator();
            calculator.Restore(json.GetProperty("day_number").GetInt32(), open, unanswered);
            return calculator;
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException)
        {
            throw new FormatException($"not a metrics checkpoint: {e.Message}", e);
        }
    }

    private static void WriteSession(Utf8JsonWriter json, string id, OpenMetricsSession session)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteNumber("last_day", session.LastDay);
        if (session.Imported) json.WriteBoolean("imported", true);
        json.WriteStartArray("shown");
        foreach (var (ticks, key, snippets, length) in session.Showings)
        {
            json.WriteStartArray();
            json.WriteNumberValue(ticks);
            json.WriteStringValue(key);
            json.WriteNumberValue(length);
            if (snippets is not null)
                foreach (var snippet in snippets) json.WriteStringValue(snippet);
            else json.WriteNullValue();
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteStartArray("clicks");
        foreach (var (ticks, snippet, position) in session.Clicks)
        {
            json.WriteStartArray();
            json.WriteNumberValue(ticks);
            json.WriteStringValue(snippet);
            if (position is { } p) json.WriteNumberValue(p);
            else json.WriteNullValue();
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static KeyValuePair<string, OpenMetricsSession> ReadSession(JsonElement json)
    {
        var session = new OpenMetricsSession
        {
            LastDay = json.GetProperty("last_day").GetInt32(),
            Imported = json.TryGetProperty("imported", out var imported) && imported.GetBoolean(),
        };
        foreach (var row in json.GetProperty("shown").EnumerateArray())
        {
            // [ticks, key, length, null] for an imported search, [ticks, key, length, snippet...] for a ranking.
            var isSearch = row.GetArrayLength() == 4 && row[3].ValueKind == JsonValueKind.Null;
            var snippets = isSearch ? null : row.EnumerateArray().Skip(3).Select(s => s.GetString()!).ToArray();
            session.AddShowing(row[0].GetInt64(), row[1].GetString(), snippets, row[2].GetInt32());
        }
        foreach (var row in json.GetProperty("clicks").EnumerateArray())
            session.AddClick(row[0].GetInt64(), row[1].GetString(), row[2].ValueKind == JsonValueKind.Null ? null : row[2].GetInt32());
        return new(json.GetProperty("id").GetString()!, session);
    }
}

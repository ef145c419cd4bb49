using System.Text.Json;

namespace CXoneRanking.Metrics;

/// <summary>
/// A <see cref="MetricsTally"/> as JSON, for a day's summary (docs/audit-log.md#daily-summaries): every count and
/// every table in full, so reading it back gives the same figures to the last digit. Reading throws
/// <see cref="FormatException"/> for anything that is not what <see cref="Write"/> writes.
/// </summary>
internal static class MetricsTallyJson
{
    private static readonly string[] Counts =
    [
        "succeeded", "failed", "cancelled", "unchanged", "not_sent", "clicks", "imported_searches", "impressions",
        "clicked_impressions", "clicks_without_ranking", "clicks_not_shown", "reciprocal_ranks",
    ];

    public static void Write(Utf8JsonWriter json, MetricsTally tally)
    {
        json.WriteStartObject();
        var counts = CountsOf(tally);
        for (var i = 0; i < Counts.Length; i++) json.WriteNumber(Counts[i], counts[i]);
        if (tally.FirstEntry is { } first) json.WriteNumber("first_entry", first.UtcTicks);
        if (tally.LastEntry is { } last) json.WriteNumber("last_entry", last.UtcTicks);
        Rows(json, "latencies", tally.Latencies.Ascending().Select(p => new[] { p.Key, p.Value }));
        Rows(json, "position_clicks", tally.PositionClicks.Select(p => new long[] { p.Key, p.Value }));
        Rows(json, "first_click_positions", tally.FirstClickPositions.Select(p => new long[] { p.Key, p.Value }));
        Rows(json, "positions", tally.Positions.Select(p => new long[] { p.Key, p.Value[0], p.Value[1] }));
        json.WriteStartObject("snippet_clicks");
        foreach (var pair in tally.SnippetClicks) json.WriteNumber(pair.Key, pair.Value);
        json.WriteEndObject();
        json.WriteStartObject("snippets");
        foreach (var pair in tally.Snippets)
        {
            json.WriteStartArray(pair.Key);
            json.WriteNumberValue(pair.Value[0]);
            json.WriteNumberValue(pair.Value[1]);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartArray("unknown_impressions");
        foreach (var snippet in tally.UnknownImpressions) json.WriteStringValue(snippet);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static MetricsTally Read(JsonElement json)
    {
        try
        {
            var tally = new MetricsTally();
            var counts = new long[Counts.Length];
            for (var i = 0; i < Counts.Length; i++) counts[i] = json.GetProperty(Counts[i]).GetInt64();
            (tally.Succeeded, tally.Failed, tally.Cancelled, tally.Unchanged, tally.NotSent, tally.Clicks, tally.ImportedSearches) =
                (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
            (tally.Impressions, tally.ClickedImpressions, tally.ClicksWithoutRanking, tally.ClicksNotShown, tally.ReciprocalRanks) =
                (counts[7], counts[8], counts[9], counts[10], counts[11]);
            if (json.TryGetProperty("first_entry", out var first)) tally.Seen(new DateTimeOffset(first.GetInt64(), TimeSpan.Zero));
            if (json.TryGetProperty("last_entry", out var last)) tally.Seen(new DateTimeOffset(last.GetInt64(), TimeSpan.Zero));
            foreach (var row in json.GetProperty("latencies").EnumerateArray()) tally.Latencies.Add(row[0].GetInt64(), row[1].GetInt64());
            foreach (var row in json.GetProperty("position_clicks").EnumerateArray()) tally.PositionClicks[row[0].GetInt32()] = row[1].GetInt64();
            foreach (var row in json.GetProperty("first_click_positions").EnumerateArray())
                tally.FirstClickPositions[row[0].GetInt32()] = row[1].GetInt64();
            foreach (var row in json.GetProperty("positions").EnumerateArray())
                tally.Positions[row[0].GetInt32()] = [row[1].GetInt64(), row[2].GetInt64()];
            foreach (var pair in json.GetProperty("snippet_clicks").EnumerateObject()) tally.SnippetClicks[pair.Name] = pair.Value.GetInt64();
            foreach (var pair in json.GetProperty("snippets").EnumerateObject())
                tally.Snippets[pair.Name] = [pair.Value[0].GetInt64(), pair.Value[1].GetInt64()];
            foreach (var snippet in json.GetProperty("unknown_impressions").EnumerateArray()) tally.UnknownImpressions.Add(snippet.GetString()!);
            return tally;
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException)
        {
            throw new FormatException($"not a metrics summary: {e.Message}", e);
        }
    }

    private static long[] CountsOf(MetricsTally t) =>
    [
        t.Succeeded, t.Failed, t.Cancelled, t.Unchanged, t.NotSent, t.Clicks, t.ImportedSearches, t.Impressions,
        t.ClickedImpressions, t.ClicksWithoutRanking, t.ClicksNotShown, t.ReciprocalRanks,
    ];

    private static void Rows(Utf8JsonWriter json, string name, IEnumerable<long[]> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartArray();
            foreach (var value in row) json.WriteNumberValue(value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}

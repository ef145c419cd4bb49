using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// The few members of one stored line that <see cref="AppliedRankingIndex"/> needs, read with a
/// forward-only reader: no document, no entry object, arrays skipped unread. A year of nightly
/// runs is hundreds of thousands of lines, and the lookup runs before every -SkipUnchanged run.
/// A line that is not a JSON object (a torn write) gives null, as the full reader skips it.
/// </summary>
internal sealed class RankingLineFields
{
    public string? Event { get; private set; }
    public string? SessionId { get; private set; }
    public string? Target { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public string? RankingChecksum { get; private set; }
    public DateTimeOffset Timestamp { get; private set; }

    public static RankingLineFields? TryRead(ReadOnlySpan<byte> line)
    {
        try
        {
            var json = new Utf8JsonReader(line);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject) return null;
            var fields = new RankingLineFields();
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString();
                json.Read();
                if (json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) json.Skip();
                else if (json.TokenType == JsonTokenType.String) fields.Set(name, ref json);
            }
            return fields;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private void Set(string? name, ref Utf8JsonReader json)
    {
        switch (name)
        {
            case "event": Event = json.GetString(); break;
            case "session_id": SessionId = json.GetString(); break;
            case "target": Target = json.GetString(); break;
            case "idempotency_key": IdempotencyKey = json.GetString(); break;
            case "ranking_checksum": RankingChecksum = json.GetString(); break;
            case "timestamp": Timestamp = json.TryGetDateTimeOffset(out var at) ? at : default; break;
        }
    }
}

using System.Text;
using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// A faster read of one line for readers that need only the members the metrics count (docs/audit-log.md#metrics): one
/// <see cref="Utf8JsonReader"/> pass, no document, and no string made for members the metrics do not use (host, user,
/// module_version, prev_hash, target, note, error...). It accepts a line only when <see cref="AuditEntryParser"/>
/// would accept it with the same values: anything it is not sure of (a malformed line, a member of the wrong type, an
/// escaped string it would have to check, a repeated event or timestamp, rule sets) returns null, and the caller reads
/// that line the full way, so skipped lines and their reasons are the full parser's.
/// </summary>
internal static class LeanEntryParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static AuditEntry? TryParse(RawLine line)
    {
        try
        {
            StrictUtf8.GetCharCount(line.Bytes.Array!, line.Bytes.Offset, line.Bytes.Count);
            var reader = new Utf8JsonReader(line.Bytes.AsSpan(), isFinalBlock: true, state: default);
            return Read(ref reader);
        }
        catch (Exception e) when (e is DecoderFallbackException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static AuditEntry? Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        string? eventName = null;
        DateTimeOffset? timestamp = null;
        var known = new Members();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped) return null;   // a member name written with escapes: let the full parser decide
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("event"u8))
            {
                if (eventName is not null || reader.TokenType != JsonTokenType.String) return null;
                eventName = reader.GetString();
            }
            else if (name.SequenceEqual("timestamp"u8))
            {
                if (timestamp is not null || reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var at)) return null;
                timestamp = at;
            }
            else if (!known.Read(ref reader, name)) return null;
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null;   // nothing after the object
        if (eventName is null || timestamp is null) return null;
        var entry = new AuditEntry(eventName, timestamp.Value);
        known.CopyTo(entry);
        return entry;
    }

    /// <summary>The members read so far (a repeated member: the last wins, as in the full parser).</summary>
    private struct Members
    {
        private string? _session, _snippetId, _status, _key, _checksum, _experiment, _arm, _hash;
        private int? _snippetCount, _position;
        private long? _latency;
        private IReadOnlyList<string>? _snippets;
        private bool _candidates;

        public bool Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
        {
            if (name.SequenceEqual("candidates"u8))
            {
                _candidates = true;
                reader.Skip();
                return true;
            }
            if (reader.TokenType == JsonTokenType.Null) return true;
            if (name.SequenceEqual("session_id"u8)) return String(ref reader, out _session);
            if (name.SequenceEqual("snippet_id"u8)) return String(ref reader, out _snippetId);
            if (name.SequenceEqual("status"u8)) return String(ref reader, out _status);
            if (name.SequenceEqual("idempotency_key"u8)) return String(ref reader, out _key);
            if (name.SequenceEqual("ranking_checksum"u8)) return String(ref reader, out _checksum);
            if (name.SequenceEqual("experiment"u8)) return String(ref reader, out _experiment);
            if (name.SequenceEqual("arm"u8)) return String(ref reader, out _arm);
            if (name.SequenceEqual("hash"u8)) return String(ref reader, out _hash);
            if (name.SequenceEqual("snippet_count"u8)) return Int32(ref reader, out _snippetCount);
            if (name.SequenceEqual("rank_position"u8)) return Int32(ref reader, out _position);
            if (name.SequenceEqual("latency_ms"u8)) return Latency(ref reader, out _latency);
            if (name.SequenceEqual("snippets"u8)) return Strings(ref reader, out _snippets);
            if (IsString(name)) return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped;
            if (IsInteger(name)) return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _);
            if (name.SequenceEqual("expert_query_id"u8)) return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out _);
            if (name.SequenceEqual("expert_rank"u8)) return reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out _);
            if (name.SequenceEqual("normalize"u8)) return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
            if (name.SequenceEqual("directives"u8)) return false;
            // A member a newer module added: passed over, as the full parser does.
            reader.Skip();
            return true;
        }

        public readonly void CopyTo(AuditEntry entry)
        {
            (entry.SessionId, entry.SnippetId, entry.Status, entry.IdempotencyKey, entry.RankingChecksum) =
                (_session, _snippetId, _status, _key, _checksum);
            (entry.Experiment, entry.Arm, entry.Hash, entry.SnippetCount, entry.RankPosition, entry.LatencyMs, entry.Snippets) =
                (_experiment, _arm, _hash, _snippetCount, _position, _latency, _snippets);
            entry.CandidatesLogged = _candidates;
        }

        // Members the metrics do not use, checked for their type only; an escaped one could hold an unpaired surrogate.
        private static bool IsString(ReadOnlySpan<byte> name) =>
            name.SequenceEqual("target"u8) || name.SequenceEqual("module_version"u8) || name.SequenceEqual("host"u8)
            || name.SequenceEqual("user"u8) || name.SequenceEqual("prev_hash"u8) || name.SequenceEqual("note"u8)
            || name.SequenceEqual("error"u8) || name.SequenceEqual("expert_terms"u8) || name.SequenceEqual("directive_set"u8)
            || name.SequenceEqual("overflow"u8);

        private static bool IsInteger(ReadOnlySpan<byte> name) =>
            name.SequenceEqual("max_window"u8) || name.SequenceEqual("expert_result_count"u8) || name.SequenceEqual("http_status"u8)
            || name.SequenceEqual("attempts"u8);

        private static bool String(ref Utf8JsonReader reader, out string? value)
        {
            value = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? reader.GetString() : null;
            return value is not null;
        }

        private static bool Int32(ref Utf8JsonReader reader, out int? value)
        {
            value = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
            return value is not null;
        }

        private static bool Latency(ref Utf8JsonReader reader, out long? value)
        {
            value = reader.TokenType != JsonTokenType.Number ? null
                : reader.TryGetInt64(out var whole) ? whole
                : (long)Math.Round(reader.GetDouble(), MidpointRounding.AwayFromZero);
            return value is not null;
        }

        private static bool Strings(ref Utf8JsonReader reader, out IReadOnlyList<string>? value)
        {
            value = null;
            if (reader.TokenType != JsonTokenType.StartArray) return false;
            var items = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) return false;
                items.Add(reader.GetString()!);
            }
            value = items;
            return true;
        }
    }
}

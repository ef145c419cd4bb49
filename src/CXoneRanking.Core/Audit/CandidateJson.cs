using System.Text.Json;
using CXoneRanking.Ranking;
using CXoneRanking.Ranks;
using CXoneRanking.Rows;

namespace CXoneRanking.Audit;

/// <summary>
/// A session's candidates as the audit log records them (docs/audit-log.md#how-a-ranking-came-to-be): one object per
/// candidate in input order, short member names, defaults left out. Numbers round-trip exactly; one that JSON cannot
/// carry (NaN, an infinity) is a string. A candidate whose text is not valid Unicode (which the engine refuses,
/// so its session was never sent) is recorded like a held-back row, its problem as its error: what cannot be recorded
/// exactly is never given a ranking that could be sent.
/// </summary>
internal static class CandidateJson
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<RankInput> candidates, IReadOnlyList<HeldBackRow> heldBack)
    {
        json.WriteStartArray();
        var problems = new List<RankProblem>();
        foreach (var candidate in candidates)
        {
            json.WriteStartObject();
            if (Unrecordable(candidate, problems) is { } problem)
            {
                json.WriteString("id", UnicodeText.WellFormed(candidate.SnippetId ?? string.Empty));
                json.WriteString("e", problem);
            }
            else WriteCandidate(json, candidate);
            json.WriteEndObject();
        }
        foreach (var row in heldBack)
        {
            json.WriteStartObject();
            json.WriteString("id", UnicodeText.WellFormed(row.SnippetId ?? string.Empty));
            json.WriteString("e", UnicodeText.WellFormed(row.Error ?? string.Empty));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteCandidate(Utf8JsonWriter json, RankInput candidate)
    {
        json.WriteString("id", candidate.SnippetId);
        WriteNumber(json, "r", candidate.RelevanceScore);
        if (BitConverter.DoubleToInt64Bits(candidate.BoostFactor) != BitConverter.DoubleToInt64Bits(1.0))
            WriteNumber(json, "b", candidate.BoostFactor);
        var metadata = candidate.Metadata.View;
        if (metadata.Count > 0)
        {
            json.WriteStartObject("m");
            foreach (var entry in metadata)
            {
                if (entry.Value is null) json.WriteNull(entry.Key);
                else json.WriteString(entry.Key, entry.Value);
            }
            json.WriteEndObject();
        }
        if (candidate.Signals is { Count: > 0 } signals)
        {
            json.WriteStartArray("s");
            foreach (var signal in signals)
            {
                json.WriteStartArray();
                json.WriteStringValue(UnicodeText.WellFormed(signal?.Name ?? string.Empty));
                WriteNumberValue(json, signal?.Weight ?? double.NaN);
                WriteNumberValue(json, signal?.Score ?? double.NaN);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
    }

    // Text with an unpaired surrogate cannot be written as it is; the engine refuses it, so the candidate's session was not sent.
    private static string? Unrecordable(RankInput candidate, List<RankProblem> problems)
    {
        var text = candidate.SnippetId is { } id && UnicodeText.LoneSurrogateIndex(id) >= 0;
        foreach (var entry in candidate.Metadata.View)
            text |= UnicodeText.LoneSurrogateIndex(entry.Key) >= 0 || (entry.Value is { } v && UnicodeText.LoneSurrogateIndex(v) >= 0);
        if (!text) return null;
        problems.Clear();
        RankChecks.FindAll(in candidate, problems);
        var problem = problems.Count > 0 ? problems[0].Text : "its text is not valid Unicode";
        return UnicodeText.WellFormed($"snippet '{candidate.SnippetId}': {problem}");
    }

    public static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (IsPlain(value)) json.WriteNumber(name, value);
        else json.WriteString(name, Text(value));
    }

    private static void WriteNumberValue(Utf8JsonWriter json, double value)
    {
        if (IsPlain(value)) json.WriteNumberValue(value);
        else json.WriteStringValue(Text(value));
    }

    private static bool IsPlain(double value) => SnippetRules.IsFinite(value);

    private static string Text(double value) => double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : "-Infinity";

    /// <exception cref="FormatException">Neither a number nor one of the strings written for what JSON numbers cannot carry.</exception>
    public static double ReadNumber(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => throw new FormatException($"\"{name}\" is not a number"),
        },
        _ => throw new FormatException($"\"{name}\" is not a number"),
    };

    /// <summary>The candidates of a logged <c>candidates</c> array; held-back rows (those with <c>e</c>) go to <paramref name="heldBack"/>.</summary>
    /// <exception cref="FormatException">The array is not one of candidates.</exception>
    public static IReadOnlyList<RankInput> Read(JsonElement array, CandidatePool pool, out IReadOnlyList<HeldBackRow> heldBack)
    {
        if (array.ValueKind != JsonValueKind.Array) throw new FormatException("\"candidates\" is not an array");
        var candidates = new List<RankInput>(array.GetArrayLength());
        List<HeldBackRow>? held = null;
        var number = 0;
        foreach (var item in array.EnumerateArray())
        {
            number++;
            if (item.ValueKind != JsonValueKind.Object) throw new FormatException("a candidate is not an object");
            if (item.TryGetProperty("e", out var error))
                (held ??= []).Add(new HeldBackRow(item.TryGetProperty("id", out var id) ? Text(id, "id") : string.Empty, Text(error, "e")));
            else candidates.Add(ReadCandidate(item, number, pool));
        }
        heldBack = held ?? (IReadOnlyList<HeldBackRow>)[];
        return candidates;
    }

    private static RankInput ReadCandidate(JsonElement item, int number, CandidatePool pool)
    {
        string? id = null;
        double relevance = double.NaN, boost = 1.0;
        var metadata = default(StoredMetadata);
        IReadOnlyList<WeightedSignal>? signals = null;
        foreach (var member in item.EnumerateObject())
        {
            switch (member.Name)
            {
                case "id": id = pool.Strings.Share(Text(member.Value, "id")); break;
                case "r": relevance = ReadNumber(member.Value, "r"); break;
                case "b": boost = ReadNumber(member.Value, "b"); break;
                case "m": metadata = ReadMetadata(member.Value, pool); break;
                case "s": signals = ReadSignals(member.Value, pool.Strings); break;
                default: break;
            }
        }
        if (id is null) throw new FormatException("a candidate has no \"id\"");
        return new RankInput(number, id, relevance, boost, metadata, signals);
    }

    private static StoredMetadata ReadMetadata(JsonElement value, CandidatePool pool)
    {
        if (value.ValueKind != JsonValueKind.Object) throw new FormatException("a candidate's \"m\" is not an object");
        var dictionary = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in value.EnumerateObject())
        {
            var text = entry.Value.ValueKind == JsonValueKind.Null ? null : pool.Strings.Share(Text(entry.Value, "m"));
            dictionary[pool.Strings.Share(entry.Name)] = text!;
        }
        return StoredMetadata.Compact(dictionary, pool.Share);
    }

    private static IReadOnlyList<WeightedSignal> ReadSignals(JsonElement value, StringPool pool)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new FormatException("a candidate's \"s\" is not an array");
        var signals = new List<WeightedSignal>(value.GetArrayLength());
        foreach (var signal in value.EnumerateArray())
        {
            if (signal.ValueKind != JsonValueKind.Array || signal.GetArrayLength() != 3)
                throw new FormatException("a signal is not [name, weight, score]");
            var name = pool.Share(Text(signal[0], "s"));
            signals.Add(new WeightedSignal(name, score: ReadNumber(signal[2], "s"), weight: ReadNumber(signal[1], "s")));
        }
        return signals;
    }

    private static string Text(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"a candidate's \"{name}\" is not a string");
}

using System.Globalization;
using System.Text.Json;

namespace CXoneRanking.Emulator;

/// <summary>Checks the <c>snippets</c> array of a ranking POST: each snippet, their ids together, and their order.</summary>
internal static class SnippetValidator
{
    public const int MaxSnippetIdLength = 128;

    private static readonly string[] SnippetKeys = ["snippet_id", "relevance_score", "boost_factor", "metadata"];

    // The C0 and C1 controls and DEL: exactly what char.IsControl accepts.
    private static readonly char[] ControlCharacters =
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(char.IsControl)];

    /// <summary>Returns how many snippets there are; <paramref name="window"/> is null when the window itself is invalid.</summary>
    public static int CheckAll(JsonElement snippets, int? window, List<string> problems)
    {
        if (snippets.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"snippets: expected an array, got {JsonProperties.Describe(snippets.ValueKind)}");
            return 0;
        }

        var count = snippets.GetArrayLength();
        var limit = window ?? RankingValidator.MaxWindow;
        if (count == 0)
        {
            problems.Add("snippets: empty; at least 1 snippet is required");
        }
        else if (count > limit)
        {
            problems.Add(window is null
                ? $"snippets: {count} snippets exceed the maximum of {RankingValidator.MaxWindow}"
                : $"snippets: {count} snippets exceed max_result_window {window}");
        }

        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        (int Index, double Score)? previous = null;
        var index = 0;
        foreach (var snippet in snippets.EnumerateArray())
        {
            var score = CheckOne(snippet, $"snippets[{index}]", firstIndexById, index, problems);
            if (score is double current)
            {
                // Equal scores are fine (ties); a rise means the client did not sort.
                if (previous is { } before && current > before.Score)
                {
                    problems.Add($"snippets[{index}].relevance_score: {Format(current)} is higher than snippets[{before.Index}]'s "
                                 + $"{Format(before.Score)}; snippets must be sorted by relevance_score descending");
                }

                previous = (index, current);
            }

            index++;
        }

        return count;
    }

    /// <summary>Checks one snippet; returns its score when that score is usable for the order check.</summary>
    private static double? CheckOne(JsonElement snippet, string path, Dictionary<string, int> firstIndexById, int index, List<string> problems)
    {
        if (snippet.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object, got {JsonProperties.Describe(snippet.ValueKind)}");
            return null;
        }

        var properties = JsonProperties.Collect(snippet, path, SnippetKeys, problems);
        if (properties.TryGetValue("snippet_id", out var id))
        {
            CheckId(id, $"{path}.snippet_id", firstIndexById, index, problems);
        }

        if (properties.TryGetValue("boost_factor", out var boost)
            && JsonProperties.Number(boost, $"{path}.boost_factor", problems) is double factor and (<= 0 or > 10))
        {
            problems.Add($"{path}.boost_factor: {boost.GetRawText()} is outside (0, 10]");
        }

        if (properties.TryGetValue("metadata", out var metadata))
        {
            CheckMetadata(metadata, $"{path}.metadata", problems);
        }

        if (!properties.TryGetValue("relevance_score", out var scoreElement)
            || JsonProperties.Number(scoreElement, $"{path}.relevance_score", problems) is not double score)
        {
            return null;
        }

        if (score is < 0 or > 1)
        {
            problems.Add($"{path}.relevance_score: {scoreElement.GetRawText()} is outside [0, 1]");
            return null;
        }

        return score;
    }

    private static void CheckId(JsonElement id, string path, Dictionary<string, int> firstIndexById, int index, List<string> problems)
    {
        if (id.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{path}: expected a string, got {JsonProperties.Describe(id.ValueKind)}");
            return;
        }

        var value = id.GetString()!;
        if (value.Length == 0)
        {
            problems.Add($"{path}: empty");
            return;
        }

        if (value.Length > MaxSnippetIdLength)
        {
            problems.Add($"{path}: {value.Length} characters exceed the maximum of {MaxSnippetIdLength}");
        }

        var control = value.IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            problems.Add($"{path}: contains control character U+{(int)value[control]:X4}");
        }

        if (!firstIndexById.TryAdd(value, index))
        {
            problems.Add($"{path}: {JsonProperties.Quote(value)} duplicates snippets[{firstIndexById[value]}].snippet_id");
        }
    }

    private static void CheckMetadata(JsonElement metadata, string path, List<string> problems)
    {
        if (metadata.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object of strings, got {JsonProperties.Describe(metadata.ValueKind)}");
            return;
        }

        foreach (var (key, value) in JsonProperties.Collect(metadata, path, allowed: null, problems))
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{JsonProperties.Join(path, key)}: expected a string, got {JsonProperties.Describe(value.ValueKind)}");
            }
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

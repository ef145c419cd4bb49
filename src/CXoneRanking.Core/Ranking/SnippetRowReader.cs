using System.Collections;
using System.Globalization;

namespace CXoneRanking.Ranking;

/// <summary>
/// Turns one input row (a CSV line, an object, a hashtable: any name/value pairs) into a
/// <see cref="SnippetRank"/>, matching column names case-insensitively. Reading the row here,
/// rather than through PowerShell's by-property-name binding, costs a fraction of the time.
/// </summary>
public sealed class SnippetRowReader
{
    private readonly Dictionary<string, RowField> _fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["session_id"] = RowField.SessionId, ["SessionId"] = RowField.SessionId,
        ["snippet_id"] = RowField.SnippetId, ["SnippetId"] = RowField.SnippetId, ["Id"] = RowField.SnippetId,
        ["relevance_score"] = RowField.Relevance, ["RelevanceScore"] = RowField.Relevance, ["Score"] = RowField.Relevance,
        ["boost_factor"] = RowField.Boost, ["BoostFactor"] = RowField.Boost, ["Boost"] = RowField.Boost,
        ["Metadata"] = RowField.Metadata,
    };
    private readonly HashSet<string> _metadataColumns;
    private readonly ScoreMatrix? _matrix;
    private readonly string? _defaultSessionId;

    public SnippetRowReader(IEnumerable<string>? metadataColumns = null, ScoreMatrix? matrix = null, string? defaultSessionId = null)
    {
        _metadataColumns = new HashSet<string>(metadataColumns ?? [], StringComparer.OrdinalIgnoreCase);
        _matrix = matrix;
        _defaultSessionId = defaultSessionId;
    }

    /// <summary>Column names this reader understands, so callers can skip the rest cheaply.</summary>
    public bool Wants(string column) =>
        _fields.ContainsKey(column) || _metadataColumns.Contains(column) || (_matrix?.HasSignal(column) ?? false);

    /// <summary>A rank, or the one problem that makes the row unusable (named after its snippet).</summary>
    public RowReadResult Read(IEnumerable<KeyValuePair<string, object?>> row, int rowNumber)
    {
        var draft = new RowDraft(rowNumber);
        foreach (var cell in row)
        {
            if (_fields.TryGetValue(cell.Key, out var field)) draft.Set(field, cell.Value);
            if (_metadataColumns.Contains(cell.Key) && cell.Value is not null)
                draft.Metadata[cell.Key] = Text(cell.Value);
            if (_matrix?.HasSignal(cell.Key) == true) draft.Signals[cell.Key] = cell.Value;
        }
        return draft.Complete(_matrix, _defaultSessionId);
    }

    internal static string Text(object value) =>
        value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? string.Empty;

    internal static void CopyMetadata(object? value, IDictionary<string, string> into)
    {
        if (value is not IDictionary dictionary) return;
        foreach (DictionaryEntry entry in dictionary)
            if (entry.Key is not null && entry.Value is not null)
                into[Text(entry.Key)] = Text(entry.Value);
    }
}

public enum RowField { SessionId, SnippetId, Relevance, Boost, Metadata }

/// <summary>Either a rank or the issue that stopped the row; never both.</summary>
public readonly struct RowReadResult(SnippetRank? rank, RankingIssue? issue)
{
    public SnippetRank? Rank { get; } = rank;
    public RankingIssue? Issue { get; } = issue;
}

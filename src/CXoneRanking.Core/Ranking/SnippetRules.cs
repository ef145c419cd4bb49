namespace CXoneRanking.Ranking;

/// <summary>
/// The assist engine's constraints on one snippet (docs/design.md#limits). Each check returns the
/// problem in words, or null; the row reader and the engine share them so both say the same.
/// </summary>
internal static class SnippetRules
{
    public const int MaxSnippetIdLength = 128;

    // Input-size limits (issue 7): far above any real session or snippet, low enough that a
    // runaway CSV column or a hostile pipeline cannot make one payload megabytes long.
    public const int MaxSessionIdLength = 256;
    public const int MaxMetadataEntries = 64;
    public const int MaxMetadataKeyLength = 128;
    public const int MaxMetadataValueLength = 1024;

    public const int MinWindow = 1;
    public const int MaxWindow = 50;
    public const int DefaultWindow = 10;

    // How much of an over-long key is quoted back: enough to find it, never the whole input.
    private const int QuotedKeyLength = 40;

    public static string? SnippetIdProblem(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "the snippet id is empty";
        if (id!.Length > MaxSnippetIdLength)
            return $"the snippet id is {id.Length} characters long; at most {MaxSnippetIdLength} are allowed";
        foreach (var c in id)
            if (char.IsControl(c))
                return $"the snippet id contains the control character U+{(int)c:X4}";
        return LoneSurrogate(id) is { } lone ? $"the snippet id {lone}" : null;
    }

    public static string? SessionIdProblem(string id)
    {
        if (id.Trim().Length == 0) return "the session id is blank";
        if (id.Length > MaxSessionIdLength)
            return $"the session id is {id.Length} characters long; at most {MaxSessionIdLength} are allowed";
        // URL resolution would turn "." or ".." into a step up the path, even percent-escaped.
        if (id is "." or "..") return $"the session id '{id}' cannot be sent as a URL path segment";
        foreach (var c in id)
            if (char.IsControl(c))
                return $"the session id contains the control character U+{(int)c:X4}";
        return LoneSurrogate(id) is { } lone ? $"the session id {lone}" : null;
    }

    /// <summary>Too many entries, or a key or value too long; null when the metadata is within the limits.</summary>
    public static string? MetadataProblem(Dictionary<string, string>? metadata)
    {
        // A Dictionary, not an interface: its struct enumerator keeps this per-row check allocation-free.
        if (metadata is null) return null;
        if (metadata.Count > MaxMetadataEntries)
            return $"the metadata has {metadata.Count} entries; at most {MaxMetadataEntries} are allowed";
        foreach (var entry in metadata)
        {
            if (entry.Key.Length > MaxMetadataKeyLength)
                return $"the metadata key '{Quote(entry.Key)}' is {entry.Key.Length} characters long; at most {MaxMetadataKeyLength} are allowed";
            if (entry.Value is { Length: > MaxMetadataValueLength } value)
                return $"the value of metadata key '{Quote(entry.Key)}' is {value.Length} characters long; "
                    + $"at most {MaxMetadataValueLength} are allowed";
            if (LoneSurrogate(entry.Key) is { } loneInKey)
                return $"the metadata key '{Quote(entry.Key)}' {loneInKey}";
            if (entry.Value is not null && LoneSurrogate(entry.Value) is { } loneInValue)
                return $"the value of metadata key '{Quote(entry.Key)}' {loneInValue}";
        }
        return null;
    }

    public static string? RelevanceProblem(double score) =>
        IsFinite(score) && score >= 0.0 && score <= 1.0
            ? null
            : $"relevance score {ScoreFormat.Raw(score)} is outside [0, 1]";

    public static string? BoostProblem(double factor) =>
        IsFinite(factor) && factor > 0.0 && factor <= BoostDirective.MaxFactor
            ? null
            : $"boost factor {ScoreFormat.Raw(factor)} is outside (0, 10]";

    public static string? WindowProblem(int window) =>
        window is >= MinWindow and <= MaxWindow
            ? null
            : $"max result window {window} is outside {MinWindow}..{MaxWindow}";

    /// <summary>
    /// Why the text is not valid Unicode (a surrogate without its other half), or null. Such text
    /// would go on the wire as U+FFFD, so what was sent and audited would not be what was given,
    /// and clicks recorded under the given id would never match it.
    /// </summary>
    private static string? LoneSurrogate(string text)
    {
        var at = UnicodeText.LoneSurrogateIndex(text);
        return at < 0 ? null : $"contains the unpaired surrogate U+{(int)text[at]:X4} at position {at + 1}, which is not valid Unicode";
    }

    private static string Quote(string key) => key.Length <= QuotedKeyLength ? key : key.Substring(0, QuotedKeyLength) + "...";

    public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}

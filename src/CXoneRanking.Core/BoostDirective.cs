using CXoneRanking.Audit;
using CXoneRanking.Ranking;
using CXoneRanking.Ranks;

namespace CXoneRanking;

/// <summary>
/// A rule over snippets: snippets whose id matches <see cref="SnippetId"/> and whose
/// <see cref="MetadataKey"/> value matches <see cref="Value"/> (both case-insensitive wildcard
/// patterns) are boosted by <see cref="Factor"/>, or dropped when <see cref="Exclude"/> is set.
/// A rule needs a metadata key, a snippet id pattern, or both (then both must match); the part it
/// leaves empty does not restrict it. Patterns are compiled when set, so a pattern PowerShell's
/// <c>-like</c> would reject is reported by <see cref="Problem"/> when the rule is made, not when it ranks.
/// </summary>
public sealed class BoostDirective
{
    private string _value = "*";
    private WildcardMatcher _valueMatcher = new("*");
    private WildcardMatcher? _idMatcher;
    private string? _snippetId;

    public const double MaxFactor = 10.0;

    public string MetadataKey { get; set; } = string.Empty;

    /// <summary>A wildcard pattern (<c>*</c>, <c>?</c>, <c>[a-z]</c>), matched case-insensitively.</summary>
    public string Value
    {
        get => _value;
        set
        {
            _value = value ?? string.Empty;
            _valueMatcher = new WildcardMatcher(_value);
        }
    }

    /// <summary>A wildcard pattern over snippet ids, matched case-insensitively; null for any snippet.</summary>
    public string? SnippetId
    {
        get => _snippetId;
        set
        {
            _snippetId = string.IsNullOrEmpty(value) ? null : value;
            _idMatcher = _snippetId is null ? null : new WildcardMatcher(_snippetId);
        }
    }

    /// <summary>The factor a match multiplies the boost by, in (0, 10]; ignored when excluding.</summary>
    public double Factor { get; set; } = 1.0;

    public bool Exclude { get; set; }

    public static BoostDirective Boost(string metadataKey, string value, double factor) =>
        new() { MetadataKey = metadataKey, Value = value, Factor = factor };

    public static BoostDirective Excluding(string metadataKey, string value) =>
        new() { MetadataKey = metadataKey, Value = value, Exclude = true };

    /// <summary>A boost of the snippets whose id matches <paramref name="snippetIdPattern"/>.</summary>
    public static BoostDirective BoostSnippet(string snippetIdPattern, double factor) =>
        new() { SnippetId = snippetIdPattern, Factor = factor };

    /// <summary>An exclusion of the snippets whose id matches <paramref name="snippetIdPattern"/>.</summary>
    public static BoostDirective ExcludingSnippet(string snippetIdPattern) =>
        new() { SnippetId = snippetIdPattern, Exclude = true };

    private bool HasMetadataKey => !string.IsNullOrWhiteSpace(MetadataKey);

    /// <summary>Why this directive cannot be applied, or null when it is sound.</summary>
    public string? Problem()
    {
        if (!HasMetadataKey && SnippetId is null) return "the metadata key is empty (give a metadata key, a snippet id pattern, or both)";
        if (!Exclude && !(Factor > 0 && Factor <= MaxFactor))
            return $"factor {ScoreFormat.Raw(Factor)} is outside (0, {MaxFactor:0}]";
        if (HasMetadataKey && _valueMatcher.Problem is { } valueProblem) return $"value '{Value}' is not a valid wildcard pattern: {valueProblem}";
        if (_idMatcher?.Problem is { } idProblem) return $"snippet id '{SnippetId}' is not a valid wildcard pattern: {idProblem}";
        // The audit log records the rules a ranking was made with; JSON cannot carry half a surrogate pair.
        return AuditText.SurrogateProblem(MetadataKey, "metadata key") ?? AuditText.SurrogateProblem(Value, "value")
            ?? AuditText.SurrogateProblem(SnippetId, "snippet id pattern");
    }

    /// <summary>True when the snippet's id and metadata satisfy every part the rule has.</summary>
    public bool Matches(string snippetId, IReadOnlyDictionary<string, string> metadata) =>
        IdMatches(snippetId) && (!HasMetadataKey || Matches(metadata));

    /// <summary>The metadata part alone (a rule without a metadata key has none and never matches here).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> metadata) =>
        HasMetadataKey && metadata.TryGetValue(MetadataKey, out var actual) && ValueMatches(actual);

    // The engine's way: a rank's metadata as kept, read without making a dictionary view of it.
    internal bool Matches(string snippetId, StoredMetadata metadata) =>
        IdMatches(snippetId) && (!HasMetadataKey || (metadata.TryGetValue(MetadataKey, out var actual) && ValueMatches(actual)));

    private bool IdMatches(string? snippetId) =>
        _idMatcher is null || _idMatcher.IsMatch(snippetId ?? string.Empty);

    private bool ValueMatches(string actual) => _valueMatcher.IsMatch(actual);

    public override string ToString() => Exclude ? $"exclude({Condition()})" : $"rule({Condition()}) {ScoreFormat.Number(Factor)}";

    private string Condition() => (SnippetId, HasMetadataKey) switch
    {
        (null, _) => $"{MetadataKey}={Value}",
        ({ } id, false) => $"id={id}",
        ({ } id, true) => $"id={id}, {MetadataKey}={Value}",
    };
}

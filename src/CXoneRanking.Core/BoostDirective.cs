using CXoneRanking.Ranking;

namespace CXoneRanking;

/// <summary>
/// A rule over snippet metadata: snippets whose <see cref="MetadataKey"/> value matches
/// <see cref="Value"/> (a case-insensitive wildcard pattern) are boosted by <see cref="Factor"/>,
/// or dropped when <see cref="Exclude"/> is set.
/// </summary>
public sealed class BoostDirective
{
    private WildcardPattern? _pattern;
    private string _value = "*";

    public const double MaxFactor = 10.0;

    public string MetadataKey { get; set; } = string.Empty;

    /// <summary>A wildcard pattern (<c>*</c>, <c>?</c>, <c>[a-z]</c>), matched case-insensitively.</summary>
    public string Value
    {
        get => _value;
        set { _value = value ?? string.Empty; _pattern = null; }
    }

    /// <summary>The factor a match multiplies the boost by, in (0, 10]; ignored when excluding.</summary>
    public double Factor { get; set; } = 1.0;

    public bool Exclude { get; set; }

    public static BoostDirective Boost(string metadataKey, string value, double factor) =>
        new() { MetadataKey = metadataKey, Value = value, Factor = factor };

    public static BoostDirective Excluding(string metadataKey, string value) =>
        new() { MetadataKey = metadataKey, Value = value, Exclude = true };

    /// <summary>Why this directive cannot be applied, or null when it is sound.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(MetadataKey)) return "the metadata key is empty";
        if (!Exclude && !(Factor > 0 && Factor <= MaxFactor))
            return $"factor {ScoreFormat.Raw(Factor)} is outside (0, {MaxFactor:0}]";
        return null;
    }

    public bool Matches(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(MetadataKey, out var actual)
        && (_pattern ??= new WildcardPattern(_value)).IsMatch(actual);

    public override string ToString() => Exclude
        ? $"exclude({MetadataKey}={Value})"
        : $"rule({MetadataKey}={Value}) {ScoreFormat.Number(Factor)}";
}

namespace CXoneRanking.Learning;

/// <summary>
/// Turns a fitted click model into boost factors. A snippet's raw factor is its estimated
/// relevance over the mean relevance of the snippets that get a suggestion (so an average snippet
/// gets 1). Thin evidence is shrunk toward 1 (no change) with the weight w = n / (n + k), where n
/// is the snippet's examined impressions (impressions weighted by how likely their position is
/// looked at) and k is <see cref="PriorStrength"/>: factor = 1 + w x (raw - 1), clamped to
/// [<see cref="MinFactor"/>, <see cref="MaxFactor"/>] and rounded to two decimals. w is the
/// suggestion's confidence. A snippet whose relevance the log cannot tell (null, see
/// <see cref="ClickModelFit"/>) gets factor 1 and confidence 0, and does not count in the mean.
/// </summary>
public sealed class BoostSuggestionCalculator
{
    public const int DefaultMinImpressions = 30;
    public const double DefaultMinFactor = 0.5;
    public const double DefaultMaxFactor = 2.0;
    public const double DefaultPriorStrength = 50.0;

    /// <summary>Snippets shown fewer times get no suggestion (they still inform the examination curve).</summary>
    public long MinImpressions { get; set; } = DefaultMinImpressions;

    public double MinFactor { get; set; } = DefaultMinFactor;
    public double MaxFactor { get; set; } = DefaultMaxFactor;

    /// <summary>How many examined impressions of evidence count as much as the prior "no change" (k).</summary>
    public double PriorStrength { get; set; } = DefaultPriorStrength;

    /// <summary>Why these settings cannot be used, or null when they are sound.</summary>
    public string? Problem()
    {
        if (MinImpressions < 1) return $"the minimum of impressions {MinImpressions} is below 1";
        if (!(MinFactor > 0 && MinFactor <= 1)) return $"the minimum factor {ScoreFormat.Raw(MinFactor)} is outside (0, 1]";
        if (!(MaxFactor >= 1 && MaxFactor <= BoostDirective.MaxFactor)) return $"the maximum factor {ScoreFormat.Raw(MaxFactor)} is outside [1, 10]";
        if (!(PriorStrength >= 0)) return $"the prior strength {ScoreFormat.Raw(PriorStrength)} is negative";
        return null;
    }

    /// <summary>
    /// One suggestion per snippet with at least <see cref="MinImpressions"/> impressions, highest factor
    /// first, ties by snippet id.
    /// </summary>
    /// <exception cref="ArgumentException">The settings are not sound.</exception>
    public IReadOnlyList<BoostSuggestion> Suggest(ClickModelFit fit)
    {
        if (Problem() is { } problem) throw new ArgumentException(problem);
        var snippets = fit.Observations.Snippets;
        var eligible = Enumerable.Range(0, fit.SnippetCount)
            .Where(i => snippets.Tally(i).Impressions >= MinImpressions).ToList();
        if (eligible.Count == 0) return [];
        var relevance = eligible.ToDictionary(i => i, fit.RelevanceOf);
        var estimated = relevance.Values.Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList();
        var mean = estimated.Count > 0 ? estimated.Average() : 0.0;
        return eligible.Select(i =>
            {
                var tally = snippets.Tally(i);
                var (value, note) = relevance[i];
                // Too thin to estimate: no factor but 1, and no confidence, whatever noise the fit made of it.
                if (value is not { } estimate) return new BoostSuggestion(snippets.IdOf(i), tally.Impressions, tally.Clicks, null, 1.0, 0.0, note);
                var examined = fit.ExaminedImpressionsOf(i);
                var weight = examined + PriorStrength > 0 ? examined / (examined + PriorStrength) : 0.0;
                var raw = mean > 0 ? estimate / mean : 1.0;
                var factor = Clamp(Math.Round(1.0 + weight * (raw - 1.0), 2, MidpointRounding.AwayFromZero));
                return new BoostSuggestion(snippets.IdOf(i), tally.Impressions, tally.Clicks, estimate, factor, weight, note);
            })
            .OrderByDescending(s => s.Factor).ThenBy(s => s.SnippetId, StringComparer.Ordinal)
            .ToList();
    }

    private double Clamp(double factor) => Math.Min(MaxFactor, Math.Max(MinFactor, factor));
}

using CXoneRanking.Learning;
using CXoneRanking.Metrics;

namespace CXoneRanking.Reporting;

/// <summary>
/// Builds a <see cref="RankingReport"/> from one pass over the audit entries: each entry is handed
/// to the same <see cref="RankingMetricsCalculator"/> that Get-RankingMetrics uses (so every
/// figure is that cmdlet's, to the last digit), to the click model's observations, and to the
/// few tallies only the report needs. The filter is the calculator's, applied once per consumer.
/// </summary>
public sealed class RankingReportBuilder
{
    private readonly RankingMetricsFilter _filter;
    private readonly RankingMetricsCalculator _metrics;
    private readonly ClickLogObservations _observations;
    private readonly List<long> _latencies = [];
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly TimeBuckets _buckets = new();
    private readonly Experiments.RankingExperimentCalculator _experiments;

    public RankingReportBuilder(RankingMetricsFilter? filter = null)
    {
        _filter = filter ?? new RankingMetricsFilter();
        _metrics = new RankingMetricsCalculator(_filter);
        _observations = new ClickLogObservations(_filter);
        _experiments = new Experiments.RankingExperimentCalculator(_filter);
    }

    /// <summary>The title shown at the top of the report and in the browser tab.</summary>
    public string? Title { get; set; }

    /// <summary>The estimate of a proposal for the what-if section, made over the same entries and filter; null for none.</summary>
    public RankingChangeEstimate? WhatIf { get; set; }

    /// <summary>The rules <see cref="WhatIf"/> estimates.</summary>
    public IReadOnlyList<BoostDirective> ProposedDirectives { get; set; } = [];

    /// <summary>Reads every entry once, then builds the report (without chain verification).</summary>
    public static RankingReport Collect(IEnumerable<AuditEntry> entries, RankingMetricsFilter? filter = null, string? title = null)
    {
        var builder = new RankingReportBuilder(filter) { Title = title };
        foreach (var entry in entries) builder.Add(entry);
        return builder.Build();
    }

    /// <summary>
    /// Adds an entry read from the files of <paramref name="fileDay"/> (UTC): the metrics then close sessions past the
    /// session horizon as the days go by (docs/audit-log.md#bounded-memory-the-session-horizon).
    /// </summary>
    public void Add(AuditEntry entry, DateTime fileDay)
    {
        _metrics.StartDay(fileDay);
        Add(entry);
    }

    public void Add(AuditEntry entry)
    {
        _metrics.Add(entry);
        _observations.Add(entry);
        _experiments.Add(entry);
        if (!_filter.Includes(entry)) return;
        if (entry.Event == AuditEvent.Click) _buckets.Add(entry.Timestamp, 1);
        else if (AuditEvent.IsRanking(entry.Event))
        {
            // Counted as the metrics count submissions: a ranking never sent is neither one nor a latency.
            if (Metrics.SubmissionNotSent.Is(entry)) return;
            _buckets.Add(entry.Timestamp, 0);
            if (entry.LatencyMs is { } latency) _latencies.Add(latency);
            if (entry.Event != AuditEvent.RankingSubmitted && !Metrics.SubmissionNotSent.Is(entry))
            {
                // Entries written by Submit-SnippetRanking carry the SubmissionStatus; others fall back to the event.
                var cause = string.IsNullOrEmpty(entry.Status) ? entry.Event : entry.Status!;
                _failures[cause] = _failures.TryGetValue(cause, out var n) ? n + 1 : 1;
            }
        }
    }

    /// <summary>The report of the entries added so far; call once. <paramref name="generatedAt"/> defaults to now (tests pin it).</summary>
    // A DateTimeOffset, not a TimeProvider: the cmdlets' assembly would then need Microsoft.Bcl.TimeProvider outside the module's load context.
    public RankingReport Build(AuditVerificationResult? verification = null, DateTimeOffset? generatedAt = null)
    {
        var report = new RankingReport
        {
            Title = string.IsNullOrWhiteSpace(Title) ? "CXone snippet ranking report" : Title!,
            GeneratedAt = generatedAt ?? DateTimeOffset.UtcNow,
            Filter = _filter,
            Metrics = _metrics.Result(),
            Verification = verification,
            Latencies = _latencies,
            Experiments = _experiments.Results(),
            WhatIf = WhatIf,
            ProposedDirectives = ProposedDirectives,
            FailuresByCause = _failures.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToList(),
        };
        _buckets.WriteTo(report);
        _observations.MatchClicks();
        // Without a single matched click the model has nothing to learn from: leave those parts out.
        if (_observations.Clicks > 0)
        {
            var fit = PositionBasedClickModel.Fit(_observations);
            report.Examination = fit.Examination;
            report.Suggestions = new BoostSuggestionCalculator().Suggest(fit);
            var relevance = new Dictionary<string, double>(StringComparer.Ordinal);
            var notes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var top in report.Metrics.TopSnippets)
            {
                if (fit.RelevanceOf(top.SnippetId) is { } r) relevance[top.SnippetId] = r;
                if (fit.RelevanceNoteOf(top.SnippetId) is { } note) notes[top.SnippetId] = note;
            }
            report.EstimatedRelevance = relevance;
            report.RelevanceNotes = notes;
        }
        return report;
    }
}

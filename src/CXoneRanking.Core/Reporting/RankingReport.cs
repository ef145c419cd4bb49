using CXoneRanking.Metrics;

namespace CXoneRanking.Reporting;

/// <summary>
/// Everything a report shows. <see cref="Metrics"/> is the very object Get-RankingMetrics returns
/// for the same entries and filter; the rest only adds what the metrics do not keep (the
/// latencies one by one, the failure causes, counts over time, the learned model).
/// </summary>
public sealed class RankingReport
{
    public string Title { get; internal set; } = "CXone snippet ranking report";
    public DateTimeOffset GeneratedAt { get; internal set; }
    public RankingMetricsFilter Filter { get; internal set; } = new();
    public RankingMetrics Metrics { get; internal set; } = new();

    /// <summary>The audit chain's verification, or null when it was not verified.</summary>
    public AuditVerificationResult? Verification { get; internal set; }

    /// <summary>Failed and cancelled submissions by cause (the entry's status, else its event), most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> FailuresByCause { get; internal set; } = [];

    /// <summary>The latency of each ranking entry that has one, for the histogram.</summary>
    public IReadOnlyList<long> Latencies { get; internal set; } = [];

    /// <summary>The most time buckets a report has, whatever the span of the log (a year of days fits).</summary>
    public const int MaxTimeBuckets = 366;

    /// <summary>The start (UTC) of each time bucket, with no gaps; at most <see cref="MaxTimeBuckets"/>.</summary>
    public IReadOnlyList<DateTimeOffset> Buckets { get; internal set; } = [];

    /// <summary>The unit of <see cref="Buckets"/>: hours up to two days, then days, weeks, months or years.</summary>
    public ReportTimeUnit BucketUnit { get; internal set; }

    /// <summary>How many <see cref="BucketUnit"/>s one bucket holds: 1, except years over a span of centuries.</summary>
    public int BucketWidth { get; internal set; } = 1;

    /// <summary>True when <see cref="Buckets"/> are days (see <see cref="BucketUnit"/> for the others).</summary>
    public bool DailyBuckets => BucketUnit == ReportTimeUnit.Day;

    public IReadOnlyList<double> SubmissionsPerBucket { get; internal set; } = [];
    public IReadOnlyList<double> ClicksPerBucket { get; internal set; } = [];

    /// <summary>The learned boost suggestions (snippets with enough impressions); empty when there are too few clicks.</summary>
    public IReadOnlyList<BoostSuggestion> Suggestions { get; internal set; } = [];

    /// <summary>The learned examination curve (position bias); empty without a fit.</summary>
    public IReadOnlyList<PositionExamination> Examination { get; internal set; } = [];

    /// <summary>The estimated relevance of each top snippet the model could estimate, by id.</summary>
    public IReadOnlyDictionary<string, double> EstimatedRelevance { get; internal set; } = new Dictionary<string, double>();

    /// <summary>Why a top snippet has no estimated relevance (or what it is relative to), by id.</summary>
    public IReadOnlyDictionary<string, string> RelevanceNotes { get; internal set; } = new Dictionary<string, string>();

    /// <summary>The experiments of the period, as Get-RankingExperiment computes them; empty when there are none.</summary>
    public IReadOnlyList<RankingExperimentResult> Experiments { get; internal set; } = [];

    /// <summary>The estimate of the proposal (Export-RankingReport -ProposedDirective), as Measure-RankingChange makes it; null without.</summary>
    public RankingChangeEstimate? WhatIf { get; internal set; }

    /// <summary>The rules <see cref="WhatIf"/> estimates, in the order they apply.</summary>
    public IReadOnlyList<BoostDirective> ProposedDirectives { get; internal set; } = [];
}

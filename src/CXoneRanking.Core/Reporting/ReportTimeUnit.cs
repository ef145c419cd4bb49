namespace CXoneRanking.Reporting;

/// <summary>
/// The unit of the report's time buckets: the finest one that keeps the chart within
/// <see cref="RankingReport.MaxTimeBuckets"/> points over the log's span.
/// </summary>
public enum ReportTimeUnit
{
    Hour,
    Day,
    /// <summary>Weeks starting on Monday (UTC).</summary>
    Week,
    Month,
    /// <summary>Years, or several years per bucket (<see cref="RankingReport.BucketWidth"/>) for a span of centuries.</summary>
    Year,
}

namespace CXoneRanking;

/// <summary>What Export-RankingAuditLog did with one day of the log.</summary>
public enum AuditExportAction
{
    /// <summary>The day's file was written (first export, or the day changed since: an open day that grew).</summary>
    Written,

    /// <summary>The day was exported before and has not changed: nothing was written.</summary>
    Unchanged,

    /// <summary>The day's files hold no readable entry: there is nothing to export.</summary>
    Empty,
}

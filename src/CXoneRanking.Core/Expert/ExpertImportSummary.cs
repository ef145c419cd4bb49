using CXoneRanking.Expert;

namespace CXoneRanking;

/// <summary>What Import-CXoneExpertSearchLog did: the searches and clicks it appended and the searches it skipped.</summary>
public sealed class ExpertImportSummary
{
    private readonly List<string> _skippedExamples = [];

    /// <summary>The range read: searches at or after <see cref="Since"/> and before <see cref="Until"/>.</summary>
    public DateTimeOffset? Since { get; internal set; }

    public DateTimeOffset? Until { get; internal set; }

    /// <summary>Searches appended as <c>expert.search</c> entries.</summary>
    public long Searches { get; internal set; }

    /// <summary>Selected results appended as <c>click</c> entries.</summary>
    public long Clicks { get; internal set; }

    /// <summary>The part of <see cref="Clicks"/> the site logged without a position (position 0): counted, with no position.</summary>
    public long UntrackedClicks { get; internal set; }

    /// <summary>Searches whose query id was already in the audit log (their new selections are in <see cref="Clicks"/>).</summary>
    public long Skipped { get; internal set; }

    /// <summary>The first skipped searches (query id, terms, time), for -Verbose to say which were skipped; at most 10.</summary>
    public IReadOnlyList<string> SkippedExamples => _skippedExamples;

    internal void NoteSkipped(ExpertLoggedQuery query)
    {
        Skipped++;
        if (_skippedExamples.Count < 10)
            _skippedExamples.Add($"query {query.QueryId} '{query.SortedTerms}' of "
                + query.SearchedAt.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Searches and selections left out for an impossible date: a search outside the range asked for,
    /// or a selection dated before its search (each explained in a Verbose line).
    /// </summary>
    public long Ignored { get; internal set; }

    /// <summary>True for -WhatIf: the counts say what would be imported, and nothing was written.</summary>
    public bool WhatIf { get; internal set; }

    /// <summary>Audit entries written so far.</summary>
    public long EntriesWritten { get; internal set; }

    /// <summary>The audit directory written to (the cmdlets' -AuditPath).</summary>
    public string AuditPath { get; internal set; } = string.Empty;

    /// <summary>The former name of <see cref="AuditPath"/>, kept for the 0.x releases.</summary>
    public string Path => AuditPath;

    internal ExpertImportSummary Copy() => (ExpertImportSummary)MemberwiseClone();

    public override string ToString() =>
        $"{Searches} search(es) and {Clicks} click(s) {(WhatIf ? "would be imported" : "imported")}, {Skipped} search(es) already in the log"
        + (Ignored > 0 ? $", {Ignored} left out for an impossible date" : string.Empty);
}

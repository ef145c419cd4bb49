using CXoneRanking.Ranks;

namespace CXoneRanking;

/// <summary>One session's ranking checked against the assist engine's constraints.</summary>
public sealed class SessionRanking
{
    public string SessionId { get; init; } = string.Empty;

    public bool IsValid => Errors.Count == 0;

    /// <summary>Every problem that stops the payload from being sent, not only the first.</summary>
    public IReadOnlyList<RankingIssue> Errors { get; init; } = [];

    public IReadOnlyList<RankingIssue> Warnings { get; init; } = [];

    /// <summary>The exact payload that would be sent; null when there are errors.</summary>
    public RankingPayload? Payload { get; init; }

    /// <summary>The experiment this ranking belongs to (docs/experiments.md), or null.</summary>
    public string? Experiment { get; init; }

    /// <summary>The session's arm in <see cref="Experiment"/>: Control or Treatment; null outside an experiment.</summary>
    public string? Arm { get; init; }

    /// <summary>
    /// The session's candidates as the engine was given them, in input order (the held-back stand-ins apart, in
    /// <see cref="HeldBack"/>): what the audit log records of how the ranking came to be
    /// (docs/audit-log.md#how-a-ranking-came-to-be). Empty for a ranking the engine did not make (a piped payload).
    /// </summary>
    internal IReadOnlyList<RankInput> Candidates { get; init; } = [];

    /// <summary>The session's held-back stand-ins (New-SnippetRank -InvalidRowAction DropSession): snippet id and row error.</summary>
    internal IReadOnlyList<HeldBackRow> HeldBack { get; init; } = [];

    /// <summary>The options the engine ranked with; null for a ranking it did not make, whose origins are then not logged.</summary>
    internal RankingOptions? Options { get; init; }

    // The three members below are shortcuts into Payload for scripts and the table view. They are
    // members here, not a Types.ps1xml: a module's types file makes PowerShell reload its whole
    // type table at import, the largest share of the import time the module itself controlled.

    /// <summary>How many snippets the payload ranks; 0 when there are errors.</summary>
    public int SnippetCount => Payload?.Snippets.Count ?? 0;

    /// <summary>The payload's ranked snippets; null when there are errors.</summary>
    public IReadOnlyList<RankedSnippet>? Snippets => Payload?.Snippets;

    /// <summary>The payload's JSON, exactly as it would be posted; null when there are errors.</summary>
    public string? ToJson() => Payload?.ToJson();

    /// <summary>
    /// Why nothing of an invalid session may be sent, for its result's Error, its audit entry and its error record: the
    /// first problem itself (a table shows what is wrong, not that something is), then how many more there are.
    /// </summary>
    internal string RefusalReason => Errors.Count switch
    {
        0 => "the session has no ranking",
        1 => Errors[0].Message,
        _ => $"{Errors[0].Message} (and {Errors.Count - 1} more)",
    };

    /// <summary>This ranking labelled with <paramref name="experiment"/> and <paramref name="arm"/> (null for none).</summary>
    internal SessionRanking Labelled(string? experiment, string? arm) => new()
    {
        SessionId = SessionId, Errors = Errors, Warnings = Warnings, Payload = Payload,
        Candidates = Candidates, HeldBack = HeldBack, Options = Options, Experiment = experiment, Arm = arm,
    };

    public override string ToString() =>
        $"{SessionId}: {(IsValid ? "valid" : "invalid")}, {Errors.Count} error(s), {Warnings.Count} warning(s)";
}

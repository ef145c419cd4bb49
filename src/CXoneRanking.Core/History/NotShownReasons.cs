using System.Globalization;
using CXoneRanking.Ranks;

namespace CXoneRanking.History;

/// <summary>
/// Why each candidate of a replayed ranking was not shown, read from what the engine itself reported
/// (its warnings and errors name the snippet), never from a second copy of the ranking rules:
/// a held-back row is HeldBack, a candidate an error names is Invalid, one an Excluded warning names
/// is Excluded (with the first exclusion rule that matches it, in the order the engine applies
/// them), and a sound candidate of a valid ranking that is not shown ranked below the window.
/// </summary>
internal static class NotShownReasons
{
    /// <summary>The detail of every <see cref="NotShownReason.SessionInvalid"/> candidate.</summary>
    public const string SessionInvalidDetail = "the session was invalid: see Errors";

    /// <param name="candidates">The session's candidates, in input order, as the replay was given them.</param>
    /// <param name="heldBack">The session's held-back rows (snippet id and error), listed after the others.</param>
    /// <param name="replay">The replay of the logged ranking.</param>
    /// <param name="unwindowed">
    /// The same replay with a window wide enough for every candidate, when the window allows one: where a cut candidate ranked.
    /// </param>
    public static List<NotShownCandidate> Find(IReadOnlyList<SnippetRank> candidates, IReadOnlyList<HeldBackRow> heldBack,
        SessionRanking replay, SessionRanking? unwindowed)
    {
        var shown = new HashSet<string>(replay.Snippets?.Select(s => s.SnippetId) ?? [], StringComparer.Ordinal);
        var ranked = unwindowed?.Snippets?.ToDictionary(s => s.SnippetId, s => s.Position, StringComparer.Ordinal);
        var notShown = new List<NotShownCandidate>();
        foreach (var candidate in candidates)
            if (!shown.Contains(candidate.SnippetId)) notShown.Add(Explain(candidate, replay, ranked));
        // The log keeps a held-back row's snippet id and error, not its values; they come last.
        foreach (var row in heldBack)
            notShown.Add(new NotShownCandidate
            {
                SnippetId = row.SnippetId,
                RelevanceScore = double.NaN,
                Reason = NotShownReason.HeldBack,
                Detail = $"its row was refused, holding the session back: {row.Error}",
            });
        return notShown;
    }

    private static NotShownCandidate Explain(SnippetRank candidate, SessionRanking replay, Dictionary<string, int>? ranked)
    {
        var id = candidate.SnippetId;
        var metadata = HistoryMetadata.Of(candidate.Metadata);
        if (Named(replay.Errors, id, code: null) is { } error)
            return Candidate(candidate, metadata, NotShownReason.Invalid, error.Message);
        if (Named(replay.Warnings, id, RankingIssueCodes.Excluded) is { } excluded)
            return Candidate(candidate, metadata, NotShownReason.Excluded, excluded.Message,
                rule: excluded.Rule);
        if (!replay.IsValid)
            // The session's errors are in RankingHistoryEntry.Errors once; repeating the first on every sound candidate buried them.
            return Candidate(candidate, metadata, NotShownReason.SessionInvalid, SessionInvalidDetail);
        var window = replay.Payload!.MaxResultWindow;
        int? position = ranked is not null && ranked.TryGetValue(id, out var at) ? at : null;
        var where = position is { } p ? string.Format(CultureInfo.InvariantCulture, "ranked {0}, ", p) : "";
        return Candidate(candidate, metadata, NotShownReason.Window, $"{where}below position {window}: dropped by the window",
            position: position);
    }

    private static RankingIssue? Named(IReadOnlyList<RankingIssue> issues, string id, string? code) =>
        issues.FirstOrDefault(i => string.Equals(i.SnippetId, id, StringComparison.Ordinal) && (code is null || i.Code == code));

    private static NotShownCandidate Candidate(SnippetRank candidate, IReadOnlyDictionary<string, string> metadata,
        NotShownReason reason, string detail, BoostDirective? rule = null, int? position = null) => new()
    {
        SnippetId = candidate.SnippetId,
        RelevanceScore = candidate.RelevanceScore,
        BoostFactor = candidate.BoostFactor,
        Metadata = metadata,
        Reason = reason,
        Detail = detail,
        Rule = rule,
        RankedPosition = position,
    };
}

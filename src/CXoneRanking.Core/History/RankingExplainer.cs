using CXoneRanking.Audit;
using CXoneRanking.Ranking;

namespace CXoneRanking.History;

/// <summary>
/// Explains one logged ranking (Get-RankingHistory): replays its candidates with its logged options through the
/// engine (<see cref="LoggedRanking.Replay"/>), so what was shown carries the explanation Test-RankingPayload gives,
/// and reads each reason a candidate was not shown from the replay (<see cref="NotShownReasons"/>).
/// </summary>
public static class RankingExplainer
{
    /// <summary>The ranking explained; it must have candidates and its rule set (<see cref="LoggedRanking.DirectiveSetFound"/>).</summary>
    /// <exception cref="InvalidOperationException">The ranking's rule set is not in the log.</exception>
    public static RankingHistoryEntry Explain(LoggedRanking ranking)
    {
        if (ranking is null) throw new ArgumentNullException(nameof(ranking));
        var replay = ranking.Replay();
        var directives = ranking.Directives ?? [];
        var notShown = NotShownReasons.Find(ranking.GetCandidates(), ranking.HeldBack, replay, Unwindowed(ranking, replay));
        var shown = replay.Snippets?.Select(ReadOnly).ToList() ?? [];
        return new RankingHistoryEntry
        {
            Timestamp = ranking.Timestamp,
            SessionId = ranking.SessionId,
            Status = ranking.Status,
            Experiment = ranking.Experiment,
            Arm = ranking.Arm,
            DirectiveSet = ranking.DirectiveSetHash,
            Directives = directives,
            MaxResultWindow = ranking.MaxResultWindow,
            Overflow = ranking.Overflow,
            Normalize = ranking.Normalize,
            RankingChecksum = ranking.RankingChecksum,
            CandidateCount = ranking.CandidateCount,
            Snippets = shown,
            NotShown = notShown,
            Warnings = replay.Warnings,
            Errors = replay.Errors,
            Reproduced = Reproduces(ranking, replay),
            Verified = ranking.Verified,
        };
    }

    // Where the candidates the window cut ranked: the same replay with the widest window, needed only when it cut some.
    private static SessionRanking? Unwindowed(LoggedRanking ranking, SessionRanking replay) =>
        replay.IsValid && replay.Warnings.Any(w => w.Code == RankingIssueCodes.Truncated) && ranking.MaxResultWindow < SnippetRules.MaxWindow
            ? ranking.Replay(ranking.OptionsWith(ranking.Directives ?? [], SnippetRules.MaxWindow))
            : null;

    // A sent ranking is reproduced when the replay sends the same ids and checksum; one never sent, when the replay is invalid too.
    private static bool Reproduces(LoggedRanking ranking, SessionRanking replay)
    {
        if (ranking.RankingChecksum is { } checksum) return replay.Payload?.ComputeChecksum() == checksum;
        var ids = replay.Snippets?.Select(s => s.SnippetId) ?? [];
        return ranking.Snippets.Count == 0 || ids.SequenceEqual(ranking.Snippets, StringComparer.Ordinal);
    }

    private static RankedSnippet ReadOnly(RankedSnippet snippet) => new()
    {
        Position = snippet.Position,
        SnippetId = snippet.SnippetId,
        FinalScore = snippet.FinalScore,
        RelevanceScore = snippet.RelevanceScore,
        BoostFactor = snippet.BoostFactor,
        Metadata = HistoryMetadata.ReadOnly(snippet.Metadata),
        Explanation = snippet.Explanation,
    };
}

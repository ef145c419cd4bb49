using CXoneRanking.Ranks;
using CXoneRanking.Rows;

namespace CXoneRanking.Ranking;

/// <summary>The steps of docs/design.md#ranking-rules for one session, in order. Used once per session.</summary>
internal sealed class SessionRanker(string sessionId, RankingOptions options)
{
    // How messages name the session (made only for a message): a refused id may hold control characters a terminal acts on.
    private string ShownSession => ShownText.Of(sessionId);

    private readonly List<RankingIssue> _errors = [];
    private readonly List<RankingIssue> _warnings = [];

    /// <param name="ranks">The session's ranks.</param>
    /// <param name="heldBack">Its refused rows' stand-ins: any one holds the whole session back.</param>
    public SessionRanking Rank(IReadOnlyList<RankInput> ranks, IReadOnlyList<HeldBackRow> heldBack)
    {
        foreach (var row in heldBack)
            Error(RankingIssueCodes.SessionHeldBack,
                $"session '{ShownSession}' is held back whole (New-SnippetRank -InvalidRowAction DropSession) for its refused row: {row.Error}");
        CheckSession();
        CheckOptions();
        var scored = ValidInputs(ranks);
        ReportDuplicates(ranks);
        if (options.Normalize) Normalize(scored);
        var kept = ApplyDirectives(scored);
        if (ranks.Count == 0 && heldBack.Count == 0)
            Error(RankingIssueCodes.EmptyRanking, $"session '{ShownSession}' has no snippets");
        else if (scored.Count > 0 && kept.Count == 0)
            Error(RankingIssueCodes.EmptyRanking, $"every snippet of session '{ShownSession}' was excluded by a directive");
        HandleOverflow(kept);
        var payload = _errors.Count == 0 ? BuildPayload(kept) : null;
        return new SessionRanking
        {
            SessionId = sessionId, Errors = _errors, Warnings = _warnings, Payload = payload,
            Candidates = ranks, HeldBack = heldBack, Options = options,
        };
    }

    private void CheckSession()
    {
        if (sessionId.Length == 0)
            Error(RankingIssueCodes.MissingSessionId,
                $"these snippets carry no session id; give one with -SessionId or a {RowColumns.SessionIdCsv} column");
        else if (SnippetRules.SessionIdProblem(sessionId) is { } problem)
            Error(RankingIssueCodes.InvalidSessionId, $"session '{ShownSession}': {problem}");
    }

    private void CheckOptions()
    {
        if (SnippetRules.WindowProblem(options.MaxResultWindow) is { } window)
            Error(RankingIssueCodes.InvalidMaxResultWindow, window);
        _errors.AddRange(DirectiveIssues.Find(options.Directives));
    }

    private List<ScoredSnippet> ValidInputs(IReadOnlyList<RankInput> ranks)
    {
        // Every rank is checked here, piped rows too: see RankChecks for why the reader's check is not enough.
        var valid = new List<ScoredSnippet>(ranks.Count);
        var problems = new List<RankProblem>();
        for (var i = 0; i < ranks.Count; i++)
        {
            var rank = ranks[i];
            RankChecks.FindAll(in rank, problems);
            if (problems.Count == 0)
            {
                valid.Add(new ScoredSnippet(ranks, i));
                continue;
            }
            foreach (var problem in problems)
                Error(problem.Code, $"{new InputLocation(rank.InputNumber, sessionId, rank.SnippetId)}: {problem.Text}", rank.SnippetId);
            problems.Clear();
        }
        return valid;
    }

    private void ReportDuplicates(IReadOnlyList<RankInput> ranks)
    {
        var firstSeen = new Dictionary<string, int>(ranks.Count, StringComparer.Ordinal);
        for (var i = 0; i < ranks.Count; i++)
        {
            var id = ranks[i].SnippetId ?? string.Empty;
            if (!firstSeen.TryGetValue(id, out var first))
            {
                firstSeen.Add(id, i);
                continue;
            }
            Error(RankingIssueCodes.DuplicateSnippetId,
                $"snippet '{id}' appears twice in session '{ShownSession}': "
                    + $"input {ranks[first].InputNumber} ({Describe(ranks[first])}) and input {ranks[i].InputNumber} ({Describe(ranks[i])})",
                id);
        }
    }

    private void Normalize(List<ScoredSnippet> scored)
    {
        if (scored.Count == 0) return;
        var min = scored.Min(s => s.Relevance);
        var max = scored.Max(s => s.Relevance);
        if (max == min && scored.Count > 1)
            Warn(RankingIssueCodes.UniformScores,
                $"all {scored.Count} relevance scores of session '{ShownSession}' are equal; normalization gives each 1.0");
        foreach (var s in scored) s.Normalize(min, max);
    }

    private List<ScoredSnippet> ApplyDirectives(List<ScoredSnippet> scored)
    {
        var sound = options.Directives.Where(d => d.Problem() is null).ToList();
        if (sound.Count == 0) return scored; // nothing to exclude or boost; a rank's own boost is within (0, 10] already
        var kept = new List<ScoredSnippet>(scored.Count);
        foreach (var s in scored)
        {
            if (FirstExclusion(sound, s) is { } exclusion)
            {
                _warnings.Add(new RankingIssue(RankingIssueCodes.Excluded, $"snippet '{s.SnippetId}' excluded by {exclusion}", s.SnippetId)
                {
                    Rule = exclusion,
                });
                continue;
            }
            foreach (var rule in sound)
                if (!rule.Exclude && rule.Matches(s.SnippetId, s.Metadata)) s.ApplyRule(rule);
            if (s.CapBoost())
                Warn(RankingIssueCodes.BoostCapped, $"snippet '{s.SnippetId}': total boost capped at {BoostDirective.MaxFactor:0}", s.SnippetId);
            kept.Add(s);
        }
        return kept;
    }

    private static BoostDirective? FirstExclusion(List<BoostDirective> directives, ScoredSnippet snippet)
    {
        foreach (var directive in directives)
            if (directive.Exclude && directive.Matches(snippet.SnippetId, snippet.Metadata)) return directive;
        return null;
    }

    private void HandleOverflow(List<ScoredSnippet> kept)
    {
        if (kept.Count == 0) return;
        var largest = kept.Max(s => s.Final);
        if (largest <= 1.0) return;
        switch (options.Overflow)
        {
            case OverflowMode.Rescale:
                foreach (var s in kept) s.Rescale(largest);
                break;
            case OverflowMode.Clamp:
                foreach (var s in kept.Where(s => s.Final > 1.0))
                {
                    Warn(RankingIssueCodes.Clamped, $"snippet '{s.SnippetId}': score {ScoreFormat.Number(s.Final)} clamped to 1.0", s.SnippetId);
                    s.Clamp();
                }
                break;
            default:
                foreach (var s in kept.Where(s => s.Final > 1.0))
                    Error(RankingIssueCodes.ScoreOverflow,
                        $"snippet '{s.SnippetId}': boosted score {ScoreFormat.Number(s.Final)} exceeds 1 ({s.Explanation}); "
                        + "use -Overflow Rescale or Clamp",
                        s.SnippetId);
                break;
        }
    }

    private RankingPayload BuildPayload(List<ScoredSnippet> kept)
    {
        kept.Sort(ScoredSnippet.RankOrder);
        var window = options.MaxResultWindow;
        if (kept.Count > window)
        {
            var dropped = kept.Skip(window).Select(s => s.SnippetId).ToList();
            Warn(RankingIssueCodes.Truncated,
                $"{dropped.Count} snippet(s) below position {window} dropped by the window: "
                    + $"{string.Join(", ", dropped.Take(10))}{(dropped.Count > 10 ? ", ..." : "")}");
        }
        var count = Math.Min(window, kept.Count);
        var snippets = new List<RankedSnippet>(count);
        for (var i = 0; i < count; i++) snippets.Add(kept[i].ToRanked(i + 1));
        return new RankingPayload { SessionId = sessionId, MaxResultWindow = window, Snippets = snippets };
    }

    private static string Describe(RankInput rank) =>
        $"relevance {ScoreFormat.Raw(rank.RelevanceScore)}, boost {ScoreFormat.Raw(rank.BoostFactor)}";

    private void Error(string code, string message, string? snippetId = null) => _errors.Add(new RankingIssue(code, message, snippetId));

    private void Warn(string code, string message, string? snippetId = null) => _warnings.Add(new RankingIssue(code, message, snippetId));
}

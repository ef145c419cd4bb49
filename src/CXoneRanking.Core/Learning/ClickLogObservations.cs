using CXoneRanking.Audit;
using CXoneRanking.Metrics;

namespace CXoneRanking.Learning;

/// <summary>
/// Impressions and clicks per (snippet, position), streamed out of the audit log for the click
/// model. An impression is each id of a distinct ranking in force at its position (a re-send of the
/// ranking in force adds none). A click counts on the ranking in force when it was made
/// (<see cref="RankingsInForce{T}"/>: the session's latest submission at or before it), and only when
/// that submission showed the click's snippet at the click's position, once per impression:
/// every counted click then has its impression, which the model needs (a cell with more clicks
/// than impressions has no probability). Clicks are matched after the whole log is read,
/// because a back-dated click or a second writer's clock may put a click before its submission
/// in file order. Memory: the snippet ids of every submission (as small integers), and the clicks.
/// </summary>
public sealed class ClickLogObservations
{
    private readonly RankingMetricsFilter _filter;
    private readonly SnippetTable _snippets = new();
    private readonly RankingsInForce<ShownRanking> _sessions = new();
    private readonly List<PendingClick> _pending = [];
    private readonly HashSet<string> _importedSessions = new(StringComparer.Ordinal);
    private readonly UnansweredSendings _sending = new();
    private bool _matched;

    public ClickLogObservations(RankingMetricsFilter? filter = null) => _filter = filter ?? new RankingMetricsFilter();

    /// <summary>Reads every entry, then matches the clicks.</summary>
    public static ClickLogObservations Collect(IEnumerable<AuditEntry> entries, RankingMetricsFilter? filter = null)
    {
        var observations = new ClickLogObservations(filter);
        foreach (var entry in entries) observations.Add(entry);
        observations.MatchClicks();
        return observations;
    }

    public long Submissions { get; private set; }

    /// <summary>Sessions sent whose outcome never reached the log (a ranking.sending entry alone): nothing is learned from them.</summary>
    public long SubmissionsOutcomeUnknown => _sending.Count;
    /// <summary>Impressions of the distinct rankings in force; known once the clicks are matched.</summary>
    public long Impressions { get; private set; }

    /// <summary>Clicks counted on an impression.</summary>
    public long Clicks { get; private set; }

    /// <summary>Clicks whose session had no submission at or before them (in the filtered range).</summary>
    public long ClicksWithoutRanking { get; private set; }

    /// <summary>
    /// expert.search entries, left out: the search log does not say which pages a search showed, so
    /// its clicks have no impression to count on (docs/expert.md#impressions).
    /// </summary>
    public long ImportedSearches { get; private set; }

    /// <summary>Clicks in imported Expert searches, left out with their searches.</summary>
    public long ImportedSearchClicks { get; private set; }

    /// <summary>Clicks whose snippet was not at their position in the ranking shown.</summary>
    public long ClicksNotShown { get; private set; }

    /// <summary>Second and later clicks on the same impression (the model counts an impression as clicked or not).</summary>
    public long RepeatedClicks { get; private set; }

    internal SnippetTable Snippets => _snippets;

    /// <summary>Counts one entry if the filter includes it; failed submissions showed nothing and are ignored.</summary>
    public void Add(AuditEntry entry)
    {
        if (_matched) throw new InvalidOperationException("The clicks were already matched; collect a new set of observations.");
        _sending.Answer(entry);
        if (!_filter.Includes(entry) || entry.SessionId is not { } session || _sending.Open(entry)) return;
        if (entry.Event == AuditEvent.RankingSubmitted && entry.Snippets is { Count: > 0 } shown)
        {
            var ids = new int[shown.Count];
            for (var i = 0; i < ids.Length; i++) ids[i] = _snippets.IndexOf(shown[i]);
            _sessions.Add(session, entry.Timestamp, RankingsInForce<ShownRanking>.KeyOf(entry), new ShownRanking(ids));
            Submissions++;
        }
        else if (entry.Event == AuditEvent.ExpertSearch)
        {
            ImportedSearches++;
            _importedSessions.Add(session);
        }
        else if (entry.Event == AuditEvent.Click && entry.SnippetId is { } snippet && entry.RankPosition is >= 1 and var position)
        {
            _pending.Add(new PendingClick(session, entry.Timestamp, snippet, position));
        }
    }

    /// <summary>Attaches every click read to its impression; call once, after the last <see cref="Add"/>.</summary>
    public void MatchClicks()
    {
        if (_matched) return;
        _matched = true;
        foreach (var (_, ranking) in _sessions.Showings())
        {
            for (var i = 0; i < ranking.Snippets.Length; i++) _snippets.Tally(ranking.Snippets[i]).AddImpression(i + 1);
            Impressions += ranking.Snippets.Length;
        }
        foreach (var click in _pending)
        {
            if (_sessions.InForceAt(click.Session, click.At) is not { } shown)
            {
                if (_importedSessions.Contains(click.Session)) ImportedSearchClicks++;
                else ClicksWithoutRanking++;
                continue;
            }
            var index = click.Position - 1;
            if (index >= shown.Snippets.Length || _snippets.IdOf(shown.Snippets[index]) != click.SnippetId)
            {
                ClicksNotShown++;
                continue;
            }
            if (!shown.MarkClicked(index))
            {
                RepeatedClicks++;
                continue;
            }
            _snippets.Tally(shown.Snippets[index]).AddClick(click.Position);
            Clicks++;
        }
        _pending.Clear();
        _pending.TrimExcess();
    }

    private readonly record struct PendingClick(string Session, DateTimeOffset At, string SnippetId, int Position);
}

using System.Globalization;
using CXoneRanking.Learning;

namespace CXoneRanking.WhatIf;

/// <summary>
/// The showings as integer-coded flat arrays, grouped by session (the bootstrap's unit): snippet ids become
/// <see cref="SnippetTable"/> indexes, whose tallies are the click model's counts. One pass of a resample then
/// reads arrays only, with nothing allocated.
/// </summary>
internal sealed class ShowingTable
{
    private ShowingTable(int showings, int impressions, int proposed)
    {
        LoggedStart = new int[showings + 1];
        ProposedStart = new int[showings + 1];
        LoggedSnippet = new int[impressions];
        LoggedClicked = new bool[impressions];
        ProposedSnippet = new int[proposed];
        Changed = new bool[showings];
    }

    public SnippetTable Snippets { get; } = new();
    public int Sessions { get; private set; }
    public int Showings => Changed.Length;

    /// <summary>Session s holds the showings SessionStart[s] to SessionStart[s + 1] - 1.</summary>
    public int[] SessionStart { get; private set; } = [];

    /// <summary>Showing i's logged list is LoggedSnippet[LoggedStart[i] .. LoggedStart[i + 1] - 1], position 1 first.</summary>
    public int[] LoggedStart { get; }
    public int[] LoggedSnippet { get; }
    public bool[] LoggedClicked { get; }
    public int[] ProposedStart { get; }
    public int[] ProposedSnippet { get; }

    /// <summary>True where the proposed list differs from the logged one.</summary>
    public bool[] Changed { get; }

    public long Clicks { get; private set; }
    public long ClickedImpressions { get; private set; }

    /// <summary>Sum over showings of 1 / the first click's position.</summary>
    public double ReciprocalRanks { get; private set; }

    /// <summary>The longest list, logged or proposed.</summary>
    public int MaxLength { get; private set; }

    public long LoggedImpressions => LoggedSnippet.Length;
    public long ProposedImpressions => ProposedSnippet.Length;

    /// <exception cref="ArgumentException">A showing is null, has an empty snippet id, or a click outside its logged list.</exception>
    public static ShowingTable From(IReadOnlyList<WhatIfShowing> showings)
    {
        var bySession = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<List<int>>();
        long impressions = 0, proposed = 0;
        for (var i = 0; i < showings.Count; i++)
        {
            var showing = showings[i] ?? throw new ArgumentException(Format("Showing {0} is null.", i), nameof(showings));
            var session = showing.SessionId ?? string.Empty;
            if (!bySession.TryGetValue(session, out var list)) order.Add(bySession[session] = list = []);
            list.Add(i);
            impressions += showing.Logged?.Count ?? 0;
            proposed += showing.Proposed?.Count ?? 0;
        }
        var table = new ShowingTable(showings.Count, checked((int)impressions), checked((int)proposed));
        table.Fill(showings, order);
        return table;
    }

    private void Fill(IReadOnlyList<WhatIfShowing> showings, List<List<int>> sessions)
    {
        SessionStart = new int[sessions.Count + 1];
        Sessions = sessions.Count;
        int row = 0, logged = 0, proposed = 0;
        for (var s = 0; s < sessions.Count; s++)
        {
            SessionStart[s] = row;
            foreach (var index in sessions[s])
            {
                var showing = showings[index];
                LoggedStart[row] = logged;
                ProposedStart[row] = proposed;
                IReadOnlyList<string> shown = showing.Logged ?? [], next = showing.Proposed ?? [];
                for (var k = 0; k < shown.Count; k++) Snippets.Tally(LoggedSnippet[logged + k] = Code(shown[k], showing)).AddImpression(k + 1);
                for (var k = 0; k < next.Count; k++) ProposedSnippet[proposed + k] = Code(next[k], showing);
                Changed[row] = !shown.SequenceEqual(next, StringComparer.Ordinal);
                MaxLength = Math.Max(MaxLength, Math.Max(shown.Count, next.Count));
                AddClicks(showing, logged);
                logged += shown.Count;
                proposed += next.Count;
                row++;
            }
        }
        SessionStart[sessions.Count] = row;
        LoggedStart[row] = logged;
        ProposedStart[row] = proposed;
    }

    private void AddClicks(WhatIfShowing showing, int offset)
    {
        var count = showing.Logged?.Count ?? 0;
        foreach (var position in showing.ClickedPositions ?? [])
        {
            if (position < 1 || position > count) throw Outside(showing, position, count);
            if (LoggedClicked[offset + position - 1]) continue;
            LoggedClicked[offset + position - 1] = true;
            Snippets.Tally(LoggedSnippet[offset + position - 1]).AddClick(position);
            ClickedImpressions++;
        }
        if (showing.FirstClickPosition is { } first)
        {
            if (first < 1 || first > count) throw Outside(showing, first, count);
            ReciprocalRanks += 1.0 / first;
        }
        Clicks += Math.Max(0, showing.Clicks);
    }

    private int Code(string? snippetId, WhatIfShowing showing) => string.IsNullOrEmpty(snippetId)
        ? throw new ArgumentException(Format("A showing of session '{0}' has an empty snippet id.", showing.SessionId))
        : Snippets.IndexOf(snippetId!);

    private static ArgumentException Outside(WhatIfShowing showing, int position, int count) =>
        new(string.Format(CultureInfo.InvariantCulture, "A showing of session '{0}' has a click at position {1}, outside its {2} logged snippet(s).",
            showing.SessionId, position, count));

    private static string Format(string format, object? value) => string.Format(CultureInfo.InvariantCulture, format, value);
}

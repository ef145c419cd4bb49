using CXoneRanking.Learning;

namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>
/// A click log built by hand in memory, for the logs the model must survive: a few rankings, a
/// few clicks. Each ranking is its own session, a minute after the previous one, and a click is
/// given by the ranking's number and the position clicked.
/// </summary>
internal sealed class SmallClickLog
{
    private readonly List<AuditEntry> _entries = [];
    private readonly List<string[]> _rankings = [];

    public IReadOnlyList<AuditEntry> Entries => _entries;

    /// <summary>The ten rankings of five snippets, in the same order each time, of the field report (clicks at 2 and 3).</summary>
    public static SmallClickLog FixedOrderReproduction()
    {
        var log = new SmallClickLog();
        for (var s = 0; s < 10; s++) log.Show("KB-1", "KB-2", "KB-3", "KB-4", "KB-5");
        return log.Click(0, 2).Click(3, 3);
    }

    /// <summary>Ten rankings of five snippets, rotated so each is shown at every position; clicks on KB-2 at 2 and KB-1 at 3.</summary>
    public static SmallClickLog RotatedReproduction()
    {
        var log = new SmallClickLog();
        string[] ids = ["KB-1", "KB-2", "KB-3", "KB-4", "KB-5"];
        for (var s = 0; s < 10; s++) log.Show([.. ids.Skip(s % 5), .. ids.Take(s % 5)]);
        return log.Click(0, 2).Click(3, 3);
    }

    /// <summary>Adds a successful ranking of <paramref name="snippets"/> in its own session; returns its number.</summary>
    public int Show(params string[] snippets)
    {
        var number = _rankings.Count;
        _rankings.Add(snippets);
        _entries.Add(Audit.Tests.Entries.Submitted(Session(number), 10, At(number), snippets));
        return number;
    }

    /// <summary>A click on whatever ranking <paramref name="ranking"/> showed at <paramref name="position"/>.</summary>
    public SmallClickLog Click(int ranking, int position)
    {
        var snippet = _rankings[ranking][position - 1];
        _entries.Add(Audit.Tests.Entries.Click(Session(ranking), snippet, position, At(ranking).AddSeconds(position)));
        return this;
    }

    public ClickLogObservations Observations() => ClickLogObservations.Collect(_entries);

    public ClickModelFit Fit() => PositionBasedClickModel.Fit(Observations());

    /// <summary>Every id shown, with its clicks.</summary>
    public IReadOnlyDictionary<string, int> ClicksBySnippet()
    {
        var clicks = _rankings.SelectMany(r => r).Distinct().ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var click in _entries.Where(e => e.Event == AuditEvent.Click)) clicks[click.SnippetId!]++;
        return clicks;
    }

    private static string Session(int ranking) => $"s-{ranking}";

    private static DateTimeOffset At(int ranking) => Audit.Tests.Entries.T0.AddMinutes(ranking);
}

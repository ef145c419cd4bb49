using CXoneRanking.WhatIf;

namespace CXoneRanking.Tests.WhatIf;

/// <summary>Terse construction of what-if showings for the estimator tests.</summary>
internal static class Showings
{
    public static WhatIfShowing Of(string session, string[] logged, string[] proposed, params int[] clicked) => new()
    {
        SessionId = session,
        Logged = logged,
        Proposed = proposed,
        ClickedPositions = clicked,
        FirstClickPosition = clicked.Length > 0 ? clicked.Min() : null,
        Clicks = clicked.Length,
    };

    /// <summary>
    /// A log of <paramref name="sessions"/> sessions over snippets A..F, shown in two orders (so examination is identifiable),
    /// with clicks drawn from a known position-based model; each showing proposes <paramref name="propose"/> of its logged list.
    /// </summary>
    public static List<WhatIfShowing> Log(int sessions, Func<string[], string[]> propose, int seed = 1, bool clicks = true)
    {
        var random = new Random(seed);
        string[] ids = ["A", "B", "C", "D", "E", "F"];
        var attractiveness = new Dictionary<string, double> { ["A"] = 0.5, ["B"] = 0.4, ["C"] = 0.3, ["D"] = 0.2, ["E"] = 0.1, ["F"] = 0.05 };
        double[] examination = [1.0, 0.7, 0.5, 0.35, 0.25, 0.2];
        var list = new List<WhatIfShowing>(sessions);
        for (var s = 0; s < sessions; s++)
        {
            var logged = ids.OrderBy(_ => random.Next()).ToArray();
            var clicked = Enumerable.Range(0, logged.Length)
                .Where(k => clicks && random.NextDouble() < examination[k] * attractiveness[logged[k]]).Select(k => k + 1).ToArray();
            list.Add(Of($"s-{s}", logged, propose(logged), clicked));
        }
        return list;
    }

    /// <summary>The list sorted by true attractiveness: the best proposal there is.</summary>
    public static string[] Best(string[] logged) => [.. logged.OrderBy(id => id, StringComparer.Ordinal)];

    public static string[] Worst(string[] logged) => [.. logged.OrderByDescending(id => id, StringComparer.Ordinal)];

    public static string[] Same(string[] logged) => logged;
}

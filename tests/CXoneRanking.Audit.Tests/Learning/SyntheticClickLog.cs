namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>
/// A click log drawn from a known position-based model: snippet i at position k is clicked with
/// probability Examination[k] x Relevance[i]. The ranker is biased: it sorts by true relevance
/// plus noise, and puts a handful of mediocre "promoted" snippets near the top, so raw
/// click-through flatters them. Written through the real <see cref="AuditLogWriter"/>.
/// </summary>
internal sealed class SyntheticClickLog
{
    public static readonly double[] TrueExamination = [1.0, 0.72, 0.55, 0.44, 0.36, 0.30, 0.26, 0.22, 0.19, 0.17];

    public SyntheticClickLog(int seed, int snippets = 40, int promoted = 8)
    {
        var random = new Random(seed);
        Seed = seed;
        Relevance = Enumerable.Range(0, snippets).Select(_ => 0.05 + 0.55 * random.NextDouble()).ToArray();
        // The promoted snippets are the ones just below the median: mediocre, not hopeless.
        var byRelevance = Enumerable.Range(0, snippets).OrderBy(i => Relevance[i]).ToList();
        Promoted = [.. byRelevance.Skip(snippets / 2 - promoted).Take(promoted)];
    }

    public int Seed { get; }
    public double[] Relevance { get; }
    public HashSet<int> Promoted { get; }

    public static string IdOf(int snippet) => $"KB-{snippet:000}";

    /// <summary>Writes <paramref name="sessions"/> sessions (a submission, then its clicks) and returns how many impressions.</summary>
    public long Write(string directory, int sessions, int shown = 10, double noise = 0.15, double promotion = 0.35)
    {
        var random = new Random(Seed + 1);
        var writer = new AuditLogWriter(directory);
        var batch = new List<AuditEntry>(2048);
        var start = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        long impressions = 0;
        for (var s = 0; s < sessions; s++)
        {
            var session = $"s-{s}";
            var at = start.AddSeconds(s * 10);
            var candidates = Enumerable.Range(0, Relevance.Length).OrderBy(_ => random.Next()).Take(shown + 5).ToList();
            var ranked = candidates
                .Select(i => (Snippet: i, Score: Relevance[i] + noise * Gaussian(random) + (Promoted.Contains(i) ? promotion : 0.0)))
                .OrderByDescending(c => c.Score).Take(shown).Select(c => c.Snippet).ToList();
            var submission = AuditEntry.Ranking(AuditEvent.RankingSubmitted, session, at);
            submission.Snippets = ranked.Select(IdOf).ToList();
            submission.SnippetCount = ranked.Count;
            batch.Add(submission);
            impressions += ranked.Count;
            for (var k = 0; k < ranked.Count; k++)
                if (random.NextDouble() < TrueExamination[k] * Relevance[ranked[k]])
                    batch.Add(AuditEntry.Click(session, IdOf(ranked[k]), k + 1, at.AddSeconds(1 + k)));
            if (batch.Count >= 2000) { writer.Append(batch); batch.Clear(); }
        }
        if (batch.Count > 0) writer.Append(batch);
        return impressions;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}

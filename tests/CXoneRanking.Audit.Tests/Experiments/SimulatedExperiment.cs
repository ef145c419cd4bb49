using CXoneRanking.Experiments;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>
/// Sessions drawn with clustered clicks: each session has its own click propensity (base rate x a
/// factor uniform in 0.2..1.8, mean 1), and 3..10 impressions each clicked with that propensity.
/// The arm's true click-through (expected clicks over expected impressions) is exactly its base
/// rate, so a true lift is known; the clustering is what an interval over impressions would miss.
/// </summary>
internal static class SimulatedExperiment
{
    public static List<SessionOutcome> Arm(Random random, int sessions, double baseRate)
    {
        var outcomes = new List<SessionOutcome>(sessions);
        for (var i = 0; i < sessions; i++)
        {
            var propensity = Math.Min(1.0, baseRate * (0.2 + 1.6 * random.NextDouble()));
            var impressions = random.Next(3, 11);
            var clicks = 0;
            int? first = null;
            for (var position = 1; position <= impressions; position++)
            {
                if (random.NextDouble() >= propensity) continue;
                clicks++;
                first ??= position;
            }
            outcomes.Add(new SessionOutcome(impressions, clicks, first));
        }
        return outcomes;
    }

    public static RankingExperimentResult Run(Random random, int sessionsPerArm, double controlRate, double treatmentRate) =>
        RankingExperimentResult.Of("sim", Arm(random, sessionsPerArm, controlRate), Arm(random, sessionsPerArm, treatmentRate));
}

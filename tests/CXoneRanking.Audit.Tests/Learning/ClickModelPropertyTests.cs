using CsCheck;

namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>Random small logs: whatever the rankings and clicks, the fit keeps its contract and settles.</summary>
public sealed class ClickModelPropertyTests
{
    // A ranking of one to six of eight snippets, and a draw per position deciding its click.
    private static readonly Gen<(int[] Snippets, int[] Draws)> Ranking =
        Gen.Select(Gen.Int[0, 7].Array[1, 6], Gen.Int[0, 99].Array[6], (s, d) => (s.Distinct().ToArray(), d));

    // The click rate (0 to 60 %) is drawn per log, so logs without clicks and logs full of them both come up.
    private static readonly Gen<SmallClickLog> Log = Gen.Select(Gen.Int[0, 60], Ranking.Array[1, 25], (rate, rankings) =>
    {
        var log = new SmallClickLog();
        foreach (var (snippets, draws) in rankings)
        {
            var number = log.Show(snippets.Select(i => $"KB-{i}").ToArray());
            for (var k = 0; k < snippets.Length; k++)
                if (draws[k] < rate) log.Click(number, k + 1);
        }
        return log;
    });

    [Fact]
    public void Any_small_log_gives_probabilities_or_reasons_and_settles()
    {
        Log.Sample(log =>
        {
            var fit = log.Fit();
            ClickModelBounds.AssertSound(fit, log);
            Assert.True(fit.Converged, $"EM ran {fit.Iterations} iterations");
        }, iter: 300);
    }
}

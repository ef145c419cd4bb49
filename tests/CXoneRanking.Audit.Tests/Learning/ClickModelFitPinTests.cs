using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>
/// The fit Get-SnippetBoostSuggestion reports, to the last bit, pinned from the code before the EM ran on weighted
/// cells for Measure-RankingChange (docs/what-if.md): counts convert to doubles exactly and the sweeps keep their
/// order, so the refactoring must not move a single value.
/// </summary>
public sealed class ClickModelFitPinTests(SyntheticLogFixture fixture) : IClassFixture<SyntheticLogFixture>
{
    // SHA-256 of every examination and relevance in round-trip form, computed on the code of commit 28e9ff2.
    private const string Pinned = "D10B598167B58C8BF577E413BCA798191E71D7AE0634C04C61C4855F30B8A7C4";

    [Fact]
    public void The_fit_is_bit_for_bit_what_it_was_before_the_weighted_cells()
    {
        var text = new StringBuilder().Append(fixture.Fit.Iterations).Append(';');
        foreach (var position in fixture.Fit.Examination)
            text.Append(position.Position).Append('=').Append(position.Examination?.ToString("R", CultureInfo.InvariantCulture)).Append(';');
        for (var i = 0; i < fixture.Log.Relevance.Length; i++)
        {
            var id = SyntheticClickLog.IdOf(i);
            text.Append(id).Append('=').Append(fixture.Fit.RelevanceOf(id)?.ToString("R", CultureInfo.InvariantCulture)).Append(';');
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        Assert.True(hash == Pinned, $"fit fingerprint {hash} ({fixture.Fit.Iterations} iterations)");
    }
}

using System.Text;
using CsCheck;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>
/// Issue 7's fuzzing of directive files: random bytes, valid files cut short or with bytes
/// flipped, and JSON that is well formed but hostile. A file either reads as rules or fails with
/// a <see cref="DirectiveFileException"/> naming the file; no other exception may escape,
/// because New-BoostDirective -Path turns only that one into a clear error record.
/// </summary>
public sealed class DirectiveFileFuzzTests
{
    private const string Source = "rules.json";

    private static readonly byte[] ValidFile = Encoding.UTF8.GetBytes("""
        // boosts for the billing queue
        [
          { "metadata_key": "category", "value": "billing*", "factor": 1.2 },
          { "MetadataKey": "tier", "Value": "gold", "Factor": 2.5 },
          { "metadataKey": "category", "value": "internal-*", "exclude": true, },
        ]
        """);

    /// <summary>Rules, or null when the file was refused the documented way; anything else fails the property.</summary>
    private static IReadOnlyList<BoostDirective>? Parse(byte[] bytes)
    {
        try
        {
            return BoostDirectiveFile.Parse(new MemoryStream(bytes), Source);
        }
        catch (DirectiveFileException e)
        {
            Assert.StartsWith(Source + ":", e.Message);
            return null;
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException(
                $"{e.GetType().Name} escaped for {bytes.Length} bytes ({Preview(bytes)}): {e.Message}");
        }
    }

    [Fact]
    public void The_valid_file_reads()
    {
        Assert.Equal(3, Parse(ValidFile)!.Count);
    }

    [Fact]
    public void Random_bytes_are_refused_clearly_never_a_crash() =>
        Gen.Byte.Array[0, 400].Sample(bytes => { Parse(bytes); }, iter: 3000);

    [Fact]
    public void Random_json_shaped_text_is_refused_clearly_never_a_crash() =>
        Gen.String[Gen.Char["[]{}\":,.-+0123456789eEtruefalsnl \\u/*metadata_keyvlfcorxd"], 0, 200]
            .Sample(text => { Parse(Encoding.UTF8.GetBytes(text)); }, iter: 3000);

    [Fact]
    public void A_valid_file_cut_short_anywhere_is_refused_clearly() =>
        Gen.Int[0, ValidFile.Length - 1].Sample(cut => { Parse(ValidFile.Take(cut).ToArray()); }, iter: 500);

    [Fact]
    public void A_valid_file_with_any_byte_changed_reads_or_is_refused_clearly() =>
        Gen.Select(Gen.Int[0, ValidFile.Length - 1], Gen.Byte).Sample(t =>
        {
            var bytes = (byte[])ValidFile.Clone();
            bytes[t.Item1] = t.Item2;
            Parse(bytes);
        }, iter: 2000);

    [Theory]
    [InlineData("""[{"metadata_key":"k","value":"v","factor":1e400}]""", "factor")]
    [InlineData("""[{"metadata_key":"k","value":"v","factor":-1e400}]""", "factor")]
    [InlineData("""[{"metadata_key":"\ud800","value":"v","factor":2}]""", "metadata_key")]
    [InlineData("""[{"metadata_key":"k","value":"\udfff x","factor":2}]""", "value")]
    [InlineData("""[{"metadata_key":"k","value":"v","factor":1e-400}]""", "factor")]
    public void Hostile_but_well_formed_json_is_refused_naming_the_property(string json, string property)
    {
        var thrown = Record.Exception(() => BoostDirectiveFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), Source));

        var refused = Assert.IsType<DirectiveFileException>(thrown);
        Assert.Contains("rule 1", refused.Message);
        Assert.Contains(property, refused.Message);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void Deep_nesting_is_refused_without_a_stack_overflow(int depth)
    {
        var json = new string('[', depth) + new string(']', depth);
        Assert.Null(Parse(Encoding.UTF8.GetBytes(json)));
    }

    private static string Preview(byte[] bytes) =>
        Convert.ToHexString(bytes, 0, Math.Min(bytes.Length, 48)) + (bytes.Length > 48 ? "..." : "");
}

using System.Collections;
using System.Globalization;
using CXoneRanking.Ranking;
using CXoneRanking.Rows;
using CsCheck;

namespace CXoneRanking.Tests;

/// <summary>
/// Issue 7's fuzzing of the row reader: random batches of good rows mixed with rows that carry
/// exactly one known defect (a score of abc, NaN, 1e309 or 0,5; an empty, 129-character or
/// control-character id; a bad boost; metadata past the limits), read under random cultures.
/// Every good row must give its rank, every bad row exactly its one issue with the right code,
/// and nothing may throw. The good ranks must then rank cleanly, session by session.
/// </summary>
public sealed class RowReaderFuzzTests
{
    private static readonly string[] Cultures = ["", "de-DE", "fr-FR", "tr-TR", "ar-SA", "hi-IN"];

    /// <summary>What a row holds; a null <see cref="Code"/> means a good row.</summary>
    private sealed record Row(object? Id, bool HasId, object? Score, bool HasScore, double Expected, object? Boost, bool HasBoost,
        string Category, Hashtable Metadata, string? Code = null, string Defect = "none")
    {
        public IEnumerable<KeyValuePair<string, object?>> Cells(int index)
        {
            yield return new("session_id", $"s-{index % 3}");
            if (HasId) yield return new("snippet_id", Id);
            if (HasScore) yield return new("relevance_score", Score);
            if (HasBoost) yield return new("boost_factor", Boost);
            yield return new("category", Category);
            yield return new("Metadata", Metadata);
        }
    }

    private static readonly Gen<string> IdText = Gen.String[Gen.Char.AlphaNumeric, 1, 24];

    // Finite scores in [0, 1], written the many ways a CSV or a pipeline can carry them.
    private static readonly Gen<(object Cell, double Value)> GoodScore = Gen.OneOf(
        Gen.Double[0.0, 1.0].Select(d => ((object)d.ToString("R", CultureInfo.InvariantCulture), d)),
        Gen.Double[0.0, 1.0].Select(d => ((object)d, d)),
        Gen.Double[0.0, 1.0].Select(d => ((object)$" {d.ToString("R", CultureInfo.InvariantCulture)}\t", d)),
        Gen.Int[0, 1000].Select(n => ((object)$"{n}e-3", n / 1000.0)),
        Gen.OneOf(Gen.Const(((object)"1", 1.0)), Gen.Const(((object)"0", 0.0)), Gen.Const(((object)1, 1.0)), Gen.Const(((object)0.5m, 0.5)),
            Gen.Const(((object)"+0.5", 0.5)), Gen.Const(((object)"-0", 0.0)), Gen.Const(((object)"1.0000", 1.0))));

    private static readonly Gen<(object? Cell, bool Present)> GoodBoost = Gen.OneOf(
        Gen.Const(((object?)null, false)),
        Gen.Const(((object?)"", true)),
        Gen.Const(((object?)null, true)),
        Gen.Double[0.01, 10.0].Select(d => ((object?)d.ToString("R", CultureInfo.InvariantCulture), true)),
        Gen.Double[0.01, 10.0].Select(d => ((object?)d, true)),
        Gen.Const(((object?)"10", true)));

    private static readonly Gen<Hashtable> SmallMetadata =
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 12], Gen.String[Gen.Char, 0, 40]).Array[0, 4]
            .Select(pairs =>
            {
                var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
                foreach (var (k, v) in pairs) table["m-" + k] = v;
                return table;
            });

    private static readonly Gen<Row> GoodRow =
        Gen.Select(IdText, GoodScore, GoodBoost, Gen.String[Gen.Char.AlphaNumeric, 0, 10], SmallMetadata,
            (id, score, boost, category, metadata) =>
                new Row(id, true, score.Cell, true, score.Value, boost.Cell, boost.Present, category, metadata));

    private static readonly Gen<char> ControlChar = Gen.OneOf(Gen.Char['\u0000', '\u001F'], Gen.Char['\u007F', '\u009F']);

    private static readonly Gen<object?> BadScore = Gen.OneOf<object?>(
        Gen.OneOf<object?>("abc", "", "   ", "NaN", "Infinity", "-Infinity", "-0.1", "1.0001", "1e309", "-1e309", "0,5", "1,000", "0x1",
            "1.5", "2", "0.5.5", "--0.5", "0.5e", "e5", "½", "٠٫٥"),
        Gen.OneOf<object?>(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.1, 1.0001, -1, 2L, new object(), DateTime.MinValue),
        Gen.Const((object?)null));

    private static readonly Gen<object> BadBoost = Gen.OneOf<object>(
        Gen.OneOf<object>("0", "-1", "10.5", "x", "NaN", "Infinity", "1e309", "0,5", "10.0001", "-0"),
        Gen.OneOf<object>(0.0, -2.5, 10.5, double.NaN, double.PositiveInfinity, 11));

    /// <summary>A good row given one defect, labelled with the issue code the reader must give.</summary>
    private static readonly Gen<Row> BadRow = Gen.OneOf(
        Gen.Select(GoodRow, BadScore, (r, s) => r with { Score = s, Code = RankingIssueCodes.InvalidRelevanceScore, Defect = $"score {Show(s)}" }),
        GoodRow.Select(r => r with { HasScore = false, Code = RankingIssueCodes.InvalidRelevanceScore, Defect = "no score column" }),
        Gen.Select(GoodRow, BadBoost, (r, b) => r with { Boost = b, HasBoost = true, Code = RankingIssueCodes.InvalidBoostFactor, Defect = $"boost {Show(b)}" }),
        GoodRow.Select(r => r with { Id = "", Code = RankingIssueCodes.InvalidSnippetId, Defect = "empty id" }),
        GoodRow.Select(r => r with { Id = null, Code = RankingIssueCodes.InvalidSnippetId, Defect = "null id" }),
        GoodRow.Select(r => r with { HasId = false, Code = RankingIssueCodes.InvalidSnippetId, Defect = "no id column" }),
        Gen.Select(GoodRow, Gen.Int[129, 400], (r, n) => r with { Id = ((string)r.Id!).PadRight(n, 'x'), Code = RankingIssueCodes.InvalidSnippetId, Defect = $"{n}-character id" }),
        Gen.Select(GoodRow, ControlChar, Gen.Int[0, 24], (r, c, at) =>
        {
            var id = (string)r.Id!;
            return r with { Id = id.Insert(Math.Min(at, id.Length), c.ToString()), Code = RankingIssueCodes.InvalidSnippetId, Defect = $"id with U+{(int)c:X4}" };
        }),
        Gen.Select(GoodRow, Gen.Int[65, 90], (r, n) => r with { Metadata = Many(n), Code = RankingIssueCodes.InvalidMetadata, Defect = $"{n} metadata entries" }),
        GoodRow.Select(r => r with { Metadata = new Hashtable { [new string('k', 129)] = "v" }, Code = RankingIssueCodes.InvalidMetadata, Defect = "129-character key" }),
        GoodRow.Select(r => r with { Category = new string('c', 1025), Code = RankingIssueCodes.InvalidMetadata, Defect = "1025-character category" }));

    private static readonly Gen<(Row[] Rows, string Culture)> Batch =
        Gen.Select(Gen.OneOf(GoodRow, BadRow).Array[1, 90], Gen.Int[0, Cultures.Length - 1], (rows, c) => (rows, Cultures[c]));

    [Fact]
    public void Every_good_row_passes_and_every_bad_row_gives_exactly_its_one_issue() =>
        Batch.Sample(batch =>
        {
            var (rows, culture) = batch;
            var reader = new SnippetRowReader(["category"]);
            var ranks = new List<SnippetRank>();
            InCulture(culture, () =>
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    var row = rows[i];
                    RowReadResult result;
                    try { result = reader.Read(row.Cells(i), i + 1); }
                    catch (Exception e) { throw new Xunit.Sdk.XunitException($"row {i + 1} ({row.Defect}) threw {e.GetType().Name}: {e.Message}"); }

                    if (row.Code is null)
                    {
                        Assert.True(result.Issue is null, $"good row {i + 1} under '{culture}' was refused: {result.Issue}");
                        Assert.Equal(row.Expected, result.Rank!.RelevanceScore);
                        ranks.Add(result.Rank);
                    }
                    else
                    {
                        Assert.True(result.Rank is null, $"bad row {i + 1} ({row.Defect}) under '{culture}' gave a rank");
                        Assert.True(row.Code == result.Issue!.Code, $"row {i + 1} ({row.Defect}): expected {row.Code}, got {result.Issue}");
                        Assert.Contains($"input {i + 1}", result.Issue.Message);
                    }
                }
            });

            // What passed the reader must pass the engine too: one valid payload per session, nothing lost.
            var options = new RankingOptions { MaxResultWindow = 50 };
            foreach (var session in RankingEngine.Rank(ranks.Select((r, i) => Unique(r, i)), options))
            {
                Assert.True(session.IsValid, string.Join("; ", session.Errors));
                Assert.Equal(ranks.Count(r => r.SessionId == session.SessionId), session.Payload!.Snippets.Count);
            }
        }, iter: 400);

    [Fact]
    public void A_random_score_text_is_a_rank_exactly_when_it_is_an_invariant_number_in_the_unit_range() =>
        Gen.Select(Gen.OneOf(Gen.String, Gen.String[Gen.Char["0123456789.,eE+- \tNaInfity"], 0, 10]), Gen.Int[0, Cultures.Length - 1])
            .Sample(t =>
            {
                var (text, culture) = t;
                var expected = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0.0 and <= 1.0;
                InCulture(Cultures[culture], () =>
                {
                    var result = new SnippetRowReader().Read([new("Id", "KB-1"), new("Score", text)], 1);
                    Assert.True(expected == result.Rank is not null, $"'{text}' under '{Cultures[culture]}': {result.Issue}");
                    if (!expected) Assert.Equal(RankingIssueCodes.InvalidRelevanceScore, result.Issue!.Code);
                });
            }, iter: 2000);

    [Fact]
    public void The_engine_gives_exactly_one_error_per_bad_rank_built_in_code()
    {
        var badRank = Gen.OneOf(
            Gen.OneOf(double.NaN, double.PositiveInfinity, -0.1, 1.0001, double.MaxValue)
                .Select(s => (Make: (Func<int, SnippetRank>)(i => Ranks.Of($"r{i}", s)), Code: RankingIssueCodes.InvalidRelevanceScore)),
            Gen.OneOf(0.0, -1.0, 10.5, double.NaN, double.NegativeInfinity)
                .Select(b => (Make: (Func<int, SnippetRank>)(i => Ranks.Of($"r{i}", 0.5, b)), Code: RankingIssueCodes.InvalidBoostFactor)),
            Gen.Int[129, 300].Select(n => (Make: (Func<int, SnippetRank>)(i => Ranks.Of($"r{i}".PadRight(n, 'x'), 0.5)), Code: RankingIssueCodes.InvalidSnippetId)),
            ControlChar.Select(c => (Make: (Func<int, SnippetRank>)(i => Ranks.Of($"r{i}{c}", 0.5)), Code: RankingIssueCodes.InvalidSnippetId)),
            Gen.Int[65, 80].Select(n => (Make: (Func<int, SnippetRank>)(i => WithMetadata(Ranks.Of($"r{i}", 0.5), Many(n))), Code: RankingIssueCodes.InvalidMetadata)));
        var goodRank = Gen.Select(Gen.Double[0.0, 1.0], Gen.Double[0.01, 10.0])
            .Select(t => (Make: (Func<int, SnippetRank>)(i => Ranks.Of($"r{i}", t.Item1, t.Item2)), Code: (string?)null));

        Gen.OneOf(badRank.Select(b => (b.Make, Code: (string?)b.Code)), goodRank).Array[1, 60].Sample(specs =>
        {
            var ranks = specs.Select((s, i) => s.Make(i)).ToArray();
            var result = Ranks.RankOne(Ranks.Options(window: 50), ranks);

            var expected = specs.Select((s, i) => (s.Code, Id: ranks[i].SnippetId)).Where(e => e.Code is not null).ToList();
            Assert.Equal(expected.Select(e => $"{e.Code} {e.Id}"), result.Errors.Select(e => $"{e.Code} {e.SnippetId}"));
            Assert.Equal(expected.Count == 0, result.Payload is not null);
        }, iter: 300);
    }

    private static SnippetRank Unique(SnippetRank rank, int index)
    {
        rank.SnippetId = $"{index}-{rank.SnippetId}";
        if (rank.SnippetId.Length > SnippetRules.MaxSnippetIdLength) rank.SnippetId = rank.SnippetId.Substring(0, SnippetRules.MaxSnippetIdLength);
        return rank;
    }

    private static SnippetRank WithMetadata(SnippetRank rank, Hashtable metadata)
    {
        foreach (DictionaryEntry e in metadata) rank.Metadata[(string)e.Key] = (string)e.Value!;
        return rank;
    }

    private static Hashtable Many(int count)
    {
        var table = new Hashtable();
        for (var i = 0; i < count; i++) table[$"key{i}"] = "v";
        return table;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name,
    };

    // CsCheck samples on several threads: the culture is set and restored on the sampling thread.
    private static void InCulture(string name, Action action)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = name.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(name);
            action();
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }
}

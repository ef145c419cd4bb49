using System.Collections;
using CsCheck;
using CXoneRanking.Ranking;
using CXoneRanking.Rows;

namespace CXoneRanking.Tests;

/// <summary>
/// A row that says one thing twice, or says it in a form the wire cannot carry, is refused by name
/// instead of being sent as something else (attacker report F0, F6, F7, F9).
/// </summary>
public sealed class RowConflictPropertyTests
{
    private static readonly (string Column, object? Value)[] Required = [("session_id", "s-1"), ("snippet_id", "KB-1"), ("relevance_score", "0.5")];

    private static readonly Gen<(RowField Field, string First, string Second)> TwoAliases =
        AnyOf(RowColumns.RankNames.Where(n => n.Value is not RowField.Metadata and not RowField.RowError).ToArray())
            .SelectMany(a => AnyOf(RowColumns.RankNames.Where(b => b.Value == a.Value && b.Key != a.Key).ToArray())
                .Select(b => (a.Value, a.Key, b.Key)));

    private static Gen<T> AnyOf<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static RowReadResult Read(IEnumerable<(string Column, object? Value)> cells) =>
        new SnippetRowReader().Read(cells.Select(c => new KeyValuePair<string, object?>(c.Column, c.Value)), 3);

    // The same row through a learned shape, as piped CSV rows and objects are read.
    private static RowReadResult ReadByShape(IEnumerable<(string Column, object? Value)> cells)
    {
        var row = cells.Select(c => new KeyValuePair<string, object?>(c.Column, c.Value)).ToArray();
        var reader = new SnippetRowReader();
        Assert.True(reader.TryRead(reader.Learn(row), Lookup(row), 3, out var result));
        return result;
    }

    private static CellLookup Lookup(KeyValuePair<string, object?>[] row) => (string column, out object? value) =>
    {
        var cell = row.FirstOrDefault(c => string.Equals(c.Key, column, StringComparison.OrdinalIgnoreCase));
        value = cell.Value;
        return cell.Key is not null;
    };

    private static RowReadResult ReadMetadata(IDictionary metadata) =>
        Read(Required.Append(("Metadata", metadata)));

    [Fact]
    public void Two_columns_for_one_field_are_refused_naming_both_whatever_their_values_and_order() =>
        Gen.Select(TwoAliases, Gen.Bool, Gen.Double[0.1, 1.0], Gen.Bool).Sample(t =>
        {
            var (field, first, second) = t.Item1;
            var value = t.Item2 ? "0.75" : t.Item3.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            // Equal values are refused too: the shape is ambiguous, whatever one row holds.
            var cells = Required.Where(c => RowColumns.RankNames.First(n => n.Key == c.Column).Value != field)
                .Concat([(first, (object?)value), (second, t.Item4 ? value : "0.25")]).ToList();
            foreach (var result in new[] { Read(cells), ReadByShape(cells) })
            {
                Assert.Null(result.Rank);
                Assert.Equal(RankingIssueCodes.AmbiguousColumn, result.Issue!.Code);
                Assert.Contains($"columns '{first}' and '{second}'", result.Issue.Message);
                Assert.Contains("input 3", result.Issue.Message);
            }
        }, iter: 200);

    [Fact]
    public void The_attackers_csv_with_an_id_and_a_boost_column_is_refused_not_sent_with_row_numbers()
    {
        (string, object?)[] row = [("session_id", "call-1"), ("snippet_id", "KB-10"), ("relevance_score", "0.95"),
            ("boost_factor", "1.5"), ("id", "1"), ("boost", "")];
        var issue = ReadByShape(row).Issue!;
        Assert.Equal(RankingIssueCodes.AmbiguousColumn, issue.Code);
        Assert.Equal("input 3 (session 'call-1'): the snippet id is given twice: columns 'snippet_id' and 'id'; rename or remove one",
            issue.Message);
    }

    [Fact]
    public void A_metadata_value_that_is_a_list_or_table_is_refused_naming_its_key() =>
        Gen.Select(Gen.String.AlphaNumeric.Where(k => k.Length > 0), AnyOf<object>(new Hashtable { ["b"] = 1 },
            new object[] { 1, 2 }, new List<string> { "x" }, new Dictionary<string, string>())).Sample(t =>
        {
            var issue = ReadMetadata(new Hashtable { [t.Item1] = t.Item2, ["other"] = "fine" }).Issue!;
            Assert.Equal(RankingIssueCodes.InvalidMetadata, issue.Code);
            Assert.Contains($"metadata key '{t.Item1}'", issue.Message);
        }, iter: 100);

    [Fact]
    public void A_metadata_column_whose_value_is_a_list_is_refused_naming_the_column()
    {
        var reader = new SnippetRowReader(metadataColumns: ["tags"]);
        var issue = reader.Read(Required.Append(("tags", (object?)new[] { "a", "b" }))
            .Select(c => new KeyValuePair<string, object?>(c.Item1, c.Item2)), 3).Issue!;
        Assert.Equal(RankingIssueCodes.InvalidMetadata, issue.Code);
        Assert.Contains("metadata key 'tags'", issue.Message);
    }

    [Fact]
    public void Metadata_keys_that_differ_only_in_case_are_refused_naming_both() =>
        Gen.String.AlphaNumeric.Where(k => k.Any(char.IsLetter)).Sample(key =>
        {
            var other = new string(key.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
            var issue = ReadMetadata(new Hashtable(StringComparer.Ordinal) { [key] = "billing", [other] = "internal-secret" }).Issue!;
            Assert.Equal(RankingIssueCodes.InvalidMetadata, issue.Code);
            Assert.Contains($"'{key}'", issue.Message);
            Assert.Contains($"'{other}'", issue.Message);
        }, iter: 100);

    [Fact]
    public void A_rows_own_metadata_still_overrides_the_shared_metadata_in_any_case()
    {
        var reader = new SnippetRowReader(sharedMetadata: new Hashtable { ["Category"] = "shared" });
        var rank = reader.Read(Required.Append(("Metadata", (object?)new Hashtable { ["category"] = "own" }))
            .Select(c => new KeyValuePair<string, object?>(c.Item1, c.Item2)), 3).Rank!;
        Assert.Equal("own", rank.Metadata["CATEGORY"]);
    }

    private static readonly Gen<string> WithLoneSurrogate =
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 0, 20], Gen.Char['\uD800', '\uDFFF'], Gen.String[Gen.Char.AlphaNumeric, 0, 20])
            .Select(t => t.Item1 + t.Item2 + t.Item3);

    [Fact]
    public void Text_with_a_lone_surrogate_is_refused_wherever_it_is_an_id_key_or_value() =>
        WithLoneSurrogate.Sample(text =>
        {
            Assert.Equal(RankingIssueCodes.InvalidSnippetId, Read([("snippet_id", text), ("relevance_score", "0.5")]).Issue!.Code);
            Assert.Equal(RankingIssueCodes.InvalidMetadata, ReadMetadata(new Hashtable { [text] = "v" }).Issue!.Code);
            Assert.Equal(RankingIssueCodes.InvalidMetadata, ReadMetadata(new Hashtable { ["k"] = text }).Issue!.Code);
            var session = RankingEngine.RankSession(text, [Ranks.Of("KB-1", 0.5, session: text)], new RankingOptions());
            Assert.Equal(RankingIssueCodes.InvalidSessionId, session.Errors.Single().Code);
        }, iter: 200);

    [Fact]
    public void Text_with_whole_surrogate_pairs_is_accepted() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 0, 20], Gen.Int[0x10000, 0x10FFFF]).Sample(t =>
        {
            var text = "KB" + t.Item1 + char.ConvertFromUtf32(t.Item2);
            var result = Read([("snippet_id", text), ("relevance_score", "0.5"), ("Metadata", new Hashtable { [text] = text })]);
            Assert.Null(result.Issue?.Message);
            Assert.Equal(text, result.Rank!.SnippetId);
        }, iter: 200);
}

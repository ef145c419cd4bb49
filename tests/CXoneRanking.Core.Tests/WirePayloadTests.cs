using System.Text.Json;

namespace CXoneRanking.Tests;

public sealed class WirePayloadTests
{
    private static RankingPayload Payload(params SnippetRank[] ranks) => Ranks.RankOne(Ranks.Options(window: 5), ranks).Payload!;

    [Fact]
    public void Serializes_exactly_the_wire_keys_in_snake_case()
    {
        var json = Payload(Ranks.Of("KB-001", 0.92, 1.2, "s-1", ("category", "billing"))).ToJson();
        Assert.Equal("""{"session_id":"s-1","max_result_window":5,"snippets":[{"snippet_id":"KB-001","relevance_score":1,"boost_factor":1.2,"metadata":{"category":"billing"}}]}""", json);
    }

    [Fact]
    public void Metadata_keys_are_sorted_so_equal_rankings_give_equal_bytes_and_checksums()
    {
        var one = Payload(Ranks.Of("a", 0.5, 1, "s-1", ("zeta", "1"), ("alpha", "2"), ("Mid", "3")));
        var two = Payload(Ranks.Of("a", 0.5, 1, "s-1", ("Mid", "3"), ("alpha", "2"), ("zeta", "1")));

        Assert.Contains("""{"Mid":"3","alpha":"2","zeta":"1"}""", one.ToJson());
        Assert.Equal(one.ToJson(), two.ToJson());
        Assert.Equal(one.ComputeChecksum(), two.ComputeChecksum());
        Assert.Matches("^[0-9a-f]{64}$", one.ComputeChecksum());
    }

    [Fact]
    public void A_different_ranking_has_a_different_checksum() =>
        Assert.NotEqual(Payload(Ranks.Of("a", 0.5)).ComputeChecksum(), Payload(Ranks.Of("a", 0.4)).ComputeChecksum());

    [Fact]
    public void The_json_round_trips_with_the_final_scores_and_total_boosts()
    {
        var payload = Payload(Ranks.Of("a", 0.9, 1.1), Ranks.Of("b", 0.5, 1.2), Ranks.Of("c", 0.25));
        using var doc = JsonDocument.Parse(payload.ToJson());
        var snippets = doc.RootElement.GetProperty("snippets").EnumerateArray().ToList();
        Assert.Equal(payload.Snippets.Select(s => s.Score), snippets.Select(s => s.GetProperty("relevance_score").GetDouble()));
        Assert.Equal(payload.Snippets.Select(s => s.BoostFactor), snippets.Select(s => s.GetProperty("boost_factor").GetDouble()));
        Assert.Equal(["session_id", "max_result_window", "snippets"], doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Boost_products_carry_no_binary_noise_on_the_wire()
    {
        var result = Ranks.RankOne(Ranks.Options(directives: [BoostDirective.Boost("k", "v", 1.2)]), Ranks.Of("a", 0.5, 1.1, "s-1", ("k", "v")));
        Assert.Contains("\"boost_factor\":1.32", result.Payload!.ToJson());
    }
}

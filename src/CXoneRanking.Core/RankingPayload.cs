using System.Security.Cryptography;
using System.Text;
using CXoneRanking.Wire;

namespace CXoneRanking;

/// <summary>The ranking POSTed for one session: sorted, within the window, scores in [0, 1].</summary>
public sealed class RankingPayload
{
    public string SessionId { get; init; } = string.Empty;

    public int MaxResultWindow { get; init; }

    public IReadOnlyList<RankedSnippet> Snippets { get; init; } = [];

    /// <summary>
    /// The wire JSON (docs/design.md#ranking-payload). It is also the canonical form
    /// (docs/design.md#canonical-form-and-checksum): keys in a fixed order, metadata keys sorted
    /// ordinally, no whitespace, so equal rankings give equal bytes.
    /// </summary>
    public string ToJson() => Encoding.UTF8.GetString(ToUtf8Json());

    public byte[] ToUtf8Json() => WireJson.Serialize(WireRankingPayload.From(this));

    /// <summary>SHA-256 (lowercase hex) of the canonical JSON: the audit log's ranking_checksum.</summary>
    public string ComputeChecksum()
    {
        using var sha = SHA256.Create();
        return Hex.Lower(sha.ComputeHash(ToUtf8Json()));
    }

    public override string ToString() => ToJson();
}

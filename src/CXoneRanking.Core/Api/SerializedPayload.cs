using System.Security.Cryptography;

namespace CXoneRanking.Api;

/// <summary>
/// A payload serialized once: the bytes POSTed and their SHA-256, which the write-ahead and the
/// outcome entries record as ranking_checksum. Serializing once means the checksum is of the very
/// bytes sent (docs/design.md#canonical-form-and-checksum), and a session of 50 snippets is not
/// serialized three times on the submit path.
/// </summary>
internal sealed class SerializedPayload
{
    private SerializedPayload(byte[] body, string checksum)
    {
        Body = body;
        Checksum = checksum;
    }

    public byte[] Body { get; }

    /// <summary>SHA-256 lowercase hex of <see cref="Body"/>, as <see cref="RankingPayload.ComputeChecksum"/> gives it.</summary>
    public string Checksum { get; }

    public static SerializedPayload Of(RankingPayload payload)
    {
        if (payload is null) throw new ArgumentNullException(nameof(payload));
        var body = payload.ToUtf8Json();
        using var sha = SHA256.Create();
        return new SerializedPayload(body, Hex.Lower(sha.ComputeHash(body)));
    }
}

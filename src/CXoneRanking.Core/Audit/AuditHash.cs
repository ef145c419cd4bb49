using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CXoneRanking.Audit;

/// <summary>
/// The chain's arithmetic. hash = SHA-256 hex of (prev_hash + the entry's canonical JSON without
/// "hash"). Because the writer always puts "hash" last, a line is the unsealed JSON with its
/// closing brace replaced by <c>,"hash":"&lt;64 hex&gt;"}</c>, and a verifier recovers the exact
/// hashed bytes from the raw line without re-serializing anything.
/// </summary>
internal static class AuditHash
{
    public const int HexLength = 64;
    public static readonly string Genesis = new('0', HexLength);

    private static readonly byte[] SealStart = Encoding.ASCII.GetBytes(",\"hash\":\"");
    private static readonly byte[] SealEnd = Encoding.ASCII.GetBytes("\"}");
    private static readonly byte[] ClosingBrace = [(byte)'}'];
    [ThreadStatic]
    private static IncrementalHash? _sha;

    private static readonly int SealLength = SealStart.Length + HexLength + SealEnd.Length;

    /// <summary>The hash of an entry whose unsealed JSON is <paramref name="body"/> followed by '}'.</summary>
    public static string Compute(string prevHash, byte[] body, int offset, int count)
    {
        // One hasher per thread, reset by GetHashAndReset: a batch of 10,000 entries then hashes
        // without creating 10,000 native hash contexts.
        var sha = _sha ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var prev = Encoding.ASCII.GetBytes(prevHash);
        sha.AppendData(prev, 0, prev.Length);
        sha.AppendData(body, offset, count);
        sha.AppendData(ClosingBrace, 0, 1);
        return Hex.Lower(sha.GetHashAndReset());
    }

    /// <summary>The line to store: the unsealed JSON (ending in '}') with the hash as its last member, and a newline.</summary>
    public static byte[] Seal(byte[] unsealed, int count, string hash)
    {
        var bodyLength = count - 1;
        var line = new byte[bodyLength + SealLength + 1];
        Buffer.BlockCopy(unsealed, 0, line, 0, bodyLength);
        Buffer.BlockCopy(SealStart, 0, line, bodyLength, SealStart.Length);
        Encoding.ASCII.GetBytes(hash, 0, HexLength, line, bodyLength + SealStart.Length);
        Buffer.BlockCopy(SealEnd, 0, line, bodyLength + SealStart.Length + HexLength, SealEnd.Length);
        line[line.Length - 1] = (byte)'\n';
        return line;
    }

    /// <summary>
    /// Splits a stored line into the hash it claims and the length of the body before the seal;
    /// false when the line does not end in a well-formed <c>,"hash":"&lt;64 lowercase hex&gt;"}</c>.
    /// </summary>
    public static bool TryUnseal(ArraySegment<byte> line, out string hash, out int bodyLength)
    {
        hash = string.Empty;
        bodyLength = line.Count - SealLength;
        if (bodyLength < 1) return false;
        var bytes = line.Array!;
        var start = line.Offset + bodyLength;
        if (!Matches(bytes, start, SealStart) || !Matches(bytes, start + SealStart.Length + HexLength, SealEnd)) return false;
        var hexStart = start + SealStart.Length;
        for (var i = hexStart; i < hexStart + HexLength; i++)
            if (bytes[i] is not (>= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f')) return false;
        hash = Encoding.ASCII.GetString(bytes, hexStart, HexLength);
        return true;
    }

    public static bool IsHash([NotNullWhen(true)] string? text)
    {
        if (text is null || text.Length != HexLength) return false;
        foreach (var c in text)
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        return true;
    }

    private static bool Matches(byte[] bytes, int start, byte[] expected)
    {
        for (var i = 0; i < expected.Length; i++)
            if (bytes[start + i] != expected[i]) return false;
        return true;
    }
}

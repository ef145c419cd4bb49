using System.Security.Cryptography;
using System.Text;

namespace CXoneRanking.Audit;

/// <summary>
/// The chain check of a reader that must not trust an edited log (-SkipUnchanged): each line's
/// own hash is recomputed from its stored bytes, and its prev_hash must be the hash of the line
/// before it. A line edited without a new hash fails the first check; one given a new hash, or a
/// line removed or inserted, fails the second at the line after it. Torn lines are stepped over,
/// as by <see cref="AuditChainVerifier"/>. The oldest line's link is not checked: retention
/// removes old files, and an entry missing from the start of the log can only make a session
/// look unknown, never applied. Test-RankingAuditLog remains the full check (anchors, reasons).
/// It works on the stored bytes (the writer puts prev_hash and hash last, in that order), with
/// one hash call per line and no string per line: it runs over every line before every run.
/// </summary>
internal sealed class AuditChainLinks : IDisposable
{
    private const int Hex = AuditHash.HexLength;
    private static readonly byte[] Seal = Encoding.ASCII.GetBytes(",\"prev_hash\":\"");
    private static readonly byte[] HashMember = Encoding.ASCII.GetBytes("\",\"hash\":\"");
    // The line's tail from prev_hash on: ,"prev_hash":"<64>","hash":"<64>"}
    private static readonly int TailLength = Seal.Length + Hex + HashMember.Length + Hex + 2;

    private readonly SHA256 _sha = SHA256.Create();
    private readonly byte[] _last = new byte[Hex];
    private bool _hasLast;
    private byte[] _buffer = new byte[1024];

    /// <summary>Why this line breaks the chain, or null; moves on to its hash either way.</summary>
    public string? Problem(RawLine line)
    {
        var hadLast = _hasLast;
        _hasLast = false;
        var (bytes, start, count) = (line.Bytes.Array!, line.Bytes.Offset, line.Bytes.Count);
        if (!Sealed(bytes, start, count, out var prev, out var hash)) return "an entry does not end in its prev_hash and hash";
        var linked = !hadLast || Same(bytes, prev, _last, 0);
        var matches = HoldsHash(bytes, start, prev, hash);
        Buffer.BlockCopy(bytes, hash, _last, 0, Hex);
        _hasLast = true;
        if (!matches) return "an entry does not match its hash: it was changed after it was written";
        return linked ? null : "an entry does not chain to the one before it: an entry was removed, inserted or changed";
    }

    /// <summary>
    /// True when the line holds the hash of its own stored bytes: nothing in it was changed after it was written. Its link
    /// to the line before is not checked (Get-RankingHistory checks the few entries it explains, not the chain).
    /// </summary>
    public bool HoldsOwnHash(RawLine line)
    {
        var (bytes, start, count) = (line.Bytes.Array!, line.Bytes.Offset, line.Bytes.Count);
        return Sealed(bytes, start, count, out var prev, out var hash) && HoldsHash(bytes, start, prev, hash);
    }

    // Where the stored prev_hash and hash start, when the line ends in them as the writer writes them.
    private static bool Sealed(byte[] bytes, int start, int count, out int prev, out int hash)
    {
        var tail = start + count - TailLength;
        prev = tail + Seal.Length;
        hash = prev + Hex + HashMember.Length;
        return count >= TailLength + 1 && At(bytes, tail, Seal) && At(bytes, tail + Seal.Length + Hex, HashMember)
            && bytes[start + count - 2] == (byte)'"' && bytes[start + count - 1] == (byte)'}';
    }

    private bool HoldsHash(byte[] bytes, int start, int prev, int hash)
    {
        // Hashed: prev_hash, then the line without ,"hash":"..." with its closing brace.
        var bodyLength = hash - HashMember.Length + 1 - start;
        if (_buffer.Length < Hex + bodyLength + 1) _buffer = new byte[2 * (Hex + bodyLength + 1)];
        Buffer.BlockCopy(bytes, prev, _buffer, 0, Hex);
        Buffer.BlockCopy(bytes, start, _buffer, Hex, bodyLength);
        _buffer[Hex + bodyLength] = (byte)'}';
        return MatchesHex(bytes, hash, _sha.ComputeHash(_buffer, 0, Hex + bodyLength + 1));
    }

    public void Dispose() => _sha.Dispose();

    private static bool At(byte[] bytes, int start, byte[] expected)
    {
        for (var i = 0; i < expected.Length; i++)
            if (bytes[start + i] != expected[i]) return false;
        return true;
    }

    private static bool Same(byte[] bytes, int start, byte[] other, int otherStart)
    {
        for (var i = 0; i < Hex; i++)
            if (bytes[start + i] != other[otherStart + i]) return false;
        return true;
    }

    // The stored hash is lowercase hex, as the writer writes it.
    private static bool MatchesHex(byte[] bytes, int start, byte[] digest)
    {
        for (var i = 0; i < digest.Length; i++)
            if (bytes[start + 2 * i] != Digit(digest[i] >> 4) || bytes[start + 2 * i + 1] != Digit(digest[i] & 0xF)) return false;
        return true;
    }

    private static byte Digit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);
}

using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace CXoneRanking.Expert;

/// <summary>
/// The server API token's secret as UTF-8 bytes, copied out of the SecureString without ever
/// becoming a managed string, and zeroed on <see cref="Dispose"/>. It signs; it never shows itself.
/// </summary>
internal sealed class ExpertSecret : IDisposable
{
    private readonly byte[] _bytes;
    private bool _disposed;

    private ExpertSecret(byte[] bytes) => _bytes = bytes;

    public static ExpertSecret From(SecureString secret)
    {
        var pointer = IntPtr.Zero;
        var chars = new char[secret.Length];
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            Marshal.Copy(pointer, chars, 0, chars.Length);
            return new ExpertSecret(Encoding.UTF8.GetBytes(chars));
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
            if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    /// <summary>Takes a copy of the bytes; the caller zeroes its own.</summary>
    public static ExpertSecret From(byte[] secret) => new((byte[])secret.Clone());

    /// <summary>Lowercase hex HMAC-SHA256 of the UTF-8 message, keyed with the secret.</summary>
    public string Sign(string message)
    {
        if (_disposed) throw new ObjectDisposedException(nameof(ExpertSecret), "The Expert connection was closed; connect again.");
        using var hmac = new HMACSHA256(_bytes);
        return Hex.Lower(hmac.ComputeHash(Encoding.UTF8.GetBytes(message)));
    }

    public void Dispose()
    {
        _disposed = true;
        Array.Clear(_bytes, 0, _bytes.Length);
    }

    public override string ToString() => "(Expert token secret)";
}

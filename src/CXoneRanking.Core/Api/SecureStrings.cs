using System.Runtime.InteropServices;
using System.Security;

namespace CXoneRanking.Api;

/// <summary>
/// The one place a SecureString becomes text: only for the moment a token request is written,
/// and the unmanaged copy is zeroed at once.
/// </summary>
internal static class SecureStrings
{
    public static T Reveal<T>(SecureString secret, Func<string, T> use)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            return use(Marshal.PtrToStringUni(pointer) ?? string.Empty);
        }
        finally
        {
            if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    public static SecureString FromText(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}

using System.Security.Cryptography;

namespace CXoneRanking.FrameworkTests.Compatibility;

/// <summary>
/// The string, hex and hash helpers of .NET Core that the shared test sources call and .NET
/// Framework 4.7.2 lacks, with the same meaning, so those sources compile here unchanged.
/// </summary>
internal static class TextCompatibility
{
    extension(string text)
    {
        public string[] Split(string separator) => text.Split([separator], StringSplitOptions.None);

        public int IndexOf(char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison);

        public string[] Split(char separator, StringSplitOptions options) => text.Split([separator], options);

        public string[] Split(char separator, int count) => text.Split([separator], count);

        public string Replace(string oldValue, string? newValue, StringComparison comparison)
        {
            var result = new System.Text.StringBuilder();
            var start = 0;
            int found;
            while ((found = text.IndexOf(oldValue, start, comparison)) >= 0)
            {
                result.Append(text, start, found - start).Append(newValue);
                start = found + oldValue.Length;
            }
            return result.Append(text, start, text.Length - start).ToString();
        }
    }

    extension(Convert)
    {
        public static string ToHexStringLower(byte[] bytes) =>
            string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

        public static string ToHexString(byte[] bytes) =>
            string.Concat(bytes.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    extension(SHA256)
    {
        public static byte[] HashData(byte[] source)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(source);
        }
    }
}

using System.Text.RegularExpressions;

namespace CXoneRanking.Audit;

/// <summary>
/// The free-text fields of an entry (error, note) are the only place a secret could slip in, for
/// example through an exception message that quotes a header or a token response. They are cut
/// short and anything shaped like a credential is masked, so such a slip never reaches a file.
/// </summary>
internal static class AuditText
{
    public const int MaxLength = 500;
    public const string Mask = "***";

    private static readonly Regex Credential = new(
        // "Bearer xyz", "Basic xyz", and key=value / "key":"value" pairs whose key names a secret.
        @"(?<prefix>\b(?:Bearer|Basic)\s+)[^\s""',;]+" +
        @"|(?<prefix>\b[\w-]*(?:token|secret|password|passwd|pwd|api[_-]?key|authorization|signature)[\w-]*""?\s*[:=]\s*""?)" +
        @"(?:(?:Bearer|Basic)\s+)?[^\s""'&,;]+" +
        // A JWT anywhere, even without a telling key.
        @"|\beyJ[\w-]+\.[\w-]+\.[\w-]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>The text with credentials masked, control characters as spaces, at most <see cref="MaxLength"/> characters.</summary>
    public static string? Sanitize(string? text)
    {
        if (text is null) return null;
        // The same reason string for every session of a stopped backlog is cleaned once, not 10,000 times.
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Input, text)) return last.Output;
        var cleaned = Clean(text);
        Volatile.Write(ref _last, new Memo(text, cleaned));
        return cleaned;
    }

    private static Memo? _last;

    private sealed class Memo(string input, string output)
    {
        public string Input { get; } = input;
        public string Output { get; } = output;
    }

    private static string Clean(string text)
    {
        var masked = Credential.Replace(text, m => m.Groups["prefix"].Value + Mask);
        var chars = masked.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
            else if (char.IsControl(chars[i])) chars[i] = ' ';
        }
        var clean = new string(chars).Trim();
        if (clean.Length <= MaxLength) return clean;
        var cut = MaxLength - 1;
        if (char.IsHighSurrogate(clean[cut - 1])) cut--; // never split a surrogate pair
        return clean.Substring(0, cut) + "…";
    }

    /// <summary>JSON cannot carry half a surrogate pair: the problem in words, or null.</summary>
    public static string? SurrogateProblem(string? text, string what)
    {
        var at = text is null ? -1 : UnicodeText.LoneSurrogateIndex(text);
        return at < 0 ? null : $"the {what} contains an unpaired surrogate U+{(int)text![at]:X4}";
    }
}

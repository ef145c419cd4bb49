using System.Globalization;
using System.Text;

namespace CXoneRanking;

/// <summary>
/// Untrusted text (a session or snippet id a user or a log gives) as error messages show it: each control character
/// but tab (C0, DEL, C1) as a <c>\u001B</c> escape. Printed raw, an ESC or BEL could retitle the terminal or clear the
/// screen, and a newline could fake a second line; escaped, the id stays recognisable, unlike the audit log's
/// <see cref="Audit.AuditText"/>, which blanks control characters in free text it stores.
/// </summary>
internal static class ShownText
{
    /// <summary>The text with its control characters escaped; the same instance when it has none.</summary>
    public static string Of(string text)
    {
        var first = 0;
        while (first < text.Length && !IsEscaped(text[first])) first++;
        if (first == text.Length) return text;
        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsEscaped(c)) shown.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else shown.Append(c);
        }
        return shown.ToString();
    }

    private static bool IsEscaped(char c) => c != '\t' && char.IsControl(c);
}

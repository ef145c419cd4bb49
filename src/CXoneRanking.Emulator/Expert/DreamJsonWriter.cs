using System.Globalization;
using System.Text;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// Dream's XML-to-JSON conversion (dream.out.format=json), rule for rule: the root element's name is
/// dropped; an element with neither attributes nor content is <c>""</c>; one holding only text is
/// that string; anything else is an object whose attributes come first as <c>"@name"</c> in
/// document order, then its children grouped by name in ordinal order, a name seen once as a
/// value and a repeated one as an array, and text beside attributes as <c>"#text"</c>. Every value
/// is a string, and a value in Dream's XML date shape is rewritten as an RFC 1123 date. Characters
/// below 32 or above 126 are escaped as <c>\uXXXX</c>.
/// </summary>
internal static class DreamJsonWriter
{
    public static byte[] Write(XmlElementNode root)
    {
        var json = new StringBuilder();
        WriteElement(json, root);
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static void WriteElement(StringBuilder json, XmlElementNode element)
    {
        if (element.Attributes.Count == 0 && element.Children.Count == 0)
        {
            WriteString(json, element.Text ?? string.Empty);
            return;
        }

        json.Append('{');
        var first = true;
        foreach (var (name, value) in element.Attributes)
        {
            Separate(json, ref first);
            WriteString(json, "@" + name, convertDates: false);
            json.Append(':');
            WriteString(json, value);
        }

        if (element.Text is not null)
        {
            Separate(json, ref first);
            json.Append("\"#text\":");
            WriteString(json, element.Text);
        }

        foreach (var group in element.Children.GroupBy(c => c.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Separate(json, ref first);
            WriteString(json, group.Key, convertDates: false);
            json.Append(':');
            WriteGroup(json, [.. group]);
        }

        json.Append('}');
    }

    private static void WriteGroup(StringBuilder json, XmlElementNode[] members)
    {
        if (members.Length == 1)
        {
            WriteElement(json, members[0]);
            return;
        }

        json.Append('[');
        for (var i = 0; i < members.Length; i++)
        {
            json.Append(i == 0 ? string.Empty : ",");
            WriteElement(json, members[i]);
        }

        json.Append(']');
    }

    private static void Separate(StringBuilder json, ref bool first)
    {
        if (!first)
        {
            json.Append(',');
        }

        first = false;
    }

    private static void WriteString(StringBuilder json, string text, bool convertDates = true)
    {
        if (convertDates && DreamFormat.TryParseXmlDate(text, out var date))
        {
            text = date.ToString("R", CultureInfo.InvariantCulture);
        }

        json.Append('"');
        foreach (var c in text)
        {
            json.Append(Escape(c));
        }

        json.Append('"');
    }

    private static string Escape(char c) => c switch
    {
        '\b' => "\\b",
        '\f' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '"' => "\\\"",
        '\\' => "\\\\",
        < ' ' or >= (char)127 => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };
}

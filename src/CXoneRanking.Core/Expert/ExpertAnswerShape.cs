namespace CXoneRanking.Expert;

/// <summary>
/// One linear pass over an answer before it is parsed: how deep it nests, how many elements it
/// holds, and whether an XML answer carries a DTD. Counting before parsing keeps a hostile answer
/// from costing more than the pass, and lets the refusal say plainly what was wrong.
/// </summary>
internal static class ExpertAnswerShape
{
    /// <summary>Why the answer is refused, or null when its shape is within the limits.</summary>
    public static string? Problem(string text, CancellationToken cancellationToken) =>
        text[0] == '<' ? XmlProblem(text, cancellationToken) : JsonProblem(text, cancellationToken);

    private static string TooDeep => $"it is nested deeper than {ExpertDocument.MaxDepth} elements, as no Expert answer is";

    private static string TooMany => $"it holds more than {ExpertDocument.MaxElements:N0} elements, as no Expert answer does";

    // Tags are counted by their '<': an opening tag nests, "</" closes, "/>" closes at once;
    // comments, CDATA sections and processing instructions are skipped whole. Malformed XML is
    // left to the parser to name.
    private static string? XmlProblem(string text, CancellationToken cancellationToken)
    {
        if (CarriesDtd(text)) return "it carries a DTD (<!DOCTYPE>), which is refused: an answer may not declare entities";
        int depth = 0, elements = 0;
        for (var at = text.IndexOf('<'); at >= 0 && at < text.Length - 1; at = text.IndexOf('<', at))
        {
            if ((elements & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var end = TagEnd(text, at);
            if (text[at + 1] == '/') depth--;
            else if (text[at + 1] is '?' or '!') end = Skipped(text, at);
            else if (++elements > ExpertDocument.MaxElements) return TooMany;
            else if (text[end - 1] != '/' && ++depth > ExpertDocument.MaxDepth) return TooDeep;
            at = end;
        }
        return null;
    }

    // Where a tag ends: its '>' outside quoted attribute values (or the end of the text).
    private static int TagEnd(string text, int from)
    {
        var quote = '\0';
        for (var i = from + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0') quote = c == quote ? '\0' : quote;
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i;
        }
        return text.Length;
    }

    private static int Skipped(string text, int at) =>
        Starts(text, at, "<!--") ? After(text, at, "-->")
        : Starts(text, at, "<![CDATA[") ? After(text, at, "]]>")
        : Starts(text, at, "<?") ? After(text, at, "?>")
        : TagEnd(text, at);

    private static bool Starts(string text, int at, string prefix) => string.CompareOrdinal(text, at, prefix, 0, prefix.Length) == 0;

    // Only before the root element: comments, processing instructions and white space may come first.
    private static bool CarriesDtd(string text)
    {
        var at = 0;
        while (at < text.Length)
        {
            if (char.IsWhiteSpace(text[at])) at++;
            else if (Starts(text, at, "<?")) at = After(text, at, "?>");
            else if (Starts(text, at, "<!--")) at = After(text, at, "-->");
            else return Starts(text, at, "<!DOCTYPE");
        }
        return false;
    }

    private static int After(string text, int from, string end)
    {
        var found = text.IndexOf(end, from, StringComparison.Ordinal);
        return found < 0 ? text.Length : found + end.Length;
    }

    // Brackets outside strings nest; each object or array counts as an element.
    private static string? JsonProblem(string text, CancellationToken cancellationToken)
    {
        int depth = 0, elements = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            if ((i & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c is '}' or ']') depth--;
            else if (c is '{' or '[')
            {
                if (++elements > ExpertDocument.MaxElements) return TooMany;
                if (++depth > ExpertDocument.MaxDepth) return TooDeep;
            }
        }
        return null;
    }
}

using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace CXoneRanking.Expert;

/// <summary>
/// Parses an answer body as XML (it starts with '&lt;') or as Dream JSON (anything else) into the
/// root <see cref="ExpertNode"/>. XML is read with DTDs prohibited and no resolver, so an answer
/// cannot make the module fetch or expand anything.
/// </summary>
internal static class ExpertDocument
{
    public static ExpertNode Parse(string body, string root, string endpoint)
    {
        var text = body.Trim();
        if (text.Length == 0) throw ExpertErrors.Unreadable(endpoint, "it is empty");
        try
        {
            return text[0] == '<' ? ParseXml(text, root, endpoint) : ParseJson(text, root);
        }
        catch (XmlException e)
        {
            throw ExpertErrors.Unreadable(endpoint, $"it is not well-formed XML (line {e.LineNumber})");
        }
        catch (JsonException e)
        {
            throw ExpertErrors.Unreadable(endpoint, $"it is neither XML nor JSON ({e.Path ?? "at the start"})");
        }
    }

    private static ExpertNode ParseXml(string text, string root, string endpoint)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var element = XDocument.Load(reader).Root!;
        if (element.Name.LocalName != root)
            throw ExpertErrors.Unreadable(endpoint, $"its root element is <{element.Name.LocalName}> where <{root}> was expected");
        return new ExpertXmlNode(element);
    }

    // Dream drops the root's name; a body that kept it ({"search": {...}}) is unwrapped all the same.
    private static ExpertNode ParseJson(string text, string root)
    {
        using var json = JsonDocument.Parse(text);
        var element = json.RootElement;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(root, out var inner)
            && inner.ValueKind is JsonValueKind.Object or JsonValueKind.String && element.EnumerateObject().Count() == 1)
            element = inner;
        return new ExpertJsonNode(element.Clone());
    }
}

using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace CXoneRanking.Expert;

/// <summary>
/// Parses an answer body as XML (it starts with '&lt;') or as Dream JSON (anything else) into the
/// root <see cref="ExpertNode"/>. Every Expert answer is shallow and modest, so an answer nested
/// deeper than <see cref="MaxDepth"/> or holding more than <see cref="MaxElements"/> elements is
/// refused before it can cost more than a moment (a 1 MiB answer of 140,000 nested elements took
/// 42 s to load whole); reading stops when the request is cancelled. XML is read with DTDs
/// prohibited and no resolver, so an answer cannot make the module fetch or expand anything.
/// </summary>
internal static class ExpertDocument
{
    /// <summary>The deepest nesting read; the deepest Expert answer (the search log) nests 5 deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most elements read; a full search log page of 1000 queries has about 20,000.</summary>
    public const int MaxElements = 200_000;

    public static ExpertNode Parse(string body, string root, string endpoint, CancellationToken cancellationToken = default)
    {
        var text = body.Trim();
        if (text.Length == 0) throw ExpertErrors.Unreadable(endpoint, "it is empty");
        if (ExpertAnswerShape.Problem(text, cancellationToken) is { } problem) throw ExpertErrors.Unreadable(endpoint, problem);
        try
        {
            return text[0] == '<' ? ParseXml(text, root, endpoint, cancellationToken) : ParseJson(text, root);
        }
        catch (XmlException e)
        {
            throw ExpertErrors.Unreadable(endpoint, $"it is not well-formed XML (line {e.LineNumber}, position {e.LinePosition})");
        }
        catch (JsonException e)
        {
            throw ExpertErrors.Unreadable(endpoint, $"it is neither XML nor JSON ({e.Path ?? "at the start"})");
        }
    }

    private static ExpertNode ParseXml(string text, string root, string endpoint, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        cancellationToken.ThrowIfCancellationRequested();
        var element = XDocument.Load(reader).Root!;
        if (element.Name.LocalName != root)
            throw ExpertErrors.Unreadable(endpoint, $"its root element is <{element.Name.LocalName}> where <{root}> was expected");
        return new ExpertXmlNode(element);
    }

    // Dream drops the root's name; a body that kept it ({"search": {...}}) is unwrapped all the same.
    private static ExpertNode ParseJson(string text, string root)
    {
        using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        var element = json.RootElement;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(root, out var inner)
            && inner.ValueKind is JsonValueKind.Object or JsonValueKind.String && element.EnumerateObject().Count() == 1)
            element = inner;
        return new ExpertJsonNode(element.Clone());
    }
}

using System.Globalization;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// One XML element as Expert's Dream framework builds it: a name, attributes in the order they were
/// set, and either text or child elements. Both answer formats are written from this one model, so
/// the XML and the JSON of an answer can never disagree about what it holds.
/// </summary>
internal sealed class XmlElementNode(string name)
{
    private readonly List<KeyValuePair<string, string>> attributes = [];
    private readonly List<XmlElementNode> children = [];

    public string Name { get; } = name;

    public IReadOnlyList<KeyValuePair<string, string>> Attributes => attributes;

    public IReadOnlyList<XmlElementNode> Children => children;

    /// <summary>The element's text; null for an element that has children or is empty.</summary>
    public string? Text { get; private set; }

    /// <summary>Adds an attribute; a null value adds nothing, as Dream's XDoc does.</summary>
    public XmlElementNode Attr(string attributeName, string? value)
    {
        if (value is not null)
        {
            attributes.Add(new KeyValuePair<string, string>(attributeName, value));
        }

        return this;
    }

    public XmlElementNode Attr(string attributeName, long value) => Attr(attributeName, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a child element holding text; a null value adds nothing, as Dream's XDoc does.</summary>
    public XmlElementNode Elem(string childName, string? value)
    {
        if (value is not null)
        {
            children.Add(new XmlElementNode(childName) { Text = value.Length == 0 ? null : value });
        }

        return this;
    }

    public XmlElementNode Elem(string childName, long value) => Elem(childName, value.ToString(CultureInfo.InvariantCulture));

    public XmlElementNode Elem(string childName, double value) => Elem(childName, DreamFormat.Number(value));

    public XmlElementNode Elem(string childName, DateTimeOffset value) => Elem(childName, DreamFormat.Date(value));

    public XmlElementNode Add(XmlElementNode child)
    {
        children.Add(child);
        return this;
    }
}

namespace CXoneRanking.Expert;

/// <summary>
/// One element of an Expert answer, whether it came as XML or as Dream's JSON, so each shape has
/// one reader. Dream's JSON drops the root's name, writes attributes as "@name", a lone child as an
/// object, repeated children as an array, an empty element as "" and text beside attributes as
/// "#text"; the JSON node hides all of that behind <see cref="Children"/> and <see cref="Text"/>.
/// </summary>
internal abstract class ExpertNode
{
    public abstract string? Attribute(string name);

    /// <summary>The child elements of that name, in order: none, one or many, whatever the wire shape.</summary>
    public abstract IEnumerable<ExpertNode> Children(string name);

    /// <summary>The element's text ("" when it has none).</summary>
    public abstract string Text { get; }

    public ExpertNode? Child(string name) => Children(name).FirstOrDefault();

    /// <summary>The text of the first child of that name, or null when there is no such child.</summary>
    public string? ChildText(string name) => Child(name)?.Text;
}

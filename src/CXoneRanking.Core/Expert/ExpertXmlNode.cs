using System.Xml.Linq;

namespace CXoneRanking.Expert;

/// <summary>An element of an XML answer (Expert's default wire format).</summary>
internal sealed class ExpertXmlNode(XElement element) : ExpertNode
{
    public override string? Attribute(string name) => element.Attribute(name)?.Value;

    public override IEnumerable<ExpertNode> Children(string name) => element.Elements(name).Select(e => (ExpertNode)new ExpertXmlNode(e));

    public override string Text => element.Value;
}

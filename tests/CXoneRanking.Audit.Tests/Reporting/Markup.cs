using System.Xml.Linq;

namespace CXoneRanking.Audit.Tests.Reporting;

/// <summary>Reads the writers' output as XML: well-formedness is itself the first check against injected markup.</summary>
internal static class Markup
{
    public static XElement Parse(string markup) =>
        XElement.Parse(markup.StartsWith("<!DOCTYPE html>", StringComparison.Ordinal) ? markup["<!DOCTYPE html>".Length..] : markup);

    public static IEnumerable<XElement> All(this XElement root, string name) => root.DescendantsAndSelf().Where(e => e.Name.LocalName == name);
}

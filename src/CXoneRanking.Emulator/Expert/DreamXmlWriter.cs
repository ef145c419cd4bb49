using System.Text;
using System.Xml;

namespace CXoneRanking.Emulator.Expert;

/// <summary>Writes an element tree as the UTF-8 XML document Expert answers with by default.</summary>
internal static class DreamXmlWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        OmitXmlDeclaration = false,
    };

    public static byte[] Write(XmlElementNode root)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            WriteElement(writer, root);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteElement(XmlWriter writer, XmlElementNode element)
    {
        writer.WriteStartElement(element.Name);
        foreach (var (name, value) in element.Attributes)
        {
            writer.WriteAttributeString(name, value);
        }

        if (element.Text is not null)
        {
            writer.WriteString(element.Text);
        }

        foreach (var child in element.Children)
        {
            WriteElement(writer, child);
        }

        writer.WriteEndElement();
    }
}

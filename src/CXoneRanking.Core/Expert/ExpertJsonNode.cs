using System.Text.Json;

namespace CXoneRanking.Expert;

/// <summary>
/// An element of a Dream JSON answer (<c>dream.out.format=json</c>). Every value is a string on the
/// wire; numbers and booleans are accepted too, as their literal text, for lenient servers.
/// </summary>
internal sealed class ExpertJsonNode(JsonElement value) : ExpertNode
{
    public override string? Attribute(string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@" + name, out var attribute) ? Scalar(attribute) : null;

    public override IEnumerable<ExpertNode> Children(string name)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out var child)) return [];
        return child.ValueKind == JsonValueKind.Array
            ? child.EnumerateArray().Select(item => (ExpertNode)new ExpertJsonNode(item)).ToList()
            : [new ExpertJsonNode(child)];
    }

    public override string Text => value.ValueKind switch
    {
        JsonValueKind.Object => value.TryGetProperty("#text", out var text) ? Scalar(text) ?? string.Empty : string.Empty,
        _ => Scalar(value) ?? string.Empty,
    };

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => null,
    };
}

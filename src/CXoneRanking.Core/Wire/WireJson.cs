using System.Text.Json;
using System.Text.Json.Serialization;

namespace CXoneRanking.Wire;

/// <summary>Source-generated (reflection-free, trimming-safe) serialization of the wire models.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(WireRankingPayload))]
internal sealed partial class WireJsonContext : JsonSerializerContext;

internal static class WireJson
{
    public static byte[] Serialize(WireRankingPayload payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, WireJsonContext.Default.WireRankingPayload);
}

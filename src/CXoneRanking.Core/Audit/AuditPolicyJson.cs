using System.Text.Json;
using System.Text.Json.Serialization;

namespace CXoneRanking.Audit;

/// <summary>The policy file as stored: <c>{"version":1,"retention_days":400,"compress_after_days":1,"max_size_mb":null}</c>.</summary>
internal sealed class AuditPolicyDocument
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("version")]
    public int? Version { get; set; }

    [JsonPropertyName("retention_days")]
    public int? RetentionDays { get; set; }

    [JsonPropertyName("compress_after_days")]
    public int? CompressAfterDays { get; set; }

    // Written even when null, so the file says "no cap" rather than leaving it to be guessed.
    [JsonPropertyName("max_size_mb")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? MaxSizeMB { get; set; }
}

/// <summary>Source-generated (reflection-free) serialization of the policy file; numbers must be JSON numbers.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AuditPolicyDocument))]
internal sealed partial class AuditPolicyJsonContext : JsonSerializerContext;

internal static class AuditPolicyJson
{
    public static byte[] Serialize(AuditPolicyDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, AuditPolicyJsonContext.Default.AuditPolicyDocument);

    /// <exception cref="JsonException">Not JSON, or a member of the wrong type.</exception>
    public static AuditPolicyDocument? Deserialize(byte[] json) =>
        JsonSerializer.Deserialize(json, AuditPolicyJsonContext.Default.AuditPolicyDocument);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace CXoneRanking.Emulator;

// The JSON the emulator answers with. Property names become snake_case through EmulatorJsonContext.

internal sealed record TokenIssued(string AccessToken, int ExpiresIn, string TokenType, string Scope);

internal sealed record AccessKeyTokenIssued(string AccessToken, int ExpiresIn, string TokenType, string RefreshToken, string IdToken);

internal sealed record OpenIdConfiguration(
    string Issuer, string TokenEndpoint, IReadOnlyList<string> GrantTypesSupported,
    IReadOnlyList<string> TokenEndpointAuthMethodsSupported, IReadOnlyList<string> IdTokenSigningAlgValuesSupported);

internal sealed record CXoneConfiguration(
    [property: System.Text.Json.Serialization.JsonPropertyName("tenantId")] string TenantId, string ApiEndpoint);

internal sealed record ErrorReply(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorDescription = null);

internal sealed record SchemaViolation(string Error, IReadOnlyList<string> Problems);

internal sealed record RankingAccepted(
    string SessionId, Guid RankingId, int Accepted, int MaxResultWindow, DateTime AppliedAt, JsonElement Snippets);

internal sealed record SessionState(string State);

internal sealed record EmulatorStatus(
    string Name, string Version, DateTime StartedAt, double UptimeSeconds, int Sessions);

internal sealed record JournalView(int Count, long Dropped, IReadOnlyList<JournalEntry> Entries);

internal sealed record RankingView(
    string SessionId, Guid RankingId, DateTime AppliedAt, int AppliedCount, string? IdempotencyKey, JsonElement Payload);

internal sealed record FaultsQueued(string SessionId, int Pending);

internal sealed record LockView(string SessionId, string State, DateTime? LockedUntil);

internal sealed record ResetDone(bool Reset);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TokenIssued))]
[JsonSerializable(typeof(ErrorReply))]
[JsonSerializable(typeof(AccessKeyTokenIssued))]
[JsonSerializable(typeof(OpenIdConfiguration))]
[JsonSerializable(typeof(CXoneConfiguration))]
[JsonSerializable(typeof(SchemaViolation))]
[JsonSerializable(typeof(RankingAccepted))]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(EmulatorStatus))]
[JsonSerializable(typeof(JournalView))]
[JsonSerializable(typeof(RankingView))]
[JsonSerializable(typeof(FaultsQueued))]
[JsonSerializable(typeof(LockView))]
[JsonSerializable(typeof(ResetDone))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;

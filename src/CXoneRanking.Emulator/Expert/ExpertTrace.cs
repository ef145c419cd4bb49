namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// What the journal keeps of an Expert request besides the common fields: the route template, the
/// user the request ran as, and of the server token only its status, epoch and user part. The token
/// itself, its hash and the secret have no place here, so they can never reach the journal.
/// </summary>
internal sealed record ExpertTrace(string Route, string? RanAs, string? TokenStatus, long? TokenEpoch, string? TokenUser);

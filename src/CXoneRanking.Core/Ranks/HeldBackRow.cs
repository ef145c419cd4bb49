namespace CXoneRanking.Ranks;

/// <summary>
/// A row <c>New-SnippetRank -InvalidRowAction DropSession</c> refused, standing in for its snippet: the snippet id it
/// named and the row's error. Any one holds its whole session back; the audit log records it among the session's
/// candidates (docs/audit-log.md#how-a-ranking-came-to-be), so a history can say which snippet it was.
/// </summary>
public readonly record struct HeldBackRow(string SnippetId, string Error);

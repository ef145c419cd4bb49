using System.Text.Json.Serialization;

namespace CXoneRanking.Emulator.Expert;

// The JSON of the /_emulator/expert/* control endpoints (snake_case), not of Expert itself.

internal sealed record HistorySelectionView(int PageId, int Position, double Rank, string Type, DateTime SelectedAt);

internal sealed record HistorySearchView(
    long QueryId, string Query, string SortedTerms, DateTime SearchedAt, int UserId, int CountResults,
    IReadOnlyList<HistorySelectionView> Selections);

internal sealed record HistoryView(int Count, IReadOnlyList<double> ClickModelExamination, IReadOnlyList<HistorySearchView> Searches);

internal sealed record HistoryLoaded(int Loaded, IReadOnlyList<long> QueryIds);

internal sealed record ExpertFaultsQueued(string Route, int Pending);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HistoryView))]
[JsonSerializable(typeof(HistoryLoaded))]
[JsonSerializable(typeof(ExpertFaultsQueued))]
internal sealed partial class ExpertJsonContext : JsonSerializerContext;

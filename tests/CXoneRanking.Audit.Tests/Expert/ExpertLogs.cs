using CXoneRanking.Expert;

namespace CXoneRanking.Audit.Tests.Expert;

/// <summary>Logged Expert searches for tests, and a search log served as an async stream.</summary>
internal static class ExpertLogs
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static readonly ExpertSearchLogRange Range = new() { Since = T0.AddDays(-1), Before = T0.AddDays(30) };

    public static ExpertLoggedQuery Query(long id, int results, params (long Page, int Position, double Rank)[] selections) => new()
    {
        QueryId = id,
        SearchedAt = T0.AddMinutes(id),
        SortedTerms = "refund",
        ResultCount = results,
        Selections = selections.Select(s => new ExpertSelectedResult
        {
            PageId = s.Page, Position = s.Position, Rank = s.Rank, SelectedAt = T0.AddMinutes(id).AddSeconds(30),
        }).ToList(),
    };

    public static async IAsyncEnumerable<ExpertLoggedQuery> Stream(IEnumerable<ExpertLoggedQuery> queries)
    {
        foreach (var query in queries)
        {
            await Task.Yield();
            yield return query;
        }
    }

    public static ExpertImportSummary Import(string directory, IEnumerable<ExpertLoggedQuery> queries, int batchSize = 1000) =>
        new ExpertSearchLogImport(new AuditLogWriter(directory)) { BatchSize = batchSize }
            .ImportAsync(Stream(queries), Range).GetAwaiter().GetResult();

    public static List<AuditEntry> Read(string directory) => new AuditLogReader(directory).ReadEntries().ToList();
}

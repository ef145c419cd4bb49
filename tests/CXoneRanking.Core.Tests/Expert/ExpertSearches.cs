using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Expert;

/// <summary>Expert searches built in code, for the tests that merge a session's searches.</summary>
internal static class ExpertSearches
{
    public static ExpertSearch Of(long queryId, string query, params (long Page, double Rank)[] results) => new()
    {
        QueryId = queryId,
        Query = query,
        Count = results.Length,
        Results = results.Select((r, i) => new ExpertSearchResult
        {
            QueryId = queryId, Id = r.Page, PageId = r.Page, Rank = r.Rank, Position = i + 1, Title = $"page {r.Page}",
        }).ToList(),
    };
}

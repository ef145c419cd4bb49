namespace CXoneRanking.Expert;

/// <summary>One page of the search log, as asked for with <c>limit</c> and <c>offset</c>.</summary>
public sealed class ExpertSearchLogPage(IReadOnlyList<ExpertLoggedQuery> queries, int offset, int pageSize)
{
    public IReadOnlyList<ExpertLoggedQuery> Queries { get; } = queries;
    public int Offset { get; } = offset;
    public int PageSize { get; } = pageSize;

    /// <summary>A page that came back short of the page size is the last one.</summary>
    public bool IsLast => Queries.Count < PageSize;
}

namespace CXoneRanking.Expert;

/// <summary>A tracked Expert search: <c>&lt;search queryid= count= querycount=&gt;</c> of <c>GET site/query</c>.</summary>
public sealed class ExpertSearch
{
    /// <summary>The site's tracking id for this search; selections are registered against it.</summary>
    public long QueryId { get; init; }

    /// <summary>What was searched for.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>Results in this answer (<c>@count</c>).</summary>
    public int Count { get; init; }

    /// <summary>Results matching the search in all (<c>@querycount</c>), of which this answer is one page.</summary>
    public int TotalCount { get; init; }

    /// <summary>"adaptive" or "simple", when the site says.</summary>
    public string? Ranking { get; init; }

    public int Offset { get; init; }
    public IReadOnlyList<ExpertSearchResult> Results { get; init; } = [];

    public override string ToString() => $"query {QueryId}: {Count} of {TotalCount} result(s) for '{Query}'";
}

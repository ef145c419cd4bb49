namespace CXoneRanking.Expert;

/// <summary>One tracked search from the site's search log (<c>queries/query</c> of <c>GET site/query/log</c>).</summary>
public sealed class ExpertLoggedQuery
{
    public long QueryId { get; init; }

    /// <summary>When it was searched (UTC).</summary>
    public DateTimeOffset SearchedAt { get; init; }

    /// <summary>The search terms, normalized and sorted alphabetically.</summary>
    public string SortedTerms { get; init; } = string.Empty;

    /// <summary>The query as typed, when the site gives it.</summary>
    public string RawQuery { get; init; } = string.Empty;

    /// <summary>How many results matched in all (<c>count.results</c>).</summary>
    public int? ResultCount { get; init; }

    /// <summary>The query this one followed up, when the site says.</summary>
    public long? PreviousQueryId { get; init; }

    public IReadOnlyList<ExpertSelectedResult> Selections { get; init; } = [];

    public override string ToString() => $"query {QueryId} '{SortedTerms}': {Selections.Count} selection(s)";
}

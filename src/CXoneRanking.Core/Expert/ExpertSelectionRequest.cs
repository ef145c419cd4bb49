using System.Globalization;

namespace CXoneRanking.Expert;

/// <summary>
/// What registering a click's selection with Expert needs, read from a snippet that came from
/// Search-CXoneExpert: the page id (its snippet id), the query id and the site's rank (its
/// metadata), and the position the agent saw (its place in the ranking shown, not the site's).
/// </summary>
public sealed class ExpertSelectionRequest
{
    public long QueryId { get; private init; }
    public long PageId { get; private init; }
    public double Rank { get; private init; }
    public int Position { get; private init; }

    /// <summary>The request, or null with the reason in <paramref name="problem"/>; <paramref name="metadata"/> looks a key up.</summary>
    public static ExpertSelectionRequest? From(string snippetId, int position, Func<string, string?> metadata, out string? problem)
    {
        problem = null;
        var queryText = metadata(ExpertSnippetRanks.QueryIdKey);
        if (string.IsNullOrWhiteSpace(queryText))
            problem = $"it carries no '{ExpertSnippetRanks.QueryIdKey}' metadata "
                + "(only snippets from Search-CXoneExpert can be registered with Expert)";
        else if (!long.TryParse(queryText!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var queryId))
            problem = $"its '{ExpertSnippetRanks.QueryIdKey}' '{queryText}' is not a whole number";
        else if (!long.TryParse(snippetId, NumberStyles.None, CultureInfo.InvariantCulture, out var pageId))
            problem = $"its snippet id '{snippetId}' is not an Expert page id";
        else if (position is < 1 or > 65535)
            problem = $"its position {position} is outside 1..65535";
        else if (!TryRank(metadata(ExpertSnippetRanks.RankKey), out var rank))
            problem = $"its '{ExpertSnippetRanks.RankKey}' metadata is missing or not a number";
        else
            return new ExpertSelectionRequest { QueryId = queryId, PageId = pageId, Rank = rank, Position = position };
        return null;
    }

    private static bool TryRank(string? text, out double rank)
    {
        rank = 0;
        return !string.IsNullOrWhiteSpace(text)
            && double.TryParse(text!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out rank)
            && !double.IsNaN(rank) && !double.IsInfinity(rank);
    }

    public override string ToString() =>
        $"page {PageId} of query {QueryId} at position {Position.ToString(CultureInfo.InvariantCulture)}";
}

namespace CXoneRanking.Expert;

/// <summary>One result of a tracked Expert search (a <c>&lt;result&gt;</c> of <c>GET site/query</c>).</summary>
public sealed class ExpertSearchResult
{
    /// <summary>The query this result was shown for; registering a selection needs it.</summary>
    public long QueryId { get; init; }

    /// <summary>The result's own id (<c>result/id</c>): the page id for a page, the file id for a file.</summary>
    public long Id { get; init; }

    /// <summary>The page the result is on: the <c>pageid</c> of its track URI, else <see cref="Id"/>.</summary>
    public long PageId { get; init; }

    public string Title { get; init; } = string.Empty;
    public Uri? Uri { get; init; }

    /// <summary>The site's own URI for registering a selection of this result (<c>uri.track</c>).</summary>
    public Uri? TrackUri { get; init; }

    /// <summary>The search engine's weighted rank, 0..1.</summary>
    public double Rank { get; init; }

    /// <summary>The page's path (<c>page/path</c>), e.g. "Support/Billing/Refunds".</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>"page", "recommended" or "file" (older sites: also "comment").</summary>
    public string Type { get; init; } = "page";

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>1-based place among all results: the request's offset plus the order in this answer.</summary>
    public int Position { get; init; }

    public override string ToString() =>
        $"{Position}. {Title} (page {PageId}, rank {Rank.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)})";
}

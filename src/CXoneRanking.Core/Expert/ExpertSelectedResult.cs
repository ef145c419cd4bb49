namespace CXoneRanking.Expert;

/// <summary>A result someone selected after a logged search (<c>selected-results/result</c>).</summary>
public sealed class ExpertSelectedResult
{
    /// <summary>"page", "recommended" or "file".</summary>
    public string Type { get; init; } = "page";

    public long PageId { get; init; }

    /// <summary>1-based place among the results shown; 0 when the site did not track it.</summary>
    public int Position { get; init; }

    public double? Rank { get; init; }
    public DateTimeOffset? SelectedAt { get; init; }

    public override string ToString() => $"page {PageId} at position {Position}";
}

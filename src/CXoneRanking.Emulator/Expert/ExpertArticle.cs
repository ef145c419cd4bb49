namespace CXoneRanking.Emulator.Expert;

/// <summary>One knowledge-base page of the emulated site. Path is the page's address below the site root.</summary>
internal sealed record ExpertArticle(
    int PageId, string Title, string Path, IReadOnlyList<string> Tags, string Summary, string Author, DateTimeOffset Modified)
{
    public int WordCount => Summary.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}

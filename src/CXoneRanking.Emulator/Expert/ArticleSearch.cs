namespace CXoneRanking.Emulator.Expert;

/// <summary>One article that matched a search, with its rank in (0, 1].</summary>
internal sealed record SearchHit(ExpertArticle Article, double Rank);

/// <summary>
/// The emulator's search engine: a plain term-match score with the field weights of Expert's
/// default term query (title 10, path 4, description 3, tag 2, content 1; the summary serves as
/// both description and content). An article matches when any search word appears in any field;
/// its rank is the weight it earned over the most it could earn, rounded to four places, so the
/// same search always ranks the same pages the same way. Hits come best first, ties by page id.
/// </summary>
internal sealed class ArticleSearch
{
    private const int TitleWeight = 10;
    private const int PathWeight = 4;
    private const int SummaryWeight = 3 + 1;
    private const int TagWeight = 2;
    private const int MaxWeight = TitleWeight + PathWeight + SummaryWeight + TagWeight;

    private readonly (ExpertArticle Article, HashSet<string> Title, HashSet<string> Path, HashSet<string> Summary, HashSet<string> Tags)[] index;

    public ArticleSearch(IReadOnlyList<ExpertArticle> articles)
    {
        index = [.. articles.Select(a => (
            a,
            SearchTerms.MatchForms(a.Title),
            SearchTerms.MatchForms(a.Path),
            SearchTerms.MatchForms(a.Summary),
            SearchTerms.MatchForms(string.Join(' ', a.Tags))))];
    }

    public IReadOnlyList<ExpertArticle> Articles => [.. index.Select(i => i.Article)];

    public IReadOnlyList<SearchHit> Search(string query)
    {
        var terms = SearchTerms.MatchForms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        foreach (var entry in index)
        {
            var earned = terms.Sum(t => Weight(entry.Title, t, TitleWeight) + Weight(entry.Path, t, PathWeight)
                + Weight(entry.Summary, t, SummaryWeight) + Weight(entry.Tags, t, TagWeight));
            if (earned > 0)
            {
                hits.Add(new SearchHit(entry.Article, Math.Round((double)earned / (MaxWeight * terms.Count), 4)));
            }
        }

        return [.. hits.OrderByDescending(h => h.Rank).ThenBy(h => h.Article.PageId)];
    }

    public ExpertArticle? Find(int pageId) => Array.Find(index, i => i.Article.PageId == pageId).Article;

    private static int Weight(HashSet<string> field, string term, int weight) => field.Contains(term) ? weight : 0;
}

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// Generates the --expert-history searches: N searches spread uniformly over the 30 days before the
/// emulator started (ending an hour before, so no selection lies in the future), each run through
/// the real search engine, with selections drawn from <see cref="ClickModel"/>. Everything comes
/// from one Random seeded with --seed (0 when none is given), so a seed always yields the same log.
/// </summary>
internal static class SeededHistory
{
    public static readonly TimeSpan Span = TimeSpan.FromDays(30);

    private static readonly string[] Queries =
    [
        "refund", "how do I get a refund", "refund policy", "charged twice", "billing address", "payment methods",
        "invoice", "reset password", "forgot password", "locked account", "two factor authentication", "change email",
        "close account", "track order", "where is my package", "shipping rates", "international shipping customs",
        "damaged package", "return item", "exchange size", "cancel order", "cancel subscription", "pause subscription",
        "upgrade plan", "chargeback", "promo code", "gift card balance", "warranty claim", "device will not turn on",
        "update app", "contact support hours", "complaint supervisor", "loyalty points", "xyzzy",
    ];

    public static IReadOnlyList<LoggedSearch> Generate(int count, int seed, DateTimeOffset anchor, ArticleSearch engine)
    {
        var random = new Random(seed);
        var start = DreamFormat.ToSecond(anchor - Span);
        var window = (long)(Span - TimeSpan.FromHours(1)).TotalSeconds;
        var drafts = new List<(DateTimeOffset At, string Query, int UserId, double[] Draws)>(count);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddSeconds(random.NextInt64(window));
            var query = Queries[random.Next(Queries.Length)];
            var userId = random.NextDouble() < 0.7 ? ExpertUsers.AnonymousId : ExpertUsers.AgentId;
            var draws = new double[ClickModel.Examination.Count * 2];
            for (var d = 0; d < draws.Length; d++)
            {
                draws[d] = random.NextDouble();
            }

            drafts.Add((at, query, userId, draws));
        }

        var searches = new List<LoggedSearch>(count);
        long id = 0;
        foreach (var draft in drafts.OrderBy(d => d.At))
        {
            var hits = engine.Search(draft.Query);
            var search = new LoggedSearch(++id, draft.Query, draft.At, draft.UserId, hits.Count);
            var selectedAt = draft.At;
            for (var position = 1; position <= Math.Min(hits.Count, ClickModel.Examination.Count); position++)
            {
                var hit = hits[position - 1];
                if (draft.Draws[position - 1] < ClickModel.SelectProbability(position, hit.Rank))
                {
                    selectedAt = selectedAt.AddSeconds(5 + (int)(draft.Draws[ClickModel.Examination.Count + position - 1] * 85));
                    search.Select(new LoggedSelection(hit.Article.PageId, position, hit.Rank, "page", selectedAt));
                }
            }

            searches.Add(search);
        }

        return searches;
    }
}

using System.Runtime.CompilerServices;

namespace CXoneRanking.Expert;

/// <summary>
/// Reads the whole search log in a fixed range: limit/offset pages until one comes back short of
/// the page size (an exactly full last page costs one more, empty, request). A site that ignores
/// the offset and repeats a page is caught rather than read forever.
/// </summary>
internal static class ExpertSearchLogPager
{
    public static async IAsyncEnumerable<ExpertLoggedQuery> ReadAllAsync(
        ExpertConnection connection, ExpertSearchLogRange range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = 0;
        long? previousFirst = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await connection.ReadSearchLogPageAsync(range, offset, cancellationToken).ConfigureAwait(false);
            if (page.Queries.Count > 0 && page.Queries[0].QueryId == previousFirst)
                throw ExpertErrors.Unreadable(ExpertSearchLogReader.Endpoint,
                    $"the page at offset {offset} repeats the previous one; the site may not support paging with offset");
            foreach (var query in page.Queries)
                yield return query;
            if (page.IsLast) yield break;
            previousFirst = page.Queries[0].QueryId;
            offset += page.Queries.Count;
        }
    }
}

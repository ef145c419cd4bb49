using System.Globalization;
using System.Runtime.CompilerServices;

namespace CXoneRanking.Expert;

/// <summary>
/// Reads the whole search log in a fixed range: limit/offset pages until one comes back short of
/// the page size (an exactly full last page costs one more, empty, request). A page larger than the
/// answer cap is asked for again at half the size, down to one query, and reading goes on at the
/// size that fitted: the log's size is the site's, not something the user can choose. A site that
/// ignores the offset and repeats a page is caught rather than read forever, and so is one that keeps
/// answering new pages past <see cref="ExpertSearchLogRange.MaxQueries"/>.
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
            var page = await ReadFittingPageAsync(connection, range, offset, cancellationToken).ConfigureAwait(false);
            range = range.WithPageSize(page.PageSize);
            if (page.Queries.Count > 0 && page.Queries[0].QueryId == previousFirst)
                throw ExpertErrors.Unreadable(ExpertSearchLogReader.Endpoint,
                    $"the page at offset {offset} repeats the previous one; the site may not support paging with offset");
            foreach (var query in page.Queries)
                yield return query;
            if (page.IsLast) yield break;
            if (offset + page.Queries.Count >= range.MaxQueries)
                throw ExpertErrors.Unreadable(ExpertSearchLogReader.Endpoint, string.Format(CultureInfo.InvariantCulture,
                    "the site still had more pages after {0} searches, the most one import reads; the site may be paging without end. "
                    + "Import shorter ranges (-Since/-Until)", offset + page.Queries.Count));
            previousFirst = page.Queries[0].QueryId;
            offset += page.Queries.Count;
        }
    }

    private static async Task<ExpertSearchLogPage> ReadFittingPageAsync(
        ExpertConnection connection, ExpertSearchLogRange range, int offset, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await connection.ReadSearchLogPageAsync(range, offset, cancellationToken).ConfigureAwait(false);
            }
            catch (ExpertApiException e) when (e.Failure == ExpertFailure.AnswerTooLarge && range.PageSize > 1)
            {
                range = range.WithPageSize(range.PageSize / 2);
            }
            catch (ExpertApiException e) when (e.Failure == ExpertFailure.AnswerTooLarge)
            {
                // The transport's advice (ask for less) no longer helps: the rest of its message still names the site and the cap.
                throw new ExpertApiException(
                    $"{e.Message.Split(';')[0].TrimEnd('.')} even for one query alone (the one at offset {offset} of the range), "
                    + "so the search log cannot be read past it. Import a range that ends before that search, and one that starts after it.",
                    ExpertFailure.AnswerTooLarge, e.HttpStatus, e);
            }
        }
    }
}

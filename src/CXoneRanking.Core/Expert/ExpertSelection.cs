using System.Globalization;

namespace CXoneRanking.Expert;

/// <summary>
/// Registers a tracked selection (<c>POST site/query/{queryid}</c>). A result's own track URI is
/// used only when it points at this site's API, so a token is never sent to another host.
/// </summary>
internal static class ExpertSelection
{
    public const string Endpoint = "site/query/{queryid}";

    public static async Task RegisterAsync(
        ExpertConnection connection, long queryId, long pageId, double rank, int position, CancellationToken cancellationToken)
    {
        if (queryId <= 0) throw new ArgumentOutOfRangeException(nameof(queryId), queryId, "The query id must be positive.");
        if (pageId <= 0) throw new ArgumentOutOfRangeException(nameof(pageId), pageId, "The page id must be positive.");
        if (double.IsNaN(rank) || double.IsInfinity(rank)) throw new ArgumentOutOfRangeException(nameof(rank), rank, "The rank must be a number.");
        if (position is < 1 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(position), position, "The position must be 1..65535.");
        var relative = $"site/query/{ExpertConnection.Text(queryId)}?pageid={ExpertConnection.Text(pageId)}"
            + $"&rank={rank.ToString("R", CultureInfo.InvariantCulture)}&position={ExpertConnection.Text(position)}&type=page";
        await connection.PostAsync(new Uri(connection.ApiUri, relative), Endpoint, cancellationToken).ConfigureAwait(false);
    }

    public static async Task RegisterAsync(ExpertConnection connection, ExpertSearchResult result, CancellationToken cancellationToken)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (IsThisSitesTrackUri(connection, result))
        {
            await connection.PostAsync(result.TrackUri!, Endpoint, cancellationToken).ConfigureAwait(false);
            return;
        }
        await RegisterAsync(connection, result.QueryId, result.PageId, result.Rank, result.Position, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsThisSitesTrackUri(ExpertConnection connection, ExpertSearchResult result) =>
        result.TrackUri is { } track
        && Uri.Compare(track, connection.ApiUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && track.AbsolutePath.StartsWith(connection.ApiUri.AbsolutePath + "site/query/", StringComparison.OrdinalIgnoreCase);
}

using System.Globalization;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// The addresses Expert puts in its answers, all on the emulator's own origin as the client reached
/// it: the API at <c>/@api/deki</c> and article pages at their paths, as on a real Expert site.
/// </summary>
internal static class ExpertUris
{
    public const string ApiBase = "/@api/deki";

    public static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}";

    public static string Api(HttpContext context, string relative) => $"{Origin(context)}{ApiBase}/{relative}";

    public static string Page(HttpContext context, string path) => $"{Origin(context)}/{path}";

    public static string PageApi(HttpContext context, int pageId) =>
        Api(context, "pages/" + pageId.ToString(CultureInfo.InvariantCulture));

    public static string User(HttpContext context, int userId) =>
        Api(context, "users/" + userId.ToString(CultureInfo.InvariantCulture));

    public static string QueryLog(HttpContext context, long queryId) =>
        Api(context, "site/query/log/" + queryId.ToString(CultureInfo.InvariantCulture));

    /// <summary>uri.track of a search result, parameters in Expert's order; position only when sorted by rank.</summary>
    public static string Track(HttpContext context, long queryId, int pageId, double rank, int? position)
    {
        var track = string.Create(
            CultureInfo.InvariantCulture,
            $"{Api(context, "site/query/")}{queryId}?pageid={pageId}&rank={DreamFormat.Number(rank)}&type=page");
        return position is int p ? track + "&position=" + p.ToString(CultureInfo.InvariantCulture) : track;
    }
}

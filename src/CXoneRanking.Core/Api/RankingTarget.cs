namespace CXoneRanking.Api;

/// <summary>
/// The target a ranking entry records: the API base address and the ranking path template, e.g.
/// <c>https://acme.api.cxone.com/api/v2/agentassist/sessions/{sessionId}/snippets/ranking</c>.
/// Only the scheme, host, port and path are kept: user info, query and fragment could carry a
/// secret and never name a different ranking store. Submit-SnippetRanking -SkipUnchanged trusts
/// only entries of the same target (docs/design.md#skipping-unchanged-sessions).
/// </summary>
public static class RankingTarget
{
    public static string Of(CXoneConnection connection)
    {
        if (connection is null) throw new ArgumentNullException(nameof(connection));
        return Of(connection.BaseUri, connection.RankingPathTemplate);
    }

    public static string Of(Uri baseUri, string rankingPathTemplate)
    {
        if (baseUri is null) throw new ArgumentNullException(nameof(baseUri));
        var root = baseUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        return root + "/" + (rankingPathTemplate ?? string.Empty).TrimStart('/');
    }
}

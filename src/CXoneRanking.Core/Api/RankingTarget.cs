namespace CXoneRanking.Api;

/// <summary>
/// The target a ranking entry records: the API base address and the ranking path template, then
/// whose rankings they are: the tenant when the sign-in named one, else the client, e.g.
/// <c>https://acme.api.cxone.com/api/v2/agentassist/sessions/{sessionId}/snippets/ranking tenant=11e1...</c>.
/// CXone serves many tenants from one API host, so the address alone does not name a ranking
/// store. Only the scheme, host, port and path of the address are kept: user info, query and
/// fragment could carry a secret. A tenant id and a client id are not secrets; the client secret
/// and tokens never appear. Submit-SnippetRanking -SkipUnchanged trusts only entries of the same
/// target (docs/design.md#skipping-unchanged-sessions), so entries written before the tenant was
/// part of it (the address alone) are never trusted again.
/// </summary>
public static class RankingTarget
{
    public static string Of(CXoneConnection connection)
    {
        if (connection is null) throw new ArgumentNullException(nameof(connection));
        return Of(connection.BaseUri, connection.RankingPathTemplate, connection.TenantId, connection.ClientId);
    }

    /// <summary>The target at <paramref name="tenantId"/>, or at <paramref name="clientId"/> when no tenant is known.</summary>
    public static string Of(Uri baseUri, string rankingPathTemplate, string? tenantId, string clientId) =>
        Of(baseUri, rankingPathTemplate) + (tenantId is { Length: > 0 } ? " tenant=" + tenantId : " client=" + clientId);

    /// <summary>The address part alone: the whole target of entries written before tenants were recorded.</summary>
    public static string Of(Uri baseUri, string rankingPathTemplate)
    {
        if (baseUri is null) throw new ArgumentNullException(nameof(baseUri));
        var root = baseUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        return root + "/" + (rankingPathTemplate ?? string.Empty).TrimStart('/');
    }
}

namespace CXoneRanking.Expert;

/// <summary>Who a server API token signs in as, from <c>GET users/current</c>.</summary>
public sealed class ExpertUser(long? id, string username)
{
    public long? Id { get; } = id;
    public string Username { get; } = username;

    /// <summary>The site ignored or refused the token and treated the request as anonymous.</summary>
    public bool IsAnonymous => string.Equals(Username, "Anonymous", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Id is { } id ? $"{Username} (user {id})" : Username;
}

/// <summary>Reads <c>&lt;user id="…"&gt;&lt;username&gt;…&lt;/username&gt;…&lt;/user&gt;</c> or its Dream JSON.</summary>
internal static class ExpertUserReader
{
    public const string Endpoint = "users/current";

    public static ExpertUser Read(string body, CancellationToken cancellationToken = default)
    {
        var user = ExpertDocument.Parse(body, "user", Endpoint, cancellationToken);
        return new ExpertUser(
            ExpertValues.OptionalId(user.Attribute("id"), "user/@id", Endpoint),
            ExpertValues.Required(user.ChildText("username"), "user/username", Endpoint));
    }
}

namespace CXoneRanking.Emulator;

/// <summary>
/// Admits API requests that carry a live bearer token and answers 401 for the rest, in the shape
/// of RFC 6750 so a client can tell "log in again" from other failures.
/// </summary>
internal static class BearerGate
{
    public static async Task<bool> AdmitAsync(HttpContext context, TokenStore tokens)
    {
        var check = tokens.Check(context.Request.Headers.Authorization.ToString());
        if (check == TokenCheck.Valid)
        {
            return true;
        }

        var (detail, description) = check switch
        {
            TokenCheck.Missing => ("missing_token", "no bearer token"),
            TokenCheck.Malformed => ("malformed_token", "the Authorization header is not 'Bearer <token>'"),
            TokenCheck.Expired => ("token_expired", "token expired"),
            _ => ("unknown_token", "token not issued by this emulator"),
        };
        context.JournalNote().Record(JournalOutcome.Rejected, detail);
        context.Response.Headers.WWWAuthenticate = check == TokenCheck.Missing
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{description}\"";
        await JsonReply.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_token", description);
        return false;
    }
}

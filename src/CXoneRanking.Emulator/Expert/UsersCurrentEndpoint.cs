namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// <c>GET /@api/deki/users/current</c>: the user the request runs as, Anonymous without a valid
/// server token, in the shape of Expert's user document (id, href, nick, username, fullname, email,
/// date.created, status, language, timezone, permissions.user/role).
/// </summary>
internal sealed class UsersCurrentEndpoint(ExpertGate gate)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (await gate.AdmitAsync(context, ExpertRoutes.UsersCurrent) is not { } user)
        {
            return;
        }

        var document = new XmlElementNode("user")
            .Attr("id", user.Id)
            .Attr("href", ExpertUris.User(context, user.Id))
            .Elem("nick", user.Name)
            .Elem("username", user.Name)
            .Elem("fullname", user.FullName)
            .Elem("email", user.Email)
            .Elem("date.created", user.Created)
            .Elem("status", "active")
            .Elem("language", "")
            .Elem("timezone", "+00:00")
            .Add(new XmlElementNode("permissions.user").Elem("role", user.Role));
        context.JournalNote().Record(JournalOutcome.ExpertUser, user.Name);
        await DreamReply.WriteAsync(context, StatusCodes.Status200OK, document);
    }
}

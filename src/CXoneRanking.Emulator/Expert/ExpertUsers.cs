namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// The emulated site's accounts. As on a fresh Expert site, user 1 is the administrator and user 2
/// is Anonymous, whom every request without a valid server token runs as; user 3 is a plain agent
/// account for rehearsing a token that signs in but may not read the search log. Users 4 to 7 have
/// names a token must percent-encode (non-ASCII, '_', '%', a leading '='), as NICE's guide asks.
/// User 8, ranking-bot, is the account the README's and the help's examples sign in as, so that they
/// run against the emulator as written; it is an Admin, as a bot that imports the search log must be.
/// </summary>
internal sealed class ExpertUsers
{
    public const int AdminId = 1;
    public const int AnonymousId = 2;
    public const int AgentId = 3;

    private static readonly DateTimeOffset SiteCreated = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly ExpertUser[] users =
    [
        new(AdminId, "admin", "Emulator Admin", "admin@example.com", "Admin", SiteCreated),
        new(AnonymousId, "Anonymous", "", "", "Guest", SiteCreated),
        new(AgentId, "agent", "Contact Centre Agent", "agent@example.com", "Viewer", SiteCreated),
        new(4, "J\u00f6rg", "J\u00f6rg M\u00fcller", "joerg@example.com", "Viewer", SiteCreated),
        new(5, "night_shift", "Night Shift", "night@example.com", "Viewer", SiteCreated),
        new(6, "ad%6Din", "Percent In Name", "percent@example.com", "Viewer", SiteCreated),
        new(7, "=team", "Equals Team", "team@example.com", "Viewer", SiteCreated),
        new(8, "ranking-bot", "Ranking Bot", "ranking-bot@example.com", "Admin", SiteCreated),
    ];

    public ExpertUser Anonymous => users[1];

    public IReadOnlyList<ExpertUser> All => users;

    /// <summary>
    /// Finds the user a server token names: a numeric user id, or a user name after <c>=</c>. Names
    /// compare without regard to case, as Expert's do.
    /// </summary>
    public ExpertUser? Find(string tokenUser)
    {
        if (tokenUser.StartsWith('='))
        {
            var name = tokenUser[1..];
            return Array.Find(users, u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        return int.TryParse(tokenUser, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? Array.Find(users, u => u.Id == id)
            : null;
    }

    public ExpertUser? FindById(int id) => Array.Find(users, u => u.Id == id);
}

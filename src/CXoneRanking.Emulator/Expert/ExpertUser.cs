namespace CXoneRanking.Emulator.Expert;

/// <summary>One Expert user account. Role names are Expert's built-in ones; only Admin may read the search log.</summary>
internal sealed record ExpertUser(int Id, string Name, string FullName, string Email, string Role, DateTimeOffset Created)
{
    public bool IsAdmin => string.Equals(Role, "Admin", StringComparison.Ordinal);

    public bool IsAnonymous => Id == ExpertUsers.AnonymousId;
}

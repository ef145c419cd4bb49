using CXoneRanking.Audit;
using CXoneRanking.Ranking;

namespace CXoneRanking.History;

/// <summary>
/// A -SessionId of Get-RankingHistory that holds wildcard characters (*, ? or [), read as PowerShell's -like reads it
/// (<see cref="WildcardMatcher"/>: case-insensitive, backtick escapes). Session ids may hold those characters, so the
/// exact id wins: the pattern is used only when no entry of the log has it as its exact session id (Get-Item needs
/// -LiteralPath for a file named 'a[1]'; trying the exact id first needs no second parameter).
/// </summary>
internal sealed class SessionIdPattern
{
    private static readonly char[] WildcardCharacters = ['*', '?', '['];

    private readonly WildcardMatcher _matcher;
    private readonly List<string> _matched = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private SessionIdPattern(string text, WildcardMatcher matcher)
    {
        Text = text;
        _matcher = matcher;
    }

    /// <summary>The pattern of <paramref name="id"/>; null when it holds no wildcard character or is no valid pattern.</summary>
    public static SessionIdPattern? Of(string id)
    {
        if (id.IndexOfAny(WildcardCharacters) < 0) return null;
        var matcher = new WildcardMatcher(id);
        return matcher.Problem is null ? new SessionIdPattern(id, matcher) : null;
    }

    public string Text { get; }

    /// <summary>True once an entry of the log has <see cref="Text"/> as its exact session id.</summary>
    public bool ExactIdSeen { get; private set; }

    /// <summary>The other session ids it matched with a submission, in the order the log first holds them.</summary>
    public IReadOnlyList<string> Matched => _matched;

    public bool Matches(string sessionId) => _matcher.IsMatch(sessionId);

    /// <summary>Takes the session id of one entry, in file order.</summary>
    public void See(string sessionId, AuditEntry entry)
    {
        if (string.Equals(sessionId, Text, StringComparison.Ordinal)) ExactIdSeen = true;
        else if ((entry.Event == AuditEvent.RankingSending || AuditEvent.IsRanking(entry.Event)) && Matches(sessionId) && _seen.Add(sessionId))
            _matched.Add(sessionId);
    }
}

namespace CXoneRanking;

/// <summary>An error or warning found while building a session's ranking.</summary>
public sealed class RankingIssue(string code, string message, string? snippetId = null)
{
    /// <summary>A stable identifier, one of <see cref="RankingIssueCodes"/>; error ids reuse it.</summary>
    public string Code { get; } = code;

    public string Message { get; } = message;

    /// <summary>The snippet the issue concerns, when it concerns one.</summary>
    public string? SnippetId { get; } = snippetId;

    /// <summary>The rule behind an Excluded warning: the engine's own answer, so a history never matches the rules again.</summary>
    internal BoostDirective? Rule { get; init; }

    public override string ToString() => $"{Code}: {Message}";
}

using System.Management.Automation;
using CXoneRanking.Ranking;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// The options of SPEC section 3 shared by every cmdlet that ranks sessions, and the grouping of
/// piped ranks by session in the order sessions are first seen.
/// </summary>
public abstract class RankingCommandBase : PSCmdlet
{
    private SessionGrouper? _sessions;

    /// <summary>How many snippets each session's ranking keeps, 1..50.</summary>
    [Parameter]
    [ValidateRange(1, 50)]
    public int MaxResultWindow { get; set; } = 10;

    [Parameter]
    [ValidateNotNull]
    public BoostDirective[] BoostDirective { get; set; } = [];

    [Parameter]
    public OverflowMode Overflow { get; set; } = OverflowMode.Rescale;

    /// <summary>Min-max scale each session's relevance scores before boosts.</summary>
    [Parameter]
    public SwitchParameter Normalize { get; set; }

    /// <summary>The session for ranks that carry none.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SessionId { get; set; }

    protected SessionGrouper Sessions => _sessions ??= new SessionGrouper(SessionId);

    protected RankingOptions Options => new()
    {
        MaxResultWindow = MaxResultWindow,
        Directives = BoostDirective,
        Overflow = Overflow,
        Normalize = Normalize.IsPresent,
        DefaultSessionId = SessionId,
    };

    /// <summary>Every session's ranking, in first-seen order.</summary>
    protected IEnumerable<RankingValidationResult> RankSessions()
    {
        var options = Options;
        return Sessions.Sessions.Select(s => RankingEngine.RankSession(s.Key, s.Value, options));
    }
}

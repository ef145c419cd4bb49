using System.Management.Automation;
using CXoneRanking.Ranking;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// The options of docs/design.md#ranking-rules shared by every cmdlet that ranks sessions, and the grouping of
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

    // Kept as an int: a field of a Core enum would make PowerShell load Core while it scans this
    // assembly for cmdlets, before the module's load context exists (Loading/ModuleInitializer).
    private int _overflow = (int)OverflowMode.Rescale;

    [Parameter]
    public OverflowMode Overflow { get => (OverflowMode)_overflow; set => _overflow = (int)value; }

    /// <summary>Min-max scale each session's relevance scores before boosts.</summary>
    [Parameter]
    public SwitchParameter Normalize { get; set; }

    /// <summary>The session for ranks that carry none.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Infrastructure.SessionIdCompleter))]
    public string? SessionId { get; set; }

    private SessionGrouper Sessions => _sessions ??= new SessionGrouper(SessionId);

    /// <summary>How many sessions the piped ranks named so far.</summary>
    protected int SessionCount => _sessions?.Count ?? 0;

    /// <summary>Collects ranks, from an array too; anything else is a named error that goes on.</summary>
    protected void AddRanks(object? input)
    {
        switch (input is PSObject wrapped ? wrapped.BaseObject : input)
        {
            case null: break;
            case SnippetRank rank: Sessions.Add(rank); break;
            case System.Collections.IEnumerable many and not string:
                foreach (var item in many) AddRanks(item);
                break;
            case var other when TryAddPrepared(other): break;
            case var other:
                WriteError(new ErrorRecord(new ArgumentException($"Cannot rank a {other.GetType().Name}: pipe {AcceptedInput}."),
                    "UnsupportedInput", ErrorCategory.InvalidType, input));
                break;
        }
    }

    /// <summary>Takes an input that is not a rank (an already ranked session); false when unused.</summary>
    protected virtual bool TryAddPrepared(object input) => false;

    /// <summary>What the cmdlet takes from the pipeline, for the error about anything else.</summary>
    protected virtual string AcceptedInput => "ranks from New-SnippetRank";

    protected RankingOptions Options => new()
    {
        MaxResultWindow = MaxResultWindow,
        Directives = BoostDirective,
        Overflow = Overflow,
        Normalize = Normalize.IsPresent,
        DefaultSessionId = SessionId,
    };

    /// <summary>Every session's ranking, in first-seen order.</summary>
    protected IEnumerable<RankingValidationResult> RankSessions() => Sessions.RankAll(Options);
}

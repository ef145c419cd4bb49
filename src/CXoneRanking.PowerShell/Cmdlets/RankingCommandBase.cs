using System.Management.Automation;
using CXoneRanking.Experiments;
using CXoneRanking.PowerShell.Completion;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Paths;
using CXoneRanking.Ranking;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// The options of docs/design.md#ranking-rules shared by every cmdlet that ranks sessions, and the grouping of
/// piped ranks by session in the order sessions are first seen.
/// </summary>
public abstract class RankingCommandBase : PSCmdlet
{
    private SessionGrouper? _sessions;
    private int _inputNumber;

    /// <summary>How many snippets each session's ranking keeps, 1..50.</summary>
    [Parameter]
    [ValidateRange(SnippetRules.MinWindow, SnippetRules.MaxWindow)]
    public int MaxResultWindow { get; set; } = SnippetRules.DefaultWindow;

    private BoostDirective[] _boostDirective = [];

    /// <summary>Rules, or paths of JSON rule files (read as New-BoostDirective -Path reads them); none ($null) ranks without rules.</summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    [DirectiveFileTransformation]
    public BoostDirective[] BoostDirective { get => _boostDirective; set => _boostDirective = value ?? []; }

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
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public string? SessionId { get; set; }

    /// <summary>Rank each session in an arm of this experiment (docs/experiments.md).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Experiment { get; set; }

    private BoostDirective[] _treatmentDirective = [];

    /// <summary>Directives the experiment's Treatment arm applies after -BoostDirective.</summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    [DirectiveFileTransformation]
    public BoostDirective[] TreatmentDirective { get => _treatmentDirective; set => _treatmentDirective = value ?? []; }

    /// <summary>The share of sessions in Treatment, 1..99 percent.</summary>
    [Parameter]
    [ValidateRange(1, RankingExperiment.MaxTreatmentPercent)]
    public int TreatmentPercent { get; set; } = RankingExperiment.DefaultTreatmentPercent;

    private SessionGrouper Sessions => _sessions ??= new SessionGrouper(SessionId);

    /// <summary>How many sessions the piped ranks named so far.</summary>
    protected int SessionCount => _sessions?.Count ?? 0;

    /// <summary>
    /// Collects ranks, from an array too; anything else is a named error that goes on. Each object is numbered
    /// as every row error numbers it: its 1-based position in this cmdlet's input, an array's items one by one.
    /// </summary>
    protected void AddRanks(object? input)
    {
        switch (input is PSObject wrapped ? wrapped.BaseObject : input)
        {
            case null: break;
            case System.Collections.IEnumerable many and not string:
                foreach (var item in many) AddRanks(item);
                break;
            case SnippetRank rank:
                Sessions.Add(rank, ++_inputNumber);
                break;
            case var other when TryAddPrepared(other):
                _inputNumber++;
                break;
            case var other:
                WriteError(ErrorRecords.Create(
                    new ArgumentException($"Cannot rank input {++_inputNumber}, a {other.GetType().Name}: pipe {AcceptedInput}."),
                    "UnsupportedInput", ErrorCategory.InvalidType, input,
                    "Pipe snippet ranks (New-SnippetRank), rankings (Test-RankingPayload) or rows with session_id, snippet_id and relevance_score."));
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
    protected IEnumerable<SessionRanking> RankSessions() =>
        ExperimentOrNull() is { } experiment ? experiment.RankAll(Sessions, Options) : Sessions.RankAll(Options);

    /// <summary>The experiment the parameters name, or null; a terminating error when they cannot run one.</summary>
    protected Experiments.RankingExperiment? ExperimentOrNull()
    {
        if (Experiment is null)
        {
            foreach (var name in new[] { nameof(TreatmentDirective), nameof(TreatmentPercent) })
                if (MyInvocation.BoundParameters.ContainsKey(name)) ThrowTerminatingError(ExperimentErrors.ExperimentMissing(name));
            return null;
        }
        if (Experiments.RankingExperiment.NameProblem(Experiment) is { } problem)
            ThrowTerminatingError(ExperimentErrors.InvalidExperiment(problem, Experiment));
        return new Experiments.RankingExperiment(Experiment, TreatmentDirective, TreatmentPercent);
    }

    /// <summary>False, with an error naming the session, for an already ranked session that is not in this call's experiment.</summary>
    protected bool InThisExperiment(SessionRanking prepared)
    {
        if (Experiment is null || string.Equals(prepared.Experiment, Experiment, StringComparison.Ordinal)) return true;
        WriteError(ExperimentErrors.ExperimentMismatch(prepared, Experiment));
        return false;
    }

    /// <summary>" (experiment 'x', arm Treatment)" for a ranking in an experiment, else empty: for -WhatIf and Verbose.</summary>
    protected static string ArmNote(SessionRanking ranking) =>
        ranking.Arm is null ? string.Empty : $" (experiment '{ranking.Experiment}', arm {ranking.Arm})";
}

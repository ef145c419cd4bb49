using System.Collections;
using System.Management.Automation;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Rows;
using CXoneRanking.PowerShell.Views;
using CXoneRanking.Ranking;
using CXoneRanking.Rows;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Creates the ranking input for one knowledge snippet, from parameters or from piped rows.</summary>
[Cmdlet(VerbsCommon.New, "SnippetRank", DefaultParameterSetName = FromParameters)]
[OutputType(typeof(SnippetRank))]
public sealed class NewSnippetRankCommand : PSCmdlet
{
    private const string FromParameters = "FromParameters";
    private const string FromPipeline = "FromPipeline";

    private SnippetRowReader _reader = null!;
    private PipedRow _rows = null!;
    private int _inputNumber;

    // Kept as an int: see RankingCommandBase's Overflow (a Core enum field would load Core too early).
    private int _invalidRowAction = (int)CXoneRanking.InvalidRowAction.DropRow;

    [Parameter(ParameterSetName = FromParameters, Mandatory = true, Position = 0)]
    [Alias(RowColumns.SnippetIdCsv, RowColumns.SnippetIdShort)]
    public string SnippetId { get; set; } = string.Empty;

    [Parameter(ParameterSetName = FromParameters, Mandatory = true, Position = 1)]
    [Alias(RowColumns.RelevanceScoreCsv, RowColumns.RelevanceScoreShort)]
    public double RelevanceScore { get; set; }

    [Parameter(ParameterSetName = FromParameters)]
    [Alias(RowColumns.BoostFactorCsv, RowColumns.BoostFactorShort)]
    public double BoostFactor { get; set; } = 1.0;

    /// <summary>The session; for piped rows, used when a row carries none.</summary>
    [Parameter]
    [Alias(RowColumns.SessionIdCsv)]
    public string? SessionId { get; set; }

    /// <summary>Metadata for the snippet; for piped rows, added to every row's own.</summary>
    [Parameter]
    public Hashtable? Metadata { get; set; }

    /// <summary>A CSV row, object or hashtable with snippet_id, relevance_score, ... columns.</summary>
    [Parameter(ParameterSetName = FromPipeline, Mandatory = true, ValueFromPipeline = true)]
    public PSObject InputObject { get; set; } = null!;

    /// <summary>Names of input columns to copy into Metadata, e.g. category.</summary>
    [Parameter(ParameterSetName = FromPipeline)]
    [ValidateNotNullOrEmpty]
    public string[]? MetadataProperty { get; set; }

    /// <summary>The score matrix: input column to weight (weights above 0, summing to 1).</summary>
    [Parameter(ParameterSetName = FromPipeline)]
    [ValidateNotNullOrEmpty]
    public Hashtable? SignalWeight { get; set; }

    /// <summary>
    /// What a refused row does to its session: DropRow (the default) sends the session without it; DropSession
    /// passes on a stand-in rank that holds the whole session back (Test-RankingPayload reports it invalid,
    /// Submit-SnippetRanking audits it and sends nothing).
    /// </summary>
    [Parameter]
    public InvalidRowAction InvalidRowAction
    {
        get => (InvalidRowAction)_invalidRowAction;
        set => _invalidRowAction = (int)value;
    }

    protected override void BeginProcessing()
    {
        ScoreMatrix? matrix = null;
        if (SignalWeight is not null)
        {
            matrix = ScoreMatrix.Create(RowCells.Entries(SignalWeight), out var problem);
            if (matrix is null)
                ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidSignalWeight", $"-SignalWeight: {problem}.", SignalWeight,
                    "Give -SignalWeight as a hashtable of input column to weight, each above 0 and summing to 1."));
        }
        _reader = new SnippetRowReader(MetadataProperty, matrix, SessionId, RowCells.UnwrappedValues(Metadata), InvalidRowAction);
        _rows = new PipedRow(_reader);
    }

    protected override void ProcessRecord()
    {
        _inputNumber++;
        var result = ParameterSetName == FromPipeline
            ? _rows.Read(InputObject, _inputNumber)
            : _reader.Read(ParameterCells(), _inputNumber);
        if (result.Rank is { } rank)
        {
            // Only a piped row has a place in an input; each call of the parameter form is its own input of one.
            if (ParameterSetName == FromPipeline) rank.InputNumber = _inputNumber;
            WriteObject(TableVariant.ForRank(rank));
            return;
        }
        WriteError(ErrorRecords.InvalidInput(result.Issue!, ParameterSetName == FromPipeline ? InputObject : SnippetId));
        if (result.StandIn is { } standIn) WriteObject(TableVariant.ForRank(standIn));
    }

    private IEnumerable<KeyValuePair<string, object?>> ParameterCells()
    {
        yield return new(RowColumns.SnippetId, SnippetId);
        yield return new(RowColumns.RelevanceScore, RelevanceScore);
        yield return new(RowColumns.BoostFactor, BoostFactor);
    }
}

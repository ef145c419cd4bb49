using System.Management.Automation;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.Ranking;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Creates a boost or exclude rule over snippet metadata or snippet ids, or reads rules from a JSON file.</summary>
// The default set is the file set, whose only parameter is never piped: PowerShell binds a piped row to the
// default set's parameters first, and -Factor (an object, so that bad cells get a named error) would
// bind there at once and tie a snippet_id,factor row to the metadata set.
[Cmdlet(VerbsCommon.New, "BoostDirective", DefaultParameterSetName = FromFile)]
[OutputType(typeof(BoostDirective))]
public sealed class NewBoostDirectiveCommand : PSCmdlet
{
    private const string Boost = "Boost";
    private const string Exclusion = "Exclude";
    private const string FromFile = "Path";
    private const string SnippetBoost = "SnippetBoost";
    private const string SnippetExclusion = "SnippetExclude";

    private int _inputNumber;

    [Parameter(ParameterSetName = Boost, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = Exclusion, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = SnippetBoost, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = SnippetExclusion, ValueFromPipelineByPropertyName = true)]
    [Alias("metadata_key", "Key")]
    [ValidateNotNullOrEmpty]
    public string MetadataKey { get; set; } = string.Empty;

    /// <summary>A wildcard pattern matched case-insensitively against the metadata value.</summary>
    [Parameter(ParameterSetName = Boost, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = Exclusion, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = SnippetBoost, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = SnippetExclusion, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Value { get; set; } = "*";

    /// <summary>A wildcard pattern matched case-insensitively against the snippet id.</summary>
    [Parameter(ParameterSetName = SnippetBoost, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = SnippetExclusion, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("snippet_id")]
    [ValidateNotNullOrEmpty]
    public string? SnippetId { get; set; }

    // Also taken by the exclude sets, only so that -Factor with -Exclude reaches the named BoostOrExclude
    // error below instead of PowerShell's generic "parameter set cannot be resolved". An object, read as
    // New-SnippetRank reads numbers: a CSV cell such as 'abc' or '0,8' then gets a named error with its input
    // number and value, where a double would get the binder's "did not contain ... Factor" and stop nothing else.
    [Parameter(ParameterSetName = Boost, Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = SnippetBoost, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = Exclusion, ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Parameter(ParameterSetName = SnippetExclusion, ValueFromPipelineByPropertyName = true, DontShow = true)]
    public object? Factor { get; set; }

    [Parameter(ParameterSetName = Exclusion, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = SnippetExclusion, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public SwitchParameter Exclude { get; set; }

    /// <summary>JSON files holding an array of rules; wildcards allowed.</summary>
    [Parameter(ParameterSetName = FromFile, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    protected override void ProcessRecord()
    {
        if (ParameterSetName == FromFile)
        {
            foreach (var file in Path) ReadFile(file);
            return;
        }
        _inputNumber++;
        var subject = SnippetId is null ? $"'{MetadataKey}'" : $"snippet id '{SnippetId}'";
        // Piped rules (Import-Csv rules.csv) are named by their 1-based place in the input, as New-SnippetRank names rows.
        if (MyInvocation.ExpectingInput) subject += $", input {_inputNumber}";
        if (Exclude && MyInvocation.BoundParameters.ContainsKey(nameof(Factor)))
        {
            WriteError(ErrorRecords.InvalidArgument("BoostOrExclude",
                $"Boost directive on {subject}: a rule either boosts (-Factor) or excludes (-Exclude), not both.", Factor,
                "Give -Factor to boost the matching snippets, or -Exclude to drop them; make two rules to do both to different snippets."));
            return;
        }
        var factor = 1.0;
        if (!Exclude && !InvariantNumber.TryRead(Factor is PSObject wrapped ? wrapped.BaseObject : Factor, out factor, out var why))
        {
            WriteError(ErrorRecords.InvalidArgument("InvalidBoostDirective", $"Boost directive on {subject}: factor {why}.", Factor,
                "Write the factor as a number with a dot for decimals, as in 1.25: above 0 and at most 10."));
            return;
        }
        var directive = new BoostDirective
        {
            MetadataKey = MetadataKey, Value = Value, SnippetId = SnippetId, Exclude = Exclude, Factor = factor,
        };
        if (directive.Problem() is { } problem)
            WriteError(ErrorRecords.InvalidArgument("InvalidBoostDirective", $"Boost directive on {subject}: {problem}.", directive,
                "Correct the rule as the message says; Get-Help New-BoostDirective shows the rules' form."));
        else
            WriteObject(directive);
    }

    private void ReadFile(string path)
    {
        IEnumerable<string> files;
        try
        {
            files = GetResolvedProviderPathFromPSPath(path, out _);
        }
        catch (ItemNotFoundException e)
        {
            WriteError(ErrorRecords.Create(e, "DirectiveFileNotFound", ErrorCategory.ObjectNotFound, path,
                "Check the path; relative paths are read from the current PowerShell location."));
            return;
        }
        foreach (var file in files)
        {
            try
            {
                WriteObject(BoostDirectiveFile.Read(file), enumerateCollection: true);
            }
            catch (Exception e) when (e is DirectiveFileException or IOException or UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.Create(e, "InvalidDirectiveFile", ErrorCategory.InvalidData, file,
                    "Correct the file where the message says: a JSON array of rules, as Export-BoostDirective writes it."));
            }
        }
    }
}

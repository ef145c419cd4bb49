using System.Management.Automation;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Paths;
using CXoneRanking.Ranking;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Writes boost directives to the JSON file that New-BoostDirective -Path reads.</summary>
[Cmdlet(VerbsData.Export, "BoostDirective", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportBoostDirectiveCommand : PSCmdlet
{
    private readonly List<BoostDirective> _directives = [];
    private bool _invalid;

    /// <summary>The file to write; relative paths are resolved against the current location.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public BoostDirective[] InputObject { get; set; } = [];

    /// <summary>Replace the file if it exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>With no directive to write, replace an existing file with an empty list all the same.</summary>
    [Parameter]
    public SwitchParameter AllowEmpty { get; set; }

    /// <summary>Output the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var directive in InputObject)
        {
            if (directive is null) continue;
            if (directive.Problem() is { } problem)
            {
                _invalid = true;
                WriteError(ErrorRecords.InvalidArgument("InvalidBoostDirective", $"Boost directive {directive}: {problem}.", directive,
                    "Correct or leave out the rule the message names; the file is written only when every rule is sound."));
            }
            else _directives.Add(directive);
        }
    }

    protected override void EndProcessing()
    {
        var file = FileSystemPath.ResolveOutputFile(this, Path);
        // A file with only some of the rules would rank differently from what was asked for.
        if (_invalid)
        {
            WriteError(ErrorRecords.Create(new InvalidOperationException($"'{file}' was not written because some directives are invalid."),
                "DirectiveFileNotWritten", ErrorCategory.InvalidData, file,
                "Correct or leave out the rules named in the errors before this one, then export again."));
            return;
        }
        // A quiet night learns nothing: the nightly "-AsDirective | Export-BoostDirective -Force" must not
        // wipe the factors of earlier nights. A file that does not exist yet gets the empty list, for the next step to read.
        if (_directives.Count == 0 && !AllowEmpty && File.Exists(file))
        {
            WriteWarning($"There is nothing to write (no boost directive was given): '{file}' was kept as it is. "
                + "Give -AllowEmpty (with -Force) to replace it with an empty list.");
            return;
        }
        if (FileSystemPath.RefuseToReplace(file, Force, "DirectiveFileExists") is { } exists)
        {
            WriteError(exists);
            return;
        }
        if (!ShouldProcess(file, $"Write {_directives.Count} boost directive(s)")) return;
        try
        {
            BoostDirectiveFileWriter.WriteFile(file, _directives);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(ErrorRecords.Create(e, "DirectiveFileUnwritable", ErrorCategory.WriteError, file,
                "Check that the folder exists and that you can write to it, or give another path."));
            return;
        }
        // Said as a second run says it: whatever reads this file (Measure-RankingChange, Submit-SnippetRanking) then uses no rule.
        if (_directives.Count == 0 && !AllowEmpty)
            WriteWarning($"There is nothing to write (no boost directive was given): '{file}' was created with an empty list, "
                + "so that New-BoostDirective -Path can read it; ranking or estimating with it uses no rule.");
        WriteVerbose($"Wrote {_directives.Count} boost directive(s) to '{file}'.");
        if (PassThru) WriteObject(new FileInfo(file));
    }
}

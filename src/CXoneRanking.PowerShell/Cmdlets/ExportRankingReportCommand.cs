using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Completion;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Paths;
using CXoneRanking.PowerShell.WhatIf;
using CXoneRanking.Reporting;
using CXoneRanking.WhatIf;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Writes a self-contained HTML report with charts of the audit log's submissions, latency and clicks.</summary>
[Cmdlet(VerbsData.Export, "RankingReport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportRankingReportCommand : AuditLogQueryCommandBase
{
    /// <summary>The HTML file to write; relative paths are resolved against the current location.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("OutFile")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The audit log directory; here without the -Path alias, which is the report file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public override string? AuditPath { get => base.AuditPath; set => base.AuditPath = value; }

    /// <summary>Count only these sessions (exact ids).</summary>
    [Parameter]
    [Alias("session_id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public string[]? SessionId { get; set; }

    /// <summary>The report's heading and browser tab title.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    /// <summary>Replace the file if it exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Output the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private BoostDirective[] _proposedDirective = [];

    /// <summary>Rules (or rule files) to estimate in a what-if section, as Measure-RankingChange -BoostDirective takes them.</summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyCollection]
    [DirectiveFileTransformation]
    public BoostDirective[] ProposedDirective { get => _proposedDirective; set => _proposedDirective = value ?? []; }

    /// <summary>With -ProposedDirective: re-rank each showing with its logged rules followed by the proposed ones.</summary>
    [Parameter]
    public SwitchParameter KeepLoggedRules { get; set; }

    protected override void EndProcessing()
    {
        var file = FileSystemPath.ResolveOutputFile(this, Path);
        // Checked before the log is read: a long read that ends in "file exists" wastes the admin's time.
        if (FileSystemPath.RefuseToReplace(file, Force, "ReportFileExists") is { } exists)
        {
            WriteError(exists);
            return;
        }
        if (System.IO.Path.GetDirectoryName(file) is { } folder && !Directory.Exists(folder))
        {
            var missing = new DirectoryNotFoundException($"Cannot write the report to '{file}': the folder '{folder}' does not exist.");
            WriteError(ErrorRecords.Create(missing, "ReportFolderNotFound", ErrorCategory.ObjectNotFound, file,
                $"Create the folder first (New-Item -ItemType Directory -Path '{folder}'), or give -OutFile a path in an existing folder."));
            return;
        }
        var proposal = MyInvocation.BoundParameters.ContainsKey(nameof(ProposedDirective)) ? ProposedDirective : null;
        if (proposal is not null) RankingChangeRun.RefuseInvalidDirectives(this, proposal, nameof(ProposedDirective));
        // The builder tees each entry into the same metrics calculator Get-RankingMetrics uses; a proposal's
        // showings are read in the same pass, as Measure-RankingChange reads them.
        var filter = Filter(SessionId);
        var builder = new RankingReportBuilder(filter) { Title = Title };
        var measurement = proposal is null ? null : new RankingChangeMeasurement(proposal, filter)
        {
            KeepLoggedRules = KeepLoggedRules,
            DirectiveFiles = DirectiveFileTransformationAttribute.FilesRead(proposal),
        };
        var collected = ReadLog((reader, entries) =>
        {
            foreach (var entry in entries)
            {
                builder.Add(entry, reader.FileDay!.Value);
                measurement?.Add(entry);
            }
            return builder;
        }, out var directory, out var filesRead, measurement is null ? null : measurement.WantsCandidates);
        if (collected is null) return;
        WriteVerbose($"Read {filesRead} audit file(s) in '{directory}'.");
        if (measurement is not null && !EstimateProposal(builder, measurement, proposal!, directory)) return;
        var verification = Verify(directory);
        if (verification is null) return;
        var report = builder.Build(verification);
        if (!verification.IsValid) WriteWarning($"The audit chain is broken: {verification}. The report says so at the top.");
        if (!ShouldProcess(file, $"Write the ranking report ({report.Metrics.Submissions} submissions, {report.Metrics.Clicks} clicks)")) return;
        try
        {
            HtmlReportWriter.WriteFile(file, report);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(ErrorRecords.Create(e, "ReportFileUnwritable", ErrorCategory.WriteError, file,
                "Check that you can write to the file and its folder (and that no program holds it open), or give another path."));
            return;
        }
        WriteVerbose($"Wrote the report to '{file}'.");
        if (PassThru) WriteObject(new FileInfo(file));
    }

    /// <summary>The what-if section's estimate, as Measure-RankingChange makes it with its defaults; false when stopped.</summary>
    private bool EstimateProposal(RankingReportBuilder builder, RankingChangeMeasurement measurement, BoostDirective[] proposal,
        string directory)
    {
        var logged = measurement.Result();
        var estimate = RankingChangeRun.Estimate(this, Reading, directory, measurement, logged, new WhatIfSettings());
        if (estimate is null) return false;
        if (estimate.Sessions == 0) WriteWarning(RankingChangeRun.NothingToEstimate(directory, RangeText(), logged));
        builder.WhatIf = estimate;
        builder.ProposedDirectives = proposal;
        return true;
    }

    /// <summary>The whole chain's verification (a period cannot be verified without the entries before it); null when stopped.</summary>
    private AuditVerificationResult? Verify(string directory) =>
        Reading.Read(directory, $"Verifying the audit log in {directory}",
            (stopping, progress) => AuditChainVerifier.Verify(directory, stopping, progress));
}

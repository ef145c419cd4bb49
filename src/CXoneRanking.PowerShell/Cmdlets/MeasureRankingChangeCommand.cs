using System.Globalization;
using System.Management.Automation;
using CXoneRanking.PowerShell.Paths;
using CXoneRanking.PowerShell.WhatIf;
using CXoneRanking.Ranking;
using CXoneRanking.WhatIf;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Estimates from the audit log what a change of boost directives would have done to click-through and mean reciprocal rank.</summary>
[Cmdlet(VerbsDiagnostic.Measure, "RankingChange")]
[OutputType(typeof(RankingChangeEstimate))]
public sealed class MeasureRankingChangeCommand : AuditLogQueryCommandBase
{
    private BoostDirective[] _boostDirective = [];

    /// <summary>The proposed rules, or paths of JSON rule files; none ($null, @()) estimates ranking without rules.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [AllowNull]
    [AllowEmptyCollection]
    [DirectiveFileTransformation]
    public BoostDirective[] BoostDirective { get => _boostDirective; set => _boostDirective = value ?? []; }

    /// <summary>Re-rank each showing with its logged rules followed by the proposed ones, instead of the proposed ones alone.</summary>
    [Parameter]
    public SwitchParameter KeepLoggedRules { get; set; }

    /// <summary>The window of every proposed ranking, 1..50; without it, each session's logged window.</summary>
    [Parameter]
    [ValidateRange(SnippetRules.MinWindow, SnippetRules.MaxWindow)]
    public int MaxResultWindow { get; set; }

    /// <summary>Session bootstrap resamples, the click model refitted on each.</summary>
    [Parameter]
    [ValidateRange(RankingChangeMeasurement.MinResamples, RankingChangeMeasurement.MaxResamples)]
    public int Resamples { get; set; } = WhatIfSettings.DefaultResamples;

    /// <summary>The bootstrap's seed: the same log, proposal and seed give the same figures.</summary>
    [Parameter]
    public int Seed { get; set; } = WhatIfSettings.DefaultSeed;

    protected override bool NeedsLog => true;

    protected override void EndProcessing()
    {
        var files = DirectiveFileTransformationAttribute.FilesRead(BoostDirective);
        foreach (var file in files) WriteVerbose($"Read the proposed rules from '{file}'.");
        // Both checked before the log is read: a long read that ends in "bad rule" wastes the admin's time.
        RankingChangeRun.RefuseInvalidDirectives(this, BoostDirective, nameof(BoostDirective));
        var measurement = new RankingChangeMeasurement(BoostDirective, Filter())
        {
            MaxResultWindow = MyInvocation.BoundParameters.ContainsKey(nameof(MaxResultWindow)) ? MaxResultWindow : null,
            KeepLoggedRules = KeepLoggedRules,
            DirectiveFiles = files,
        };
        var logged = ReadLog(measurement.Read, out var directory, out var filesRead, measurement.WantsCandidates);
        if (logged is null) return;
        WriteVerbose(string.Format(CultureInfo.InvariantCulture,
            "Read {0} audit file(s) in '{1}': {2} showing(s) with candidates, {3} without (logged before candidates were recorded), "
                + "{4} imported Expert search(es).",
            filesRead, directory, logged.Showings.Count, logged.WithoutCandidates, logged.ExpertSearches));
        var settings = new WhatIfSettings { Resamples = Resamples, Seed = Seed };
        var estimate = RankingChangeRun.Estimate(this, Reading, directory, measurement, logged, settings);
        if (estimate is null) return;
        if (estimate.Sessions == 0) WriteWarning(RankingChangeRun.NothingToEstimate(directory, RangeText(), logged));
        WriteObject(estimate);
    }
}

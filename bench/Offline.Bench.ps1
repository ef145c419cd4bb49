<#
.SYNOPSIS
    The offline pipeline on 100k CSV rows (2,000 sessions x 50) against Import-Csv alone.
    Goal: the module's pipeline at most 0.15x (of the baseline) above the floor measured in the
    same run (the least this pipeline needs with the same parameters). Also reports the first
    call in a fresh process (cold) and, in WorkingSet.Bench.ps1, the peak working set.
#>
param([int] $Rounds = 9, [switch] $Stages)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
Import-CXoneRankingForBench
$csv = New-RankingCsv -Path (Join-Path (Get-BenchDataDirectory) 'big.csv')

# The floors: two binary cmdlets that do nothing but take each object (the first passes it on);
# no pipeline of two cmdlets after Import-Csv can be faster. Then the same with the first cmdlet
# reading the five columns of each row (PSObject.Members, the fastest public way) into a plain
# object: what any cmdlet that reads those columns pays before it parses or checks anything.
$floor = Add-Type -PassThru -TypeDefinition @'
using System.Management.Automation;
public sealed class BenchRow { public object A, B, C, D, E; }
[Cmdlet("Pass", "BenchObject")] public sealed class PassBenchObject : PSCmdlet
{ [Parameter(ValueFromPipeline = true)] public object InputObject { get; set; } protected override void ProcessRecord() { WriteObject(InputObject); } }
[Cmdlet("Drop", "BenchObject")] public sealed class DropBenchObject : PSCmdlet
{ [Parameter(ValueFromPipeline = true)] public object InputObject { get; set; } protected override void ProcessRecord() { } }
[Cmdlet("Read", "BenchRow")] public sealed class ReadBenchRow : PSCmdlet
{
    [Parameter(ValueFromPipeline = true)] public PSObject InputObject { get; set; }
    private static object Cell(PSMemberInfoCollection<PSMemberInfo> row, string name) { return ((PSPropertyInfo)row[name]).Value; }
    protected override void ProcessRecord()
    {
        var row = InputObject.Members;
        WriteObject(new BenchRow { A = Cell(row, "session_id"), B = Cell(row, "snippet_id"), C = Cell(row, "relevance_score"), D = Cell(row, "boost_factor"), E = Cell(row, "category") });
    }
}
'@
Import-Module -Assembly $floor[0].Assembly

# The least any implementation of this pipeline costs here: two binary cmdlets that declare the
# same parameters as New-SnippetRank and Test-RankingPayload (PowerShell walks every unbound
# parameter for every row, and checks the other parameter set's mandatory ones), the first reading
# the five columns and parsing the two numbers, the second keeping each row's values per session
# (strings shared) and sorting each session at the end. No checks, no metadata, no explanations,
# no results: what the module does on top of this floor is the cost of its ranking rules.
$minimal = Add-Type -PassThru -TypeDefinition @'
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
public sealed class MinimalRank { public string Session, Id, Category; public double Score, Boost; }
public struct MinimalValue { public string Id, Category; public double Score; }
public enum MinimalOverflow { Rescale, Clamp, Fail }
[Cmdlet("Read", "MinimalRank", DefaultParameterSetName = "FromParameters")]
public sealed class ReadMinimalRank : PSCmdlet
{
    [Parameter(ParameterSetName = "FromParameters", Mandatory = true, Position = 0)] public string SnippetId { get; set; }
    [Parameter(ParameterSetName = "FromParameters", Mandatory = true, Position = 1)] public double RelevanceScore { get; set; }
    [Parameter(ParameterSetName = "FromParameters")] public double BoostFactor { get; set; }
    [Parameter] public string SessionId { get; set; }
    [Parameter] public Hashtable Metadata { get; set; }
    [Parameter(ParameterSetName = "FromPipeline", Mandatory = true, ValueFromPipeline = true)] public PSObject InputObject { get; set; }
    [Parameter(ParameterSetName = "FromPipeline")] [ValidateNotNullOrEmpty] public string[] MetadataProperty { get; set; }
    [Parameter(ParameterSetName = "FromPipeline")] [ValidateNotNullOrEmpty] public Hashtable SignalWeight { get; set; }
    [Parameter] public string InvalidRowAction { get; set; }
    private static string Cell(PSMemberInfoCollection<PSMemberInfo> row, string name) { return (string)((PSPropertyInfo)row[name]).Value; }
    protected override void ProcessRecord()
    {
        var row = InputObject.Members;
        WriteObject(new MinimalRank {
            Session = Cell(row, "session_id"), Id = Cell(row, "snippet_id"), Category = Cell(row, "category"),
            Score = double.Parse(Cell(row, "relevance_score"), CultureInfo.InvariantCulture),
            Boost = double.Parse(Cell(row, "boost_factor"), CultureInfo.InvariantCulture) });
    }
}
[Cmdlet("Group", "MinimalRank")]
public sealed class GroupMinimalRank : PSCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipeline = true)] [AllowNull] [AllowEmptyCollection] public object InputObject { get; set; }
    [Parameter] public SwitchParameter Quiet { get; set; }
    [Parameter] [ValidateRange(1, 50)] public int MaxResultWindow { get; set; }
    [Parameter] [ValidateNotNull] public object[] BoostDirective { get; set; }
    [Parameter] public MinimalOverflow Overflow { get; set; }
    [Parameter] public SwitchParameter Normalize { get; set; }
    [Parameter] [ValidateNotNullOrEmpty] public string SessionId { get; set; }
    [Parameter] [ValidateNotNullOrEmpty] public string Experiment { get; set; }
    [Parameter] [ValidateNotNull] public object[] TreatmentDirective { get; set; }
    [Parameter] [ValidateRange(1, 99)] public int TreatmentPercent { get; set; }
    private readonly Dictionary<string, List<MinimalValue>> _bySession = new Dictionary<string, List<MinimalValue>>();
    private readonly List<List<MinimalValue>> _sessions = new List<List<MinimalValue>>();
    private readonly Dictionary<string, string> _strings = new Dictionary<string, string>();
    private string _lastSession;
    private List<MinimalValue> _last;
    private string Share(string value) { string shared; if (_strings.TryGetValue(value, out shared)) return shared; _strings.Add(value, value); return value; }
    protected override void ProcessRecord()
    {
        var rank = (MinimalRank)((PSObject)InputObject).BaseObject;
        if (rank.Session != _lastSession)
        {
            if (!_bySession.TryGetValue(rank.Session, out _last)) { _last = new List<MinimalValue>(50); _bySession.Add(rank.Session, _last); _sessions.Add(_last); }
            _lastSession = rank.Session;
        }
        _last.Add(new MinimalValue { Id = Share(rank.Id), Category = Share(rank.Category), Score = rank.Score * rank.Boost });
    }
    protected override void EndProcessing()
    {
        foreach (var session in _sessions)
        {
            session.Sort((a, b) => b.Score.CompareTo(a.Score));
            WriteObject(session.Count > MaxResultWindow ? session.GetRange(0, MaxResultWindow) : session);
        }
    }
}
'@
Import-Module -Assembly $minimal[0].Assembly

# The floor holds only while it binds like the module's cmdlets: same names, sets, mandatory and
# pipeline flags, positions.
function Get-ParameterShape([string] $Command) {
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $shape = foreach ($parameter in (Get-Command $Command).Parameters.Values) {
        if ($parameter.Name -in $common) { continue }
        foreach ($set in $parameter.ParameterSets.GetEnumerator()) {
            '{0} {1} mandatory={2} pipeline={3} position={4}' -f $parameter.Name, $set.Key, $set.Value.IsMandatory, $set.Value.ValueFromPipeline, $set.Value.Position
        }
    }
    ($shape | Sort-Object) -join '; '
}
foreach ($pair in @(@('New-SnippetRank', 'Read-MinimalRank'), @('Test-RankingPayload', 'Group-MinimalRank'))) {
    if ((Get-ParameterShape $pair[0]) -ne (Get-ParameterShape $pair[1])) {
        throw "$($pair[1]) no longer declares the parameters of $($pair[0]); update the minimal floor in bench/Offline.Bench.ps1."
    }
}

$case = [ordered]@{
    baseline = { Import-Csv $csv | Out-Null }
    floor    = { Import-Csv $csv | Pass-BenchObject | Drop-BenchObject }
    reading  = { Import-Csv $csv | Read-BenchRow | Drop-BenchObject }
    minimal  = { Import-Csv $csv | Read-MinimalRank -MetadataProperty category | Group-MinimalRank -MaxResultWindow 50 | Out-Null }
    module   = { Import-Csv $csv | New-SnippetRank -MetadataProperty category | Test-RankingPayload -MaxResultWindow 50 | Out-Null }
}
if ($Stages) {
    $ranks = Import-Csv $csv | New-SnippetRank -MetadataProperty category
    $case['new-snippetrank'] = { Import-Csv $csv | New-SnippetRank -MetadataProperty category | Out-Null }
    $case['test-payload (piped ranks)'] = { $ranks | Test-RankingPayload -MaxResultWindow 50 | Out-Null }
}
$median = Measure-Rounds -Case $case -Rounds $Rounds
if ($Stages) { $median.GetEnumerator() | ForEach-Object { '{0,-28} {1,8:n0} ms' -f $_.Key, $_.Value } | Write-Host }

$ratio = $median.module / $median.baseline
$floorRatio = $median.minimal / $median.baseline
$cold = @{
    baseline = Measure-FirstCall -Command "Import-Csv '$csv' | Out-Null"
    module   = Measure-FirstCall -Command (
        "Import-Csv '$csv' | New-SnippetRank -MetadataProperty category | Test-RankingPayload -MaxResultWindow 50 | Out-Null")
}
New-FloorResult -Name 'two no-op binary cmdlets after Import-Csv' `
    -Baseline 'Import-Csv big.csv | Out-Null' -BaselineMs $median.baseline `
    -Floor 'Import-Csv | Pass-BenchObject | Drop-BenchObject' -FloorMs $median.floor
New-FloorResult -Name 'a binary cmdlet reading five columns of each row, then a no-op one' `
    -Baseline 'Import-Csv big.csv | Out-Null' -BaselineMs $median.baseline `
    -Floor 'Import-Csv | Read-BenchRow | Drop-BenchObject' -FloorMs $median.reading
New-FloorResult -Name 'the least this pipeline needs, with the same parameters as the two cmdlets' `
    -Baseline 'Import-Csv big.csv | Out-Null' -BaselineMs $median.baseline `
    -Floor 'Import-Csv | Read-MinimalRank -MetadataProperty category | Group-MinimalRank -MaxResultWindow 50' -FloorMs $median.minimal
New-BenchResult -Name 'Offline pipeline, 100k rows' `
    -Baseline 'Import-Csv big.csv | Out-Null' -BaselineMs $median.baseline `
    -Module 'Import-Csv | New-SnippetRank -MetadataProperty category | Test-RankingPayload -MaxResultWindow 50' -ModuleMs $median.module `
    -RatioText ('{0:n2}x the baseline, {1:n2}x above the floor' -f $ratio, ($ratio - $floorRatio)) `
    -Goal 'at most 0.15x above the floor measured in the same run' -Met ($ratio - $floorRatio -le 0.15)
New-BenchResult -Name 'Offline pipeline, 100k rows, first call in a fresh process (report only)' `
    -Baseline 'Import-Csv big.csv | Out-Null, first call' -BaselineMs $cold.baseline `
    -Module 'the offline pipeline, first call' -ModuleMs $cold.module `
    -RatioText ('{0:n2}x the baseline' -f ($cold.module / $cold.baseline)) -Goal 'report only' -Met $true

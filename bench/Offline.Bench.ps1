<#
.SYNOPSIS
    The offline pipeline on 100k CSV rows (2,000 sessions x 50) against Import-Csv alone.
    Goal: the module's pipeline at most 2.0x the baseline. Also reports the peak working set.
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

$case = [ordered]@{
    baseline = { Import-Csv $csv | Out-Null }
    floor    = { Import-Csv $csv | Pass-BenchObject | Drop-BenchObject }
    reading  = { Import-Csv $csv | Read-BenchRow | Drop-BenchObject }
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
New-BenchResult -Name 'Floor: two no-op binary cmdlets after Import-Csv (report only)' `
    -Baseline 'Import-Csv big.csv | Out-Null' -BaselineMs $median.baseline `
    -Module 'Import-Csv | Pass-BenchObject | Drop-BenchObject' -ModuleMs $median.floor `
    -RatioText ('{0:n2}x the baseline' -f ($median.floor / $median.baseline)) -Goal 'report only' -Met $true
New-BenchResult -Name 'Floor: a binary cmdlet reading five columns of each row, then a no-op one (report only)' `
    -Baseline 'Import-Csv big.csv | Out-Null' -BaselineMs $median.baseline `
    -Module 'Import-Csv | Read-BenchRow | Drop-BenchObject' -ModuleMs $median.reading `
    -RatioText ('{0:n2}x the baseline' -f ($median.reading / $median.baseline)) -Goal 'report only' -Met $true
New-BenchResult -Name 'Offline pipeline, 100k rows' `
    -Baseline 'Import-Csv big.csv | Out-Null' -BaselineMs $median.baseline `
    -Module 'Import-Csv | New-SnippetRank -MetadataProperty category | Test-RankingPayload -MaxResultWindow 50' -ModuleMs $median.module `
    -RatioText ('{0:n2}x the baseline' -f $ratio) -Goal 'at most 2.0x' -Met ($ratio -le 2.0)

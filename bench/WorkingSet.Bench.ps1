<#
.SYNOPSIS
    Peak working set of the 100k-row offline pipeline, in a fresh process (report only), next to
    the peak of Import-Csv alone on the same file.
#>
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
$csv = New-RankingCsv -Path (Join-Path (Get-BenchDataDirectory) 'big.csv')
$pwsh = Join-Path $PSHOME 'pwsh.dll'
$manifest = Join-Path (Get-BenchRoot) 'out/CXoneRanking/CXoneRanking.psd1'

function Get-PeakWorkingSetMiB([string] $Command) {
    $probe = "$Command; [Math]::Round([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB, 1)"
    [double](& dotnet $pwsh -NoProfile -NonInteractive -Command $probe | Select-Object -Last 1)
}
$baseline = Get-PeakWorkingSetMiB "Import-Csv '$csv' | Out-Null"
$module = Get-PeakWorkingSetMiB "Import-Module '$manifest'; Import-Csv '$csv' | New-SnippetRank -MetadataProperty category | Test-RankingPayload -MaxResultWindow 50 | Out-Null"
New-BenchResult -Name 'Peak working set, 100k-row offline pipeline (report only)' `
    -Baseline 'Import-Csv big.csv | Out-Null (MiB)' -BaselineMs $baseline `
    -Module 'the offline pipeline (MiB)' -ModuleMs $module `
    -RatioText ('{0:n0} MiB vs {1:n0} MiB' -f $module, $baseline) -Goal 'report only' -Met $true

<#
.SYNOPSIS
    Module import time: pwsh -NoProfile -Command "Import-Module CXoneRanking" against
    pwsh -NoProfile -Command exit, alternating processes. Goal: at most 1.3x.
#>
param([int] $Rounds = 9)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
$pwsh = Join-Path $PSHOME 'pwsh.dll'
$manifest = Join-Path (Get-BenchRoot) 'out/CXoneRanking/CXoneRanking.psd1'
$median = Measure-Rounds -Rounds $Rounds -Case ([ordered]@{
    baseline = { & dotnet $pwsh -NoProfile -NonInteractive -Command exit }
    module   = { & dotnet $pwsh -NoProfile -NonInteractive -Command "Import-Module '$manifest'" }
})
$ratio = $median.module / $median.baseline
New-BenchResult -Name 'Import-Module in a fresh process' `
    -Baseline 'pwsh -NoProfile -Command exit' -BaselineMs $median.baseline `
    -Module 'pwsh -NoProfile -Command "Import-Module CXoneRanking"' -ModuleMs $median.module `
    -RatioText ('{0:n2}x the baseline' -f $ratio) -Goal 'at most 1.3x' -Met ($ratio -le 1.3)

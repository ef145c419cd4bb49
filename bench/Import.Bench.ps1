<#
.SYNOPSIS
    Module import time: pwsh -NoProfile -Command "Import-Module CXoneRanking" against
    pwsh -NoProfile -Command exit, alternating processes. Goal: at most 1.3x.
    Also reports the floor: importing a manifest that declares nothing, which is what PowerShell
    charges for any module before the module itself does anything.
#>
param([int] $Rounds = 25)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
$pwsh = Join-Path $PSHOME 'pwsh.dll'
$manifest = Join-Path (Get-BenchRoot) 'out/CXoneRanking/CXoneRanking.psd1'
$empty = Join-Path (Get-BenchDataDirectory) 'EmptyModule/EmptyModule.psd1'
$null = New-Item (Split-Path $empty) -ItemType Directory -Force
Set-Content $empty "@{ ModuleVersion = '1.0'; GUID = '6f0c1f7e-0000-4000-8000-00000000e0e0'; FunctionsToExport = @(); CmdletsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }"
# pwsh records the methods it compiled at startup in a profile under $XDG_CACHE_HOME and compiles
# them ahead on its next start. With one shared profile each process would start warm for the
# command run before it, so the figures would depend on the order of the rounds; each command
# gets a cache of its own instead, as a machine that runs the same command every time would have.
function Invoke-Pwsh([string] $Name, [string] $Command) {
    $saved = $env:XDG_CACHE_HOME
    try {
        $env:XDG_CACHE_HOME = Join-Path (Get-BenchDataDirectory) "cache-$Name"
        & dotnet $pwsh -NoProfile -NonInteractive -Command $Command
    }
    finally { $env:XDG_CACHE_HOME = $saved }
}
$median = Measure-Rounds -Rounds $Rounds -Case ([ordered]@{
    baseline = { Invoke-Pwsh exit 'exit' }
    empty    = { Invoke-Pwsh empty "Import-Module '$empty'" }
    module   = { Invoke-Pwsh module "Import-Module '$manifest'" }
})
New-BenchResult -Name 'Floor: Import-Module of a manifest that declares nothing (report only)' `
    -Baseline 'pwsh -NoProfile -Command exit' -BaselineMs $median.baseline `
    -Module 'pwsh -NoProfile -Command "Import-Module EmptyModule"' -ModuleMs $median.empty `
    -RatioText ('{0:n2}x the baseline' -f ($median.empty / $median.baseline)) -Goal 'report only' -Met $true
$ratio = $median.module / $median.baseline
New-BenchResult -Name 'Import-Module in a fresh process' `
    -Baseline 'pwsh -NoProfile -Command exit' -BaselineMs $median.baseline `
    -Module 'pwsh -NoProfile -Command "Import-Module CXoneRanking"' -ModuleMs $median.module `
    -RatioText ('{0:n2}x the baseline' -f $ratio) -Goal 'at most 1.3x' -Met ($ratio -le 1.3)

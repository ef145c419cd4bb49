<#
.SYNOPSIS
    Module import time: pwsh -NoProfile -Command "Import-Module CXoneRanking" against
    pwsh -NoProfile -Command exit, alternating processes. Goal: at most 1.3x.
    Also reports two floors: importing a manifest that declares nothing, which is what PowerShell
    charges for any module before the module itself does anything; and a module shaped like ours
    (twelve binary cmdlets that do nothing, one format file), what any such module costs.
#>
param([int] $Rounds = 25)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
$pwsh = Join-Path $PSHOME 'pwsh.dll'
$manifest = Join-Path (Get-BenchRoot) 'out/CXoneRanking/CXoneRanking.psd1'
$empty = Join-Path (Get-BenchDataDirectory) 'EmptyModule/EmptyModule.psd1'
$null = New-Item (Split-Path $empty) -ItemType Directory -Force
Set-Content $empty "@{ ModuleVersion = '1.0'; GUID = '6f0c1f7e-0000-4000-8000-00000000e0e0'; FunctionsToExport = @(); CmdletsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }"

# The floor for a module shaped like ours: twelve binary cmdlets that do nothing, and one format
# file with one view (any format file makes PowerShell rebuild its whole format database).
$shaped = Join-Path (Get-BenchDataDirectory) 'ShapedModule'
$shapedManifest = Join-Path $shaped 'ShapedModule.psd1'
$null = New-Item $shaped -ItemType Directory -Force
$cmdlets = 1..12 | ForEach-Object { "Get-BenchThing$_" }
# Built afresh every run (Add-Type will not overwrite), so an edit here is never measured stale.
Remove-Item (Join-Path $shaped 'ShapedModule.dll') -ErrorAction Ignore
$source = 'using System.Management.Automation; namespace ShapedModule { public sealed class Thing { public string Name { get; set; } }' +
    (($cmdlets | ForEach-Object { $noun = $_.Substring(4); "[Cmdlet(VerbsCommon.Get, `"$noun`")] [OutputType(typeof(Thing))] public sealed class ${noun}Command : PSCmdlet { [Parameter] public string Name { get; set; } protected override void ProcessRecord() { WriteObject(new Thing { Name = Name }); } }" }) -join ' ') + ' }'
Add-Type -TypeDefinition $source -OutputAssembly (Join-Path $shaped 'ShapedModule.dll') -OutputType Library
Set-Content (Join-Path $shaped 'ShapedModule.Format.ps1xml') @'
<?xml version="1.0" encoding="utf-8"?>
<Configuration><ViewDefinitions><View><Name>Thing</Name><ViewSelectedBy><TypeName>ShapedModule.Thing</TypeName></ViewSelectedBy>
<TableControl><TableHeaders><TableColumnHeader /></TableHeaders><TableRowEntries><TableRowEntry><TableColumnItems><TableColumnItem><PropertyName>Name</PropertyName></TableColumnItem></TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View></ViewDefinitions></Configuration>
'@
Set-Content $shapedManifest ("@{ RootModule = 'ShapedModule.dll'; ModuleVersion = '1.0'; GUID = '6f0c1f7e-0000-4000-8000-00000000e0e1'; FormatsToProcess = @('ShapedModule.Format.ps1xml'); " +
    "CmdletsToExport = @($(($cmdlets | ForEach-Object { "'$_'" }) -join ', ')); FunctionsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }")
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
    shaped   = { Invoke-Pwsh shaped "Import-Module '$shapedManifest'" }
    module   = { Invoke-Pwsh module "Import-Module '$manifest'" }
})
New-FloorResult -Name 'Import-Module of a manifest that declares nothing' `
    -Baseline 'pwsh -NoProfile -Command exit' -BaselineMs $median.baseline `
    -Floor 'pwsh -NoProfile -Command "Import-Module EmptyModule"' -FloorMs $median.empty
New-FloorResult -Name 'Import-Module of twelve no-op binary cmdlets and a one-view format file' `
    -Baseline 'pwsh -NoProfile -Command exit' -BaselineMs $median.baseline `
    -Floor 'pwsh -NoProfile -Command "Import-Module ShapedModule"' -FloorMs $median.shaped
$ratio = $median.module / $median.baseline
New-BenchResult -Name 'Import-Module in a fresh process' `
    -Baseline 'pwsh -NoProfile -Command exit' -BaselineMs $median.baseline `
    -Module 'pwsh -NoProfile -Command "Import-Module CXoneRanking"' -ModuleMs $median.module `
    -RatioText ('{0:n2}x the baseline' -f $ratio) -Goal 'at most 1.3x' -Met ($ratio -le 1.3)

<#
.SYNOPSIS
    Runs every *.Bench.ps1 here and writes bench/results.md: the figures, the machine, the date.
    Used by ./build.ps1 Bench (which builds first).
#>
param([string] $ResultsPath = (Join-Path $PSScriptRoot 'results.md'))
$ErrorActionPreference = 'Stop'
$results = foreach ($script in Get-ChildItem $PSScriptRoot -Filter '*.Bench.ps1' | Sort-Object Name) {
    Write-Host "== $($script.BaseName)" -ForegroundColor Cyan
    $output = & $script.FullName
    $output | Format-List Name, BaselineMs, ModuleMs, Ratio, Goal, Met | Out-Host
    $output
}
$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Select-String '^model name' | Select-Object -First 1) -replace '^model name\s*:\s*', ''
$lines = @(
    '# Benchmark results'
    ''
    "Measured $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC on $([Environment]::ProcessorCount) cores ($cpu), $([Runtime.InteropServices.RuntimeInformation]::OSDescription), PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version)."
    'Each figure is the median of several alternating rounds after a warm-up, baseline and module in the same process (import: alternating processes). Regenerate with `dotnet pwsh ./build.ps1 Bench`.'
    ''
    '| benchmark | baseline | module | ratio | goal | met |'
    '| --- | --- | --- | --- | --- | --- |'
)
function Format-Cell([string] $Text) { $Text -replace '\|', '\|' }   # a pipeline's | would end the cell
foreach ($r in $results) {
    $lines += "| $($r.Name) | ``$(Format-Cell $r.Baseline)``: $($r.BaselineMs) | ``$(Format-Cell $r.Module)``: $($r.ModuleMs) | $($r.Ratio) | $($r.Goal) | $(if ($r.Met) { 'yes' } else { '**no**' }) |"
}
# Sections written by hand below the generated table (before/after figures, notes) are kept.
if (Test-Path $ResultsPath) {
    $kept = (Get-Content $ResultsPath -Raw) -split '(?m)^(?=## )', 2
    if ($kept.Count -eq 2) { $lines += ''; $lines += $kept[1].TrimEnd() }
}
$lines | Set-Content -Path $ResultsPath -Encoding utf8
Write-Host "Wrote $ResultsPath"

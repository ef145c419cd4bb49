<#
.SYNOPSIS
    Get-RankingMetrics over 200k click lines against the script an admin would write:
    Get-Content | ConvertFrom-Json | Group-Object rank_position. Goal: the naive script at least
    10x slower. Also reports clicks per second of the Add-SnippetClick pipeline that wrote them.
#>
param([int] $Rounds = 3, [int] $Clicks = 200000)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
Import-CXoneRankingForBench
$audit = Join-Path (Get-BenchDataDirectory) "clicks-$Clicks"
$rows = Join-Path (Get-BenchDataDirectory) "clicks-$Clicks.csv"

if (-not (Test-Path $rows)) {
    $random = [Random]::new(3)
    $text = [Text.StringBuilder]::new("session_id,snippet_id,rank_position`n")
    for ($i = 0; $i -lt $Clicks; $i++) {
        [void]$text.Append('sess-').Append($random.Next(5000)).Append(',KB-').Append($random.Next(500)).Append(',').Append(1 + $random.Next(10)).Append("`n")
    }
    [IO.File]::WriteAllText($rows, $text.ToString())
}
if (Test-Path $audit) { Remove-Item $audit -Recurse -Force }
$writing = Measure-Command { Import-Csv $rows | Add-SnippetClick -Path $audit }
$clicksPerSecond = $Clicks / $writing.TotalSeconds

$files = Get-ChildItem $audit -Filter 'cxone-audit-*.jsonl' | Sort-Object Name
$median = Measure-Rounds -Rounds $Rounds -Case ([ordered]@{
    naive  = { $files | Get-Content | ConvertFrom-Json | Group-Object rank_position | Out-Null }
    module = { Get-RankingMetrics -Path $audit | Out-Null }
})
$coldMetrics = Measure-FirstCall -Command "Get-RankingMetrics -Path '$audit' | Out-Null"
Remove-Item $audit -Recurse -Force

$ratio = $median.naive / $median.module
New-BenchResult -Name "Metrics over $Clicks click lines" `
    -Baseline 'Get-Content | ConvertFrom-Json | Group-Object rank_position' -BaselineMs $median.naive `
    -Module 'Get-RankingMetrics' -ModuleMs $median.module `
    -RatioText ('naive {0:n1}x slower' -f $ratio) -Goal 'naive at least 10x slower' -Met ($ratio -ge 10)
New-BenchResult -Name "Get-RankingMetrics over $Clicks click lines, first call in a fresh process (report only)" `
    -Baseline 'the same call, warm (median above)' -BaselineMs $median.module -Module 'Get-RankingMetrics, first call' -ModuleMs $coldMetrics `
    -RatioText ('{0:n2}x the warm call' -f ($coldMetrics / $median.module)) -Goal 'report only' -Met $true
New-BenchResult -Name "Add-SnippetClick, $Clicks clicks (report only)" `
    -Baseline 'none' -BaselineMs 0 -Module 'Import-Csv clicks.csv | Add-SnippetClick' -ModuleMs $writing.TotalMilliseconds `
    -RatioText ('{0:n0} clicks/s' -f $clicksPerSecond) -Goal 'report only' -Met $true

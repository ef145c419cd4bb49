#requires -Version 7.2
<#
.SYNOPSIS
    Writes a realistic audit log (three days of submissions, failures and position-biased clicks)
    and exports its ranking report; used by ./build.ps1 ReportCheck and the README screenshot.
.OUTPUTS
    The report's FileInfo.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutDirectory,
    [int] $Sessions = 240,
    [switch] $BreakChain
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$audit = Join-Path $OutDirectory 'audit'
if (Test-Path $audit) { Remove-Item $audit -Recurse -Force }
$null = New-Item $audit -ItemType Directory -Force

# A fixed seed: the same log, so the same screenshot, every run.
$random = [System.Random]::new(20261125)
$pool = 1..16 | ForEach-Object { 'KB-{0:000}' -f $_ }
$start = [datetimeoffset]'2026-11-20T08:00:00Z'
$causes = 'RateLimited', 'EngineFailure', 'TransportFailure', 'SessionLocked'
$writer = [CXoneRanking.Audit.AuditLogWriter]::new($audit)
$clicks = [System.Collections.Generic.List[object]]::new()
for ($i = 0; $i -lt $Sessions; $i++) {
    $session = 'call-{0:0000}' -f (1000 + $i)
    $at = $start.AddMinutes($i * 18 + $random.Next(0, 10))
    $roll = $random.NextDouble()
    $event = if ($roll -lt 0.08) { 'ranking.failed' } elseif ($roll -lt 0.1) { 'ranking.cancelled' } else { 'ranking.submitted' }
    $entry = [CXoneRanking.AuditEntry]::Ranking($event, $session, $at)
    # Latency: mostly 60-200 ms, with a slow tail, and the odd retried submission near 10 s (so the axis ends at 10,000,
    # the widest tick label, at the chart's right edge).
    $entry.LatencyMs = [long](60 + 140 * $random.NextDouble() + $(if ($random.NextDouble() -lt 0.07) { 400 + 1200 * $random.NextDouble() } else { 0 }))
    if ($i % 97 -eq 50) { $entry.LatencyMs = 9400 + $i }
    if ($event -eq 'ranking.submitted') {
        $shown = $pool | Sort-Object { $random.Next() } | Select-Object -First 6
        $entry.Snippets = [string[]]$shown
        $entry.SnippetCount = $shown.Count
        $entry.Status = 'Succeeded'
        for ($k = 0; $k -lt $shown.Count; $k++) {
            # Examination falls with position; KB-003 and KB-007 are simply better answers.
            $p = (1.0 / ($k + 1)) * $(if ($shown[$k] -in 'KB-003', 'KB-007') { 0.7 } else { 0.25 })
            if ($random.NextDouble() -lt $p) {
                $clicks.Add([pscustomobject]@{ session_id = $session; snippet_id = $shown[$k]; rank_position = $k + 1; timestamp = $at.AddSeconds(20 + $k).ToString('o') })
            }
        }
    }
    else { $entry.Status = if ($event -eq 'ranking.cancelled') { 'Cancelled' } else { $causes[$random.Next(0, $causes.Count)] } }
    $writer.Append($entry)
}
$clicks | Add-SnippetClick -Path $audit

if ($BreakChain) {
    $file = Get-ChildItem $audit -Filter *.jsonl | Sort-Object Name | Select-Object -First 1
    $lines = Get-Content $file.FullName
    $lines[3] = $lines[3] -replace '"latency_ms":\d+', '"latency_ms":1'
    Set-Content $file.FullName $lines
}

Export-RankingReport -AuditPath $audit -Path (Join-Path $OutDirectory 'report.html') -Title 'CXone ranking report: 20-23 November 2026' -Force -PassThru

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

# The same comparison on a log of ranked sessions, each a write-ahead entry, its outcome and two clicks, written once
# with 15 candidates per write-ahead entry (three metadata keys each, as version 0.3 writes them) and once without
# (as before): the metrics skip the candidates unread, so the goal must hold on both.
function New-RankedLog([string] $Directory, [int] $Sessions, [bool] $WithCandidates) {
    $null = New-Item $Directory -ItemType Directory -Force
    $sha = [Security.Cryptography.SHA256]::Create()
    $random = [Random]::new(5)
    $prev = '0' * 64
    $start = [DateTime]::new(2026, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
    $text = [Text.StringBuilder]::new()
    $categories = 'billing', 'howto', 'returns', 'shipping'
    for ($s = 0; $s -lt $Sessions; $s++) {
        $ids = 0..14 | ForEach-Object { 'KB-{0}' -f $random.Next(500) } | Select-Object -Unique
        $shown = '"' + (($ids | Select-Object -First 10) -join '","') + '"'
        $candidates = if ($WithCandidates) {
            ',"directive_set":"' + ('{0:x64}' -f 7) + '","candidates":[' + (($ids | ForEach-Object {
                        '{"id":"' + $_ + '","r":0.' + $random.Next(1000000) + ',"m":{"category":"' + $categories[$random.Next(4)] +
                        '","product":"p' + $random.Next(20) + '","lang":"en"}}' }) -join ',') + ']'
        } else { '' }
        $stamp = $start.AddSeconds($s * 10)
        $key = [guid]::NewGuid().ToString()
        $bodies = @(
            '"event":"ranking.sending","session_id":"sess-' + $s + '","snippet_count":' + [Math]::Min(10, $ids.Count) + ',"max_window":10,"snippets":[' +
            $shown + '],"idempotency_key":"' + $key + '","ranking_checksum":"' + ('{0:x64}' -f $s) + '"' + $candidates
            '"event":"ranking.submitted","session_id":"sess-' + $s + '","snippet_count":' + [Math]::Min(10, $ids.Count) + ',"max_window":10,"snippets":[' +
            $shown + '],"status":"Succeeded","http_status":200,"attempts":1,"latency_ms":25,"idempotency_key":"' + $key + '","ranking_checksum":"' +
            ('{0:x64}' -f $s) + '"'
            '"event":"click","session_id":"sess-' + $s + '","snippet_id":"' + $ids[0] + '","rank_position":1'
            '"event":"click","session_id":"sess-' + $s + '","snippet_id":"' + $ids[2] + '","rank_position":3'
        )
        $n = 0
        foreach ($member in $bodies) {
            $at = $stamp.AddSeconds($n++).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [cultureinfo]::InvariantCulture)
            $body = '{"timestamp":"' + $at + '",' + $member + ',"module_version":"bench","host":"bench","user":"bench","prev_hash":"' + $prev + '"'
            $prev = [Convert]::ToHexString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($prev + $body + '}'))).ToLowerInvariant()
            [void]$text.Append($body).Append(',"hash":"').Append($prev).Append("`"}`n")
        }
    }
    [IO.File]::WriteAllText((Join-Path $Directory 'cxone-audit-20260101.jsonl'), $text.ToString())
}

$rankedSessions = [int]($Clicks / 4)
$withCandidates = Join-Path ([IO.Path]::GetTempPath()) "cxone-bench-metrics-candidates-$PID"
$withoutCandidates = Join-Path ([IO.Path]::GetTempPath()) "cxone-bench-metrics-plain-$PID"
New-RankedLog $withCandidates $rankedSessions $true
New-RankedLog $withoutCandidates $rankedSessions $false
try {
    $files = Get-ChildItem $withCandidates -Filter 'cxone-audit-*.jsonl'
    $ranked = Measure-Rounds -Rounds $Rounds -Case ([ordered]@{
            naive  = { $files | Get-Content | ConvertFrom-Json | Group-Object rank_position | Out-Null }
            module = { Get-RankingMetrics -Path $withCandidates | Out-Null }
            plain  = { Get-RankingMetrics -Path $withoutCandidates | Out-Null }
        })
    $ratio = $ranked.naive / $ranked.module
    New-BenchResult -Name "Metrics over $rankedSessions ranked sessions with 15 candidates each ($($rankedSessions * 4) lines)" `
        -Baseline 'Get-Content | ConvertFrom-Json | Group-Object rank_position' -BaselineMs $ranked.naive `
        -Module 'Get-RankingMetrics' -ModuleMs $ranked.module `
        -RatioText ('naive {0:n1}x slower' -f $ratio) -Goal 'naive at least 10x slower' -Met ($ratio -ge 10)
    New-BenchResult -Name "Get-RankingMetrics, the same sessions logged without candidates (report only)" `
        -Baseline 'Get-RankingMetrics, with candidates' -BaselineMs $ranked.module -Module 'Get-RankingMetrics, without' -ModuleMs $ranked.plain `
        -RatioText ('{0:n2}x the time without' -f ($ranked.module / $ranked.plain)) -Goal 'report only' -Met $true
}
finally {
    Remove-Item $withCandidates, $withoutCandidates -Recurse -Force
}

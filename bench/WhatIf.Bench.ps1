<#
.SYNOPSIS
    Measure-RankingChange over 100,000 logged sessions of 15 candidates against Get-RankingMetrics
    over the same log, in the same process. Goal: at most 5x. Also reports the log's size.
.DESCRIPTION
    The log is made the way a user makes one: Submit-SnippetRanking against the local emulator
    (so every entry is exactly what a submission writes: candidates, rule-set entries, write-ahead
    and outcome), ranked under three directive sets in turn, with clicks from a position-based
    click model recorded by Add-SnippetClick. It takes a few minutes and is kept in bench/data
    for later runs. Measure-RankingChange runs with its defaults (200 resamples).
#>
param([int] $Rounds = 3, [int] $Sessions = 100000, [int] $Candidates = 15)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
Import-CXoneRankingForBench
$audit = Join-Path (Get-BenchDataDirectory) "what-if-$Sessions-$Candidates"

if (-not (Test-Path (Join-Path $audit '.complete'))) {
    if (Test-Path $audit) { Remove-Item $audit -Recurse -Force }
    Import-Module (Join-Path (Get-BenchRoot) 'out/emulator/CXoneEmulator.psm1') -Force
    $emulator = Start-CXoneEmulator
    try {
        Connect-CXone -BaseUri $emulator.Uri -ClientId emulator -ClientSecret (ConvertTo-SecureString 'emulator' -AsPlainText -Force) -AuditPath $audit
        $random = [Random]::new(11)
        $examination = 1.0, 0.62, 0.45, 0.35, 0.28, 0.23, 0.19, 0.16, 0.14, 0.12
        $sets = @(
            , @()
            , @(New-BoostDirective -SnippetId 'KB-1?' -Factor 1.5)
            , @(New-BoostDirective -SnippetId 'KB-2*' -Factor 2; New-BoostDirective -SnippetId 'KB-3' -Exclude)
        )
        $batch = 5000
        for ($first = 0; $first -lt $Sessions; $first += $batch) {
            $rows = for ($s = $first; $s -lt [Math]::Min($Sessions, $first + $batch); $s++) {
                $pool = $random.Next(0, 40)
                for ($k = 0; $k -lt $Candidates; $k++) {
                    [pscustomobject]@{ session_id = "bench-$s"; snippet_id = 'KB-' + ($pool + $k); relevance_score = $random.NextDouble().ToString('0.####', [cultureinfo]::InvariantCulture) }
                }
            }
            $rules = $sets[($first / $batch) % $sets.Count]
            $results = $rows | New-SnippetRank | Submit-SnippetRanking -BoostDirective $rules -ThrottleLimit 16
            $clicks = foreach ($result in $results) {
                foreach ($snippet in $result.Ranking) {
                    $attractiveness = 0.05 + ([int]$snippet.SnippetId.Substring(3) % 7) * 0.04
                    if ($random.NextDouble() -lt $examination[$snippet.Position - 1] * $attractiveness) {
                        [pscustomobject]@{ session_id = $result.SessionId; snippet_id = $snippet.SnippetId; rank_position = $snippet.Position }
                    }
                }
            }
            $clicks | Add-SnippetClick -AuditPath $audit
            Write-Host "  $([Math]::Min($Sessions, $first + $batch)) of $Sessions sessions logged"
        }
        Disconnect-CXone
        $null = New-Item (Join-Path $audit '.complete') -ItemType File
    }
    finally {
        Stop-CXoneEmulator $emulator
    }
}

$proposal = New-BoostDirective -SnippetId 'KB-3*' -Factor 2
$median = Measure-Rounds -Rounds $Rounds -Case ([ordered]@{
    metrics = { Get-RankingMetrics -AuditPath $audit | Out-Null }
    whatIf  = { Measure-RankingChange -BoostDirective $proposal -AuditPath $audit | Out-Null }
})
$bytes = (Get-ChildItem $audit -Filter 'cxone-audit-*.jsonl' | Measure-Object Length -Sum).Sum
$ratio = $median.whatIf / $median.metrics
New-BenchResult -Name "Measure-RankingChange over $Sessions logged sessions of $Candidates candidates ($([Math]::Round($bytes / 1MB)) MiB)" `
    -Baseline 'Get-RankingMetrics over the same log' -BaselineMs $median.metrics `
    -Module 'Measure-RankingChange -BoostDirective <rule> (200 resamples)' -ModuleMs $median.whatIf `
    -RatioText ('{0:n2}x Get-RankingMetrics' -f $ratio) -Goal 'at most 5x Get-RankingMetrics' -Met ($ratio -le 5)

<#
.SYNOPSIS
    A nightly job re-run with Submit-SnippetRanking -SkipUnchanged: Sessions x 10 snippets to
    the emulator with 20 ms latency and -ThrottleLimit 8, first in full, then again with
    ChangedPercent of the sessions changed. Goals: the re-run POSTs exactly the changed sessions
    (counted in the emulator's journal) and is at least 10x faster than the full run. Also
    reports how long the -SkipUnchanged lookup takes over a log of IndexEntries entries.
#>
param([int] $Sessions = 20000, [int] $ChangedPercent = 5, [int] $IndexEntries = 200000)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
Import-CXoneRankingForBench
Import-Module (Join-Path (Get-BenchRoot) 'out/emulator/CXoneEmulator.psm1') -Force
$data = Get-BenchDataDirectory
$csv = New-RankingCsv -Path (Join-Path $data "skip-$Sessions.csv") -Sessions $Sessions -SnippetsPerSession 10 -Seed 4
$audit = Join-Path ([IO.Path]::GetTempPath()) "cxone-bench-skip-$PID"
$bigLog = Join-Path ([IO.Path]::GetTempPath()) "cxone-bench-skip-index-$PID"

# The same file with every (100 / ChangedPercent)-th session's first snippet rescored.
$every = [int](100 / $ChangedPercent)
$changedCsv = Join-Path $data "skip-$Sessions-changed-$ChangedPercent.csv"
$lines = [IO.File]::ReadAllLines($csv)
$changed = 0
for ($i = 1; $i -lt $lines.Length; $i++) {
    $cells = $lines[$i].Split(',')
    if ($cells[1] -eq 'KB-0' -and [int]$cells[0].Substring(5) % $every -eq 0) {
        $cells[2] = ([double]::Parse($cells[2], [cultureinfo]::InvariantCulture) * 0.5 + 0.01).ToString('0.####', [cultureinfo]::InvariantCulture)
        $lines[$i] = $cells -join ','
        $changed++
    }
}
[IO.File]::WriteAllLines($changedCsv, $lines)

function Get-PostCount($Emulator, [long] $After) {
    @((Invoke-RestMethod -Uri "$($Emulator.Uri)_emulator/journal").entries |
        Where-Object { $_.method -eq 'POST' -and $_.path -like '*/snippets/ranking' -and $_.sequence -gt $After }).Count
}

# A log of IndexEntries ranking entries (write-ahead and outcome pairs), chained as the writer
# chains them, in files of 20,000 entries: what a year of nightly runs leaves behind.
function New-BigLog([string] $Directory, [string] $Target, [int] $Entries) {
    $null = New-Item $Directory -ItemType Directory -Force
    $sha = [Security.Cryptography.SHA256]::Create()
    $prev = '0' * 64
    $snippets = '"' + ((0..9 | ForEach-Object { "KB-$_" }) -join '","') + '"'
    $start = [DateTime]::new(2026, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
    $text = [Text.StringBuilder]::new()
    for ($n = 0; $n -lt $Entries; $n++) {
        $session = 'sess-{0}' -f ([Math]::Floor($n / 2) % 50000)
        $event = if ($n % 2) { 'ranking.submitted' } else { 'ranking.sending' }
        $outcome = if ($n % 2) { ',"status":"Succeeded","http_status":200,"attempts":1,"latency_ms":25' } else { '' }
        $stamp = $start.AddSeconds($n).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [cultureinfo]::InvariantCulture)
        $body = '{"timestamp":"' + $stamp + '","event":"' + $event + '","session_id":"' + $session + '","target":"' + $Target +
            '","snippet_count":10,"max_window":10,"snippets":[' + $snippets + ']' + $outcome + ',"idempotency_key":"k-' + [Math]::Floor($n / 2) +
            '","ranking_checksum":"' + ('{0:x64}' -f $n) + '","module_version":"bench","host":"bench","user":"bench","prev_hash":"' + $prev + '"'
        $prev = [Convert]::ToHexString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($prev + $body + '}'))).ToLowerInvariant()
        [void]$text.Append($body).Append(',"hash":"').Append($prev).Append("`"}`n")
        if (($n + 1) % 20000 -eq 0 -or $n -eq $Entries - 1) {
            $file = Join-Path $Directory ('cxone-audit-202601{0:D2}.jsonl' -f ([int][Math]::Floor($n / 20000) + 1))
            [IO.File]::WriteAllText($file, $text.ToString())
            $null = $text.Clear()
        }
    }
}

$emulator = Start-CXoneEmulator -ArgumentList '--latency-ms', '20'
try {
    $secret = ConvertTo-SecureString 'emulator' -AsPlainText -Force
    $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId emulator -ClientSecret $secret -AuditPath $audit -PassThru
    $full = Measure-Command {
        $results = Import-Csv $csv | New-SnippetRank | Submit-SnippetRanking -ThrottleLimit 8 -Connection $connection
        if (@($results | Where-Object Status -EQ Succeeded).Count -ne $Sessions) { throw 'Not every session succeeded in the full run.' }
    }
    $mark = (Invoke-RestMethod -Uri "$($emulator.Uri)_emulator/journal").entries[-1].sequence
    $rerun = Measure-Command {
        $results = Import-Csv $changedCsv | New-SnippetRank | Submit-SnippetRanking -ThrottleLimit 8 -Connection $connection -SkipUnchanged
        $skipped = @($results | Where-Object Status -EQ Unchanged).Count
        if ($skipped -ne $Sessions - $changed) { throw "The re-run skipped $skipped sessions, not $($Sessions - $changed)." }
    }
    $posts = Get-PostCount $emulator $mark

    # The target names the client: the emulator's client-credentials sign-in names no tenant.
    $target = "$($emulator.Uri.AbsoluteUri.TrimEnd('/'))/api/v2/agentassist/sessions/{sessionId}/snippets/ranking client=emulator"
    New-BigLog -Directory $bigLog -Target $target -Entries $IndexEntries
    $check = Test-RankingAuditLog -Path $bigLog
    if (-not $check.IsValid -or $check.Entries -ne $IndexEntries) {
        throw "The generated log is not a valid log of $IndexEntries entries: $($check.Reason)"
    }
    $big = Connect-CXone -BaseUri $emulator.Uri -ClientId emulator -ClientSecret $secret -AuditPath $bigLog -PassThru
    $lookupMs = foreach ($round in 1..3) {
        $verbose = New-SnippetRank KB-1 0.5 -SessionId sess-1 | Submit-SnippetRanking -Connection $big -SkipUnchanged -WhatIf -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '-SkipUnchanged: read *' }
        if ($verbose.Message -notmatch 'read (\d+) audit entries in (\d+) ms; (\d+) session') { throw 'The lookup did not report its time.' }
        if ([int]$Matches[1] -ne $IndexEntries) { throw "The lookup read $($Matches[1]) entries, not $IndexEntries." }
        # Every entry is of this target and its chain is checked, so the pass does all its work.
        if ([int]$Matches[3] -eq 0) { throw 'The lookup found no session of the target: the bench measured less than a real run.' }
        [double]$Matches[2]
    }
}
finally {
    Stop-CXoneEmulator $emulator
    Remove-Item $audit, $bigLog -Recurse -Force -ErrorAction SilentlyContinue
}
$ratio = $full.TotalMilliseconds / $rerun.TotalMilliseconds
New-BenchResult -Name "Re-run of $Sessions sessions x 10 with $changed changed, 20 ms latency, -ThrottleLimit 8" `
    -Baseline 'the full run' -BaselineMs $full.TotalMilliseconds `
    -Module "Submit-SnippetRanking -SkipUnchanged ($posts POSTs for $changed changed sessions)" -ModuleMs $rerun.TotalMilliseconds `
    -RatioText ('full run {0:n1}x slower' -f $ratio) -Goal 'exactly the changed sessions sent; full run at least 10x slower' `
    -Met ($posts -eq $changed -and $ratio -ge 10)
New-BenchResult -Name "-SkipUnchanged lookup over a $IndexEntries-entry log (report only)" `
    -Baseline 'none' -BaselineMs 0 -Module 'one streaming pass (AppliedRankingIndex.Read), median of 3' -ModuleMs (Get-Median $lookupMs) `
    -RatioText ('{0:n0} entries/s' -f ($IndexEntries / ((Get-Median $lookupMs) / 1000))) -Goal 'report only' -Met $true

<#
.SYNOPSIS
    A year of a large centre, scaled down (issue 26): Get-RankingMetrics over a generated log of 60 days x 5,000
    sessions against the floor of reading it (one Utf8JsonReader pass, bench/AuditReadFloor), first call and repeated,
    in one fresh process; its peak working set above an idle import; the gzip ratio of the closed days; the export.
    Goals (docs/audit-log.md "A year of audit"): first call at most 1.5x the floor, repeated at least 5x faster than the
    first, at most 60 MiB above an idle import, closed days at most 30% of their raw size.
.DESCRIPTION
    The log is written once by bench/AuditLogGenerator (valid chain, one file per day rolled at 10 MiB, 15 candidates a
    session as Submit-SnippetRanking records them, clicks from a known position-based model, some failures, late clicks)
    and kept in bench/data (git-ignored). Summaries (.cxone-summaries) are deleted before the first call, so "first"
    is always a raw read. bench/ReaderMemory.Bench.ps1 measures the other readers on the same log.
#>
param([int] $Days = 60, [int] $SessionsPerDay = 5000, [switch] $WithoutOrigins)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'BenchLog.psm1') -Force
$log = Get-YearBenchLog -Days $Days -SessionsPerDay $SessionsPerDay -WithoutOrigins:$WithoutOrigins
$folder = $log.Folder
$warmup = Get-YearBenchLog -Days 1 -SessionsPerDay 200
$floorDll = Get-BenchTool AuditReadFloor
$summaries = Join-Path $folder '.cxone-summaries'
$rawMiB = [Math]::Round($log.RawBytes / 1MB)

# Floor and module in one fresh process, the module's first call after its JIT was warmed on a one-day log.
$script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Join-Path (Get-BenchRoot) 'out/CXoneRanking/CXoneRanking.psd1')'
Add-Type -Path '$floorDll'
`$null = [CXoneRanking.Bench.AuditFolderFloor]::Read('$folder')
`$null = Get-RankingMetrics -AuditPath '$($warmup.Folder)' -WarningAction SilentlyContinue
`$floor1 = [CXoneRanking.Bench.AuditFolderFloor]::Read('$folder')
Remove-Item '$summaries' -Recurse -Force -ErrorAction SilentlyContinue
`$first = Measure-Command { `$m1 = Get-RankingMetrics -AuditPath '$folder' -WarningAction SilentlyContinue }
`$repeated = Measure-Command { `$m2 = Get-RankingMetrics -AuditPath '$folder' -WarningAction SilentlyContinue }
`$floor2 = [CXoneRanking.Bench.AuditFolderFloor]::Read('$folder')
if (`$m1.Submissions -ne $($log.Sessions) -or `$m2.Submissions -ne `$m1.Submissions) { throw "Read `$(`$m1.Submissions) and `$(`$m2.Submissions) submissions of $($log.Sessions)." }
[pscustomobject]@{ Floor = (`$floor1.Seconds + `$floor2.Seconds) * 500; Floor1 = `$floor1.Seconds * 1000; Floor2 = `$floor2.Seconds * 1000; RawBytes = `$floor1.RawBytes; First = `$first.TotalMilliseconds; Repeated = `$repeated.TotalMilliseconds } | ConvertTo-Json -Compress
"@
$output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $script
if ($LASTEXITCODE -ne 0) { throw "The year bench failed: $output" }
$speed = ($output | Select-Object -Last 1) | ConvertFrom-Json

Remove-Item $summaries -Recurse -Force -ErrorAction SilentlyContinue
$memory = Measure-InFreshProcess -Command @(
    "Get-RankingMetrics -AuditPath '$folder' -WarningAction SilentlyContinue | Out-Null"
    "Get-RankingMetrics -AuditPath '$folder' -WarningAction SilentlyContinue | Out-Null"
)
$compression = Measure-ClosedDayCompression -Folder $folder

$firstRatio = $speed.First / $speed.Floor
$repeatRatio = $speed.First / $speed.Repeated
$size = "$Days days x $SessionsPerDay sessions, $rawMiB MiB" + $(if ($WithoutOrigins) { ', logged without candidates' })
New-BenchResult -Name "Floor: one Utf8JsonReader pass over $size, reading only the metrics' members (report only)" `
    -Baseline 'none' -BaselineMs 0 -Module 'bench/AuditReadFloor, one thread (mean of two passes)' -ModuleMs $speed.Floor `
    -RatioText ('{0:n0} MB/s (passes of {1:n0} and {2:n0} ms)' -f ($speed.RawBytes / 1e6 / ($speed.Floor / 1000)), $speed.Floor1, $speed.Floor2) -Goal 'report only' -Met $true
New-BenchResult -Name "Get-RankingMetrics over $size, first call (raw read), same process" `
    -Baseline 'the floor (above)' -BaselineMs $speed.Floor -Module 'Get-RankingMetrics, first call' -ModuleMs $speed.First `
    -RatioText ('{0:n2}x the floor' -f $firstRatio) -Goal 'at most 1.5x the floor' -Met ($firstRatio -le 1.5)
New-BenchResult -Name "Get-RankingMetrics over $size, repeated" `
    -Baseline 'the first call' -BaselineMs $speed.First -Module 'the same call again' -ModuleMs $speed.Repeated `
    -RatioText ('first {0:n1}x slower' -f $repeatRatio) -Goal 'repeated at least 5x faster' -Met ($repeatRatio -ge 5)
New-BenchResult -Name "Peak working set of Get-RankingMetrics over $size, fresh process" `
    -Baseline 'Import-Module alone (MiB)' -BaselineMs $memory[0].ImportPeakMiB -Module 'first call, then repeated (MiB)' -ModuleMs $memory[1].PeakMiB `
    -RatioText ('{0:n0} MiB above the idle import ({1:n0} after the first call)' -f $memory[1].AboveImportMiB, $memory[0].AboveImportMiB) `
    -Goal 'at most 60 MiB above' -Met ($memory[1].AboveImportMiB -le 60)
New-BenchResult -Name "Closed days gzip-compressed, $($compression.Files) files ($($compression.Method))" `
    -Baseline 'raw (MiB)' -BaselineMs ($compression.RawBytes / 1MB) -Module 'compressed (MiB)' -ModuleMs ($compression.StoredBytes / 1MB) `
    -RatioText ('{0:n1}% of raw' -f (100 * $compression.StoredBytes / $compression.RawBytes)) -Goal 'at most 30% of raw' `
    -Met ($compression.StoredBytes -le 0.3 * $compression.RawBytes)
if (Get-Command Export-RankingAuditLog -Module CXoneRanking -ErrorAction SilentlyContinue) {
    $destination = Join-Path ([IO.Path]::GetTempPath()) "cxone-bench-export-$PID"
    try {
        $export = Measure-InFreshProcess -Command "Export-RankingAuditLog -AuditPath '$folder' -Destination '$destination' -Format Parquet | Out-Null"
        $exported = (Get-ChildItem $destination -Recurse -File | Measure-Object Length -Sum).Sum
    }
    finally { Remove-Item $destination -Recurse -Force -ErrorAction SilentlyContinue }
    New-BenchResult -Name "Export-RankingAuditLog -Format Parquet over $size, fresh process (report only)" `
        -Baseline 'the first Get-RankingMetrics' -BaselineMs $speed.First -Module 'Export-RankingAuditLog' -ModuleMs $export.Milliseconds `
        -RatioText ('{0:n2}x the metrics; {1:n0} MiB written, {2:n0} MiB above idle' -f ($export.Milliseconds / $speed.First), ($exported / 1MB), $export.AboveImportMiB) `
        -Goal 'report only' -Met $true
}
else {
    New-BenchResult -Name "Export-RankingAuditLog over $size (not measured: the cmdlet is not in this build)" `
        -Baseline 'none' -BaselineMs 0 -Module 'none' -ModuleMs 0 -RatioText 'skipped' -Goal 'report only' -Met $true
}

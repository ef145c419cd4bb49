<#
.SYNOPSIS
    The 10-million-session log of issue 26: generates 40 days x 250,000 sessions (about 27 GB raw, about 4.5 GB with
    closed days compressed) into a temporary folder, measures the read floor and Get-RankingMetrics first and repeated
    in a fresh process (time and peak working set above the idle import), the compression ratio and the export (when
    Export-RankingAuditLog exists), prints the figures, and deletes the folder.
.DESCRIPTION
    Not run by Invoke-Bench.ps1: it takes 30-60 minutes and up to 30 GB of disk. Build the module first
    (dotnet pwsh ./build.ps1 Build), then:

        dotnet pwsh ./bench/Year10M.ps1                       # closed days written as .jsonl.gz (the folder a policy keeps)
        dotnet pwsh ./bench/Year10M.ps1 -Uncompressed         # every day .jsonl (a module that cannot read .gz)
        dotnet pwsh ./bench/Year10M.ps1 -Days 4 -SessionsPerDay 25000 -Keep   # a small trial, folder kept
        dotnet pwsh ./bench/Year10M.ps1 -Existing -Folder /tmp/log            # measure a folder already generated

    The fresh process that runs the cmdlet gets a GC heap limit (-HeapLimitGB, default 8, DOTNET_GCHeapHardLimit): a
    reader that holds every session in memory then fails alone with OutOfMemory, and the time it took to fail is
    reported, instead of the kernel's OOM killer picking a process on a shared machine. A module that reads fewer
    sessions than were generated (an older one ignores .jsonl.gz) is reported as a failure, never as fast.
#>
param([int] $Days = 40, [int] $SessionsPerDay = 250000, [string] $Folder = (Join-Path ([IO.Path]::GetTempPath()) "cxone-year10m-$PID"),
    [switch] $Uncompressed, [switch] $Existing, [switch] $Keep, [double] $HeapLimitGB = 8)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchLog.psm1') -Force
$started = Get-Date
$sessions = [long]$Days * $SessionsPerDay
try {
    $log = $null
    if (-not $Existing) {
        Write-Host "Generating $Days x $SessionsPerDay sessions into $Folder ..."
        $log = New-GeneratedAuditLog -Folder $Folder -Days $Days -SessionsPerDay $SessionsPerDay -GzipClosedDays:(-not $Uncompressed)
        Write-Host $log.Text
    }
    Write-Host "Floor ($(Get-Date -Format HH:mm:ss)) ..."
    $floor = Invoke-ReadFloor -Folder $Folder
    Write-Host ("  {0:n1} s, {1:n0} MB/s raw, {2:n0} entries, {3:n0} MB raw" -f $floor.Seconds, $floor.RawMBPerSecond, $floor.Entries, ($floor.RawBytes / 1e6))
    Write-Host "Get-RankingMetrics, first and repeated, in a fresh process with a $HeapLimitGB GB heap limit ($(Get-Date -Format HH:mm:ss)) ..."
    $limit = @{ DOTNET_GCHeapHardLimit = '0x{0:X}' -f [long]($HeapLimitGB * 1GB) }
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $failure = $null
    try {
        $metrics = Measure-InFreshProcess -Environment $limit -Command @(
            "`$global:m1 = Get-RankingMetrics -AuditPath '$Folder' -WarningAction SilentlyContinue"
            "`$global:m2 = Get-RankingMetrics -AuditPath '$Folder' -WarningAction SilentlyContinue"
            "if (`$m1.Submissions -ne $sessions -or `$m2.Submissions -ne `$m1.Submissions) { throw ('read ' + `$m1.Submissions + ' and ' + `$m2.Submissions + ' submissions of $sessions') }"
        )
        $metrics | Format-List Command, Milliseconds, PeakMiB, AboveImportMiB, ImportPeakMiB | Out-Host
    }
    catch {
        $failure = "failed after {0:n0} s: {1}" -f $clock.Elapsed.TotalSeconds, (($_.Exception.Message -split "`n" | Where-Object { $_ -match 'Exception|memory|submissions|read ' } | Select-Object -First 2) -join ' / ')
        Write-Host "  $failure"
    }
    $export = if (Get-Command Export-RankingAuditLog -Module CXoneRanking -ErrorAction SilentlyContinue) {
        $destination = "$Folder-export"
        try { Measure-InFreshProcess -Environment $limit -Command "Export-RankingAuditLog -AuditPath '$Folder' -Destination '$destination' -Format Parquet | Out-Null" }
        finally { Remove-Item $destination -Recurse -Force -ErrorAction SilentlyContinue }
    }
    else { Write-Host 'Export-RankingAuditLog is not in this build: export not measured.' }
    $ratio = if ($floor.StoredBytes -eq $floor.RawBytes) { 'n/a (written uncompressed)' } else {
        # Closed days only: the newest day is written raw, so its raw size is its stored size.
        $newest = (Get-ChildItem $Folder -Filter 'cxone-audit-*.jsonl' | Measure-Object Length -Sum).Sum
        '{0:n1}%' -f (100 * ($floor.StoredBytes - $newest) / ($floor.RawBytes - $newest))
    }
    [pscustomobject]@{
        Sessions           = $sessions
        Entries            = $floor.Entries
        RawGB              = [Math]::Round($floor.RawBytes / 1e9, 2)
        StoredGB           = [Math]::Round($floor.StoredBytes / 1e9, 2)
        ClosedDaysGzip     = $ratio
        GenerateSeconds    = if ($log) { $log.Seconds } else { $null }
        FloorSeconds       = [Math]::Round($floor.Seconds, 1)
        FirstSeconds       = if (-not $failure) { [Math]::Round($metrics[0].Milliseconds / 1000, 1) } else { $failure }
        FirstPeakAboveMiB  = if (-not $failure) { $metrics[0].AboveImportMiB } else { $null }
        RepeatSeconds      = if (-not $failure) { [Math]::Round($metrics[1].Milliseconds / 1000, 1) } else { $null }
        RepeatPeakAboveMiB = if (-not $failure) { $metrics[1].AboveImportMiB } else { $null }
        ExportSeconds      = if ($export) { [Math]::Round($export.Milliseconds / 1000, 1) } else { $null }
        TotalMinutes       = [Math]::Round(((Get-Date) - $started).TotalMinutes, 1)
    }
}
finally {
    if (-not $Keep) { Remove-Item $Folder -Recurse -Force -ErrorAction SilentlyContinue }
}

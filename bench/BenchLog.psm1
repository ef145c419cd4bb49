<#
.SYNOPSIS
    Large generated audit logs for the bench (bench/AuditLogGenerator), the read floor (bench/AuditReadFloor), and
    cmdlets measured in a fresh process: time and peak working set above an idle Import-Module.
#>
$script:Root = Split-Path $PSScriptRoot -Parent
$script:Pwsh = Join-Path $PSHOME 'pwsh.dll'

function Get-BenchTool([ValidateSet('AuditLogGenerator', 'AuditReadFloor')] [string] $Name) {
    $project = Join-Path $PSScriptRoot $Name
    $exe = Join-Path $project "bin/Release/net10.0/$Name.dll"
    $newest = Get-ChildItem $project -Filter '*.cs' | Sort-Object LastWriteTimeUtc | Select-Object -Last 1
    if (-not (Test-Path $exe) -or (Get-Item $exe).LastWriteTimeUtc -lt $newest.LastWriteTimeUtc) {
        & dotnet build $project -c Release -v q -nologo | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Building $Name failed." }
    }
    $exe
}

function New-GeneratedAuditLog {
    <#
    .SYNOPSIS
        Runs the generator into -Folder (which must not exist or be empty) and returns its report as an object
        (sessions, clicks, entries, files, raw and stored bytes, seconds).
    #>
    param([Parameter(Mandatory)] [string] $Folder, [int] $Days = 60, [int] $SessionsPerDay = 5000, [int] $Seed = 26,
        [switch] $GzipClosedDays, [switch] $WithoutOrigins)
    $arguments = @('--out', $Folder, '--days', $Days, '--sessions', $SessionsPerDay, '--seed', $Seed)
    if ($GzipClosedDays) { $arguments += '--gzip-closed-days' }
    if ($WithoutOrigins) { $arguments += '--without-origins' }
    $lines = & dotnet (Get-BenchTool AuditLogGenerator) @arguments
    if ($LASTEXITCODE -ne 0) { throw "The generator failed: $lines" }
    ConvertFrom-GeneratorReport $lines
}

function ConvertFrom-GeneratorReport([string[]] $Lines) {
    $report = [ordered]@{}
    foreach ($line in $Lines) {
        if ($line -match '^(\w[\w ]*?)\s{2,}(\S+)') { $report[$Matches[1]] = $Matches[2] }
    }
    [pscustomobject]@{
        Sessions    = [long]$report['sessions']
        Clicks      = [long]$report['clicks']
        Entries     = [long]$report['entries']
        Files       = [int]$report['files']
        RawBytes    = [long]$report['raw bytes']
        StoredBytes = [long]$report['stored bytes']
        Seconds     = [double]$report['seconds']
        LastHash    = $report['last hash']
        Text        = $Lines -join "`n"
    }
}

function Invoke-ReadFloor {
    <#
    .SYNOPSIS
        The floor: one single-threaded Utf8JsonReader pass over the folder's files reading only the members the metrics
        need; returns seconds, MB/s and the counts it found (so a pass that read nothing cannot look fast).
    #>
    param([Parameter(Mandatory)] [string] $Folder)
    $json = & dotnet (Get-BenchTool AuditReadFloor) $Folder --json
    if ($LASTEXITCODE -ne 0) { throw "The read floor failed: $json" }
    $json | ConvertFrom-Json
}

function Measure-InFreshProcess {
    <#
    .SYNOPSIS
        Imports the module in a fresh pwsh, then runs each command of -Command in turn and reports, for each, its
        milliseconds and the process's peak working set after it; plus the peak right after the import. The peak only
        grows, so a later command's peak includes the earlier ones.
    #>
    param([Parameter(Mandatory)] [string[]] $Command, [string] $Setup = '', [hashtable] $Environment = @{})
    $module = Join-Path $script:Root 'out/CXoneRanking/CXoneRanking.psd1'
    $steps = foreach ($c in $Command) {
        "`$t = (Measure-Command { $c }).TotalMilliseconds; [GC]::Collect(); `$r += ,@(`$t, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64)"
    }
    $script = "`$ErrorActionPreference = 'Stop'; `$PSStyle.OutputRendering = 'PlainText'; Import-Module '$module'; $Setup; " +
        "`$r = @(,@(0, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64)); " + ($steps -join '; ') +
        "; `$r | ForEach-Object { '{0}|{1}' -f `$_[0], `$_[1] }"
    $saved = @{}
    foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
    try { $output = & dotnet $script:Pwsh -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" } }
    finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
    if ($LASTEXITCODE -ne 0) { throw "The fresh-process measurement failed: $output" }
    $rows = @($output | Where-Object { $_ -match '^[\d.]+\|\d+$' })
    $import = [double]($rows[0] -split '\|')[1]
    for ($i = 1; $i -lt $rows.Count; $i++) {
        $ms, $peak = $rows[$i] -split '\|'
        [pscustomobject]@{
            Command            = $Command[$i - 1]
            Milliseconds       = [Math]::Round([double]$ms, 1)
            PeakMiB            = [Math]::Round([double]$peak / 1MB, 1)
            AboveImportMiB     = [Math]::Round(([double]$peak - $import) / 1MB, 1)
            ImportPeakMiB      = [Math]::Round($import / 1MB, 1)
        }
    }
}



function Get-YearBenchLog {
    <#
    .SYNOPSIS
        The generated log of -Days x -SessionsPerDay in bench/data (written once, uncompressed; a report file beside it
        marks it complete), with the generator's report. -WithoutOrigins: entries as version 0.2 wrote them (no
        candidates), the log issue 26 measured.
    #>
    param([int] $Days = 60, [int] $SessionsPerDay = 5000, [switch] $WithoutOrigins)
    $data = Join-Path $PSScriptRoot 'data'
    $folder = Join-Path $data ("year-${Days}x$SessionsPerDay" + $(if ($WithoutOrigins) { '-plain' }))
    $report = "$folder.generated.txt"
    $lines = if (Test-Path $report) { Get-Content $report }
    if (-not ($lines -match '^last hash')) {
        Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
        Write-Host "Generating $Days days x $SessionsPerDay sessions into $folder (once) ..."
        $log = New-GeneratedAuditLog -Folder $folder -Days $Days -SessionsPerDay $SessionsPerDay -WithoutOrigins:$WithoutOrigins
        $log.Text | Set-Content $report
        $lines = $log.Text -split "`n"
    }
    $log = ConvertFrom-GeneratorReport $lines
    $log | Add-Member -NotePropertyName Folder -NotePropertyValue $folder -PassThru
}

function Measure-ClosedDayCompression {
    <#
    .SYNOPSIS
        The gzip size of every closed day's file (every day but the newest), each compressed on its own at the optimal
        level, as housekeeping compresses them (docs/audit-log.md "Compressed closed days"). Until Core's compression is
        in this build it is GZipStream over the files directly, and Method says so.
    #>
    param([Parameter(Mandatory)] [string] $Folder)
    $files = @(Get-ChildItem $Folder -Filter 'cxone-audit-*.jsonl' | Sort-Object Name)
    $newestDay = $files[-1].Name.Substring(12, 8)
    $closed = @($files | Where-Object { $_.Name.Substring(12, 8) -ne $newestDay })
    $buffer = [IO.MemoryStream]::new()
    $raw = 0L; $stored = 0L
    foreach ($file in $closed) {
        $buffer.SetLength(0)
        $gzip = [IO.Compression.GZipStream]::new($buffer, [IO.Compression.CompressionLevel]::Optimal, $true)
        $source = [IO.File]::OpenRead($file.FullName)
        try { $source.CopyTo($gzip) } finally { $source.Dispose(); $gzip.Dispose() }
        $raw += $file.Length
        $stored += $buffer.Length
    }
    [pscustomobject]@{ Files = $closed.Count; RawBytes = $raw; StoredBytes = $stored; Method = 'GZipStream Optimal over each file directly' }
}
Export-ModuleMember -Function Get-BenchTool, New-GeneratedAuditLog, Invoke-ReadFloor, Measure-InFreshProcess, ConvertFrom-GeneratorReport, Get-YearBenchLog, Measure-ClosedDayCompression

<#
.SYNOPSIS
    Helpers the Pester files share, so that each exists once: a child pwsh with a clean
    environment, a free loopback port, an HMAC to check callback signatures, the text of a record
    and of every place a run leaves behind (to search for secrets); the local emulator's control
    API (journal, faults, locks, applied rankings); test ranks; the audit log's entries; a small
    loopback HTTP receiver; and the chaos runs' set-up and reliability figures.
.NOTES
    A module function cannot see the calling test file's variables, so every emulator helper takes
    the emulator (what Start-CXoneEmulator returned) as its first parameter.
#>

# A fresh pwsh with only the environment it is given: what a scheduled task sees. -File runs a
# script file as `pwsh -File` does (its exit code is the script's), in -WorkingDirectory if given.
function Invoke-ChildPwsh([string] $Script, [hashtable] $Environment = @{}, [string] $File, [string] $WorkingDirectory, [int] $TimeoutSeconds = 60) {
    $dotnet = if ($env:DOTNET_HOST_PATH -and (Test-Path $env:DOTNET_HOST_PATH)) { $env:DOTNET_HOST_PATH } else { (Get-Command dotnet -CommandType Application)[0].Source }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    $what = if ($File) { '-File', $File } else { '-Command', $Script }
    foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive') + $what) { $startInfo.ArgumentList.Add($argument) }
    if ($WorkingDirectory) { $startInfo.WorkingDirectory = $WorkingDirectory }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    foreach ($name in @($startInfo.Environment.Keys)) { if ($name -like 'CXONE_*') { $null = $startInfo.Environment.Remove($name) } }
    $startInfo.Environment['CXONERANKING_MODULE_PATH'] = $env:CXONERANKING_MODULE_PATH
    foreach ($name in $Environment.Keys) { $startInfo.Environment[$name] = $Environment[$name] }
    $process = [System.Diagnostics.Process]::Start($startInfo)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) { $process.Kill($true); throw "The child pwsh did not finish within $TimeoutSeconds s." }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; StdOut = $stdout.Result; StdErr = $stderr.Result; Output = $stdout.Result + $stderr.Result }
    }
    finally { $process.Dispose() }
}

function Get-FreePort {
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    try { $probe.LocalEndpoint.Port } finally { $probe.Stop() }
}

function Get-HmacHex([byte[]] $Body, [string] $Secret) {
    $hmac = [System.Security.Cryptography.HMACSHA256]::new([System.Text.Encoding]::UTF8.GetBytes($Secret))
    try { [System.Convert]::ToHexString($hmac.ComputeHash($Body)).ToLowerInvariant() } finally { $hmac.Dispose() }
}

# Every form in which a record could show a secret: as displayed, its exception, its details,
# its target, serialized; other objects as a full list and as JSON.
function ConvertTo-Text($Record) {
    if ($Record -is [System.Management.Automation.ErrorRecord]) {
        ($Record | Out-String); $Record.Exception.ToString(); "$($Record.ErrorDetails)"; "$($Record.TargetObject)"
        [System.Management.Automation.PSSerializer]::Serialize($Record, 2)
    }
    elseif ($Record -is [System.Management.Automation.InformationalRecord]) { $Record.Message }
    else { ($Record | Format-List * -Force | Out-String); ($Record | ConvertTo-Json -Depth 6 -WarningAction SilentlyContinue) }
}

# Every place a secret could show after a run, as text by place: the records in every form, the
# transcript, $Error as text, JSON and CliXml, the audit files, the emulator's journal, and the
# connection object. -Extra adds places of the caller's own, before the connection.
# $Error as ConvertTo-Json writes it. Some records (an exception's Data at depth) cannot be written
# as JSON at all; then each record's text members are, since a secret cannot leak where nothing is written.
function ConvertTo-ErrorJson($Errors) {
    try { $Errors | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue }
    catch {
        $Errors | ForEach-Object {
            [pscustomobject]@{
                Id = $_.FullyQualifiedErrorId; Message = "$($_.Exception)"; Details = "$($_.ErrorDetails)"; Target = "$($_.TargetObject)"
            }
        } | ConvertTo-Json -Depth 2
    }
}

function Get-SecretSearchPlace {
    param(
        [Parameter(Mandatory)] $Records, [Parameter(Mandatory)] [string] $Transcript, [Parameter(Mandatory)] $Errors,
        [Parameter(Mandatory)] [string] $AuditDirectory, [Parameter(Mandatory)] [uri] $EmulatorUri, [Parameter(Mandatory)] $Connection,
        [System.Collections.IDictionary] $Extra = @{}
    )
    $places = [ordered]@{
        'the output, verbose, debug, warning and error streams' = ($Records | ForEach-Object { ConvertTo-Text $_ }) -join "`n"
        'the transcript'                                        = Get-Content -LiteralPath $Transcript -Raw
        '$Error as text'                                        = $Errors | Out-String
        '$Error as JSON'                                        = ConvertTo-ErrorJson $Errors
        '$Error as CliXml'                                      = [System.Management.Automation.PSSerializer]::Serialize($Errors, 3)
        'the audit files'                                       = (Get-ChildItem -LiteralPath $AuditDirectory -File -Force | ForEach-Object { Get-Content -LiteralPath $_.FullName -Raw }) -join "`n"
        'the emulator journal'                                  = (Invoke-WebRequest -Uri "$($EmulatorUri)_emulator/journal").Content
    }
    foreach ($name in $Extra.Keys) { $places[$name] = $Extra[$name] }
    $places['the connection'] = $Connection.ToString() + ($Connection | Format-List * -Force | Out-String) +
        [System.Management.Automation.PSSerializer]::Serialize($Connection, 3)
    $places
}


# ---- The emulator's control API (/_emulator/...) -------------------------------------------------

# Calls one control endpoint; -Body goes as JSON.
function Invoke-EmulatorControl {
    param([Parameter(Mandatory, Position = 0)] $Emulator, [string] $Method = 'Get', [Parameter(Mandatory)] [string] $Path, $Body)
    $arguments = @{ Method = $Method; Uri = "$($Emulator.Uri)$($Path.TrimStart('/'))" }
    if ($null -ne $Body) {
        $arguments.Body = ($Body | ConvertTo-Json -Depth 5 -Compress)
        $arguments.ContentType = 'application/json'
    }
    Invoke-RestMethod @arguments
}

# Forgets every ranking, fault, lock and journal entry.
function Reset-Emulator([Parameter(Mandatory, Position = 0)] $Emulator) {
    $null = Invoke-EmulatorControl $Emulator -Method Post -Path '_emulator/reset'
}

# Every request the emulator saw, oldest first; -SessionId keeps one session's.
function Get-Journal([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Position = 1)] [string] $SessionId) {
    $path = '_emulator/journal'
    if ($SessionId) { $path += '?session_id=' + [uri]::EscapeDataString($SessionId) }
    @((Invoke-EmulatorControl $Emulator -Path $path).entries)
}

# The ranking POSTs in the emulator's journal (of one session with -SessionId), or in a -Journal already read.
function Get-RankingPost {
    [CmdletBinding(DefaultParameterSetName = 'Emulator')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Emulator')] $Emulator,
        [Parameter(Position = 1, ParameterSetName = 'Emulator')] [string] $SessionId,
        [Parameter(Mandatory, ParameterSetName = 'Journal')] [AllowEmptyCollection()] [object[]] $Journal
    )
    if ($PSCmdlet.ParameterSetName -eq 'Emulator') { $Journal = Get-Journal $Emulator $SessionId }
    @($Journal | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/snippets/ranking' })
}

# How many tokens the emulator issued so far.
function Get-TokenIssuedCount([Parameter(Mandatory, Position = 0)] $Emulator) {
    @(Get-Journal $Emulator | Where-Object { $_.path -eq '/oauth/token' -and $_.outcome -eq 'token_issued' }).Count
}

# The next answers the emulator gives to the session's ranking POSTs: statuses or 'reset' (a dropped connection).
function Set-Fault([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory, Position = 1)] [string] $SessionId,
    [Parameter(Mandatory, Position = 2)] [object[]] $Responses) {
    $null = Invoke-EmulatorControl $Emulator -Method Post -Path '_emulator/faults' -Body @{ session_id = $SessionId; responses = $Responses }
}

# Locks the session as an agent would, for -Seconds (0 unlocks it).
function Set-SessionLock([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory, Position = 1)] [string] $SessionId,
    [Parameter(Mandatory)] [double] $Seconds) {
    $path = "_emulator/sessions/$([uri]::EscapeDataString($SessionId))/lock"
    $null = Invoke-EmulatorControl $Emulator -Method Post -Path $path -Body @{ seconds = $Seconds }
}

# What the emulator holds for the session, or $null when nothing was ever applied (404).
function Get-AppliedRanking([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory, Position = 1)] [string] $SessionId) {
    $uri = "$($Emulator.Uri)_emulator/rankings/$([uri]::EscapeDataString($SessionId))"
    $reply = Invoke-RestMethod -Uri $uri -SkipHttpErrorCheck -StatusCodeVariable status
    if ($status -eq 404) { return $null }
    if ($status -ne 200) { throw "GET /_emulator/rankings answered $status" }
    $reply
}

# What the emulator holds for each session, by session id ($null where nothing was applied).
function Get-AppliedRankingBySession([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory, Position = 1)] [string[]] $SessionId) {
    $held = @{}
    foreach ($id in $SessionId) { $held[$id] = Get-AppliedRanking $Emulator $id }
    $held
}

# The laid-out module and the emulator's script module, for the test file that calls it.
function Import-ModuleUnderTest {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force -Global
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force -Global
}

# The set-up every Submit.*.Tests.ps1 file shares: the module and the emulator module imported for
# the test file, an emulator whose 429s say Retry-After 2 s (long enough that honouring it shows in
# the journal, distinct from the module's own 0.5 s backoff base), and a connection auditing to
# <TestDrive>/audit-main. Returns the emulator, the client secret (plain and secure), the audit
# directory and the connection, in that order.
function Initialize-SubmitSuite([Parameter(Mandatory, Position = 0)] [string] $TestDrive) {
    Import-ModuleUnderTest
    $clientSecret = 'Submit-Pester-Secret-0c41'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'pester', '--client-secret', $clientSecret, '--retry-after', '2'
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force
    $auditDir = Join-Path $TestDrive 'audit-main'
    $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir -PassThru
    $emulator, $clientSecret, $secureSecret, $auditDir, $connection
}

# The end of every Chaos.*.Tests.ps1 file: disconnect, stop its emulators, save its figures.
function Stop-ChaosRun {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
    Save-ReliabilityFigure
}

# ---- Test data and the audit log ------------------------------------------------------------------

# -Count ranks KB-001, KB-002 ... for one session, scores 0.9, 0.8 ..., each with a small metadata map.
function New-TestRank([Parameter(Mandatory, Position = 0)] [AllowEmptyString()] [string] $SessionId, [Parameter(Position = 1)] [int] $Count = 3) {
    for ($i = 1; $i -le $Count; $i++) {
        $score = [math]::Round(1 - $i / 10, 2)
        New-SnippetRank -SessionId $SessionId -SnippetId ('KB-{0:000}' -f $i) -RelevanceScore $score -Metadata @{ category = 'billing' }
    }
}

# The audit log's entries in order, oldest file first. Each sent session has a ranking.sending
# (write-ahead) entry before its outcome: those are left out unless -IncludeWriteAhead (they are
# checked in AuditFailure.Tests.ps1 and StopBacklog.Tests.ps1).
function Read-AuditFileLine([string] $Path) {
    if ($Path -notlike '*.gz') { return [System.IO.File]::ReadAllLines($Path) }
    $gzip = [System.IO.Compression.GZipStream]::new([System.IO.File]::OpenRead($Path), [System.IO.Compression.CompressionMode]::Decompress)
    try { ([System.IO.StreamReader]::new($gzip)).ReadToEnd() -split "`n" } finally { $gzip.Dispose() }
}

function Get-AuditEntry([Parameter(Mandatory, Position = 0)] [string] $Directory, [switch] $IncludeWriteAhead) {
    if (-not (Test-Path -LiteralPath $Directory)) { return @() }
    # A closed day may be compressed (.jsonl.gz, the same file); files order by their .jsonl name.
    $entries = Get-ChildItem -LiteralPath $Directory -Filter 'cxone-audit-*.jsonl*' | Where-Object Name -Match '\.jsonl(\.gz)?$' |
        Sort-Object { $_.Name -replace '\.gz$' } | ForEach-Object { Read-AuditFileLine $_.FullName } |
        Where-Object { $_.Trim() } | ForEach-Object { $_ | ConvertFrom-Json }
    if ($IncludeWriteAhead) { return @($entries) }
    @($entries | Where-Object event -NE 'ranking.sending')
}

# An audit log of -Days old UTC days before today, one click per day in its own file, chained as the
# module chains (written here, not by the module: its clock is not ours to set). The oldest entry chains
# to 64 zeros. Returns the files' names, oldest first.
function New-AgedAuditLog([Parameter(Mandatory, Position = 0)] [string] $Directory, [Parameter(Mandatory)] [int] $Days) {
    $null = New-Item -ItemType Directory -Force $Directory
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $prev = '0' * 64
    $today = [DateTime]::UtcNow.Date
    try {
        for ($d = $Days; $d -ge 1; $d--) {
            $day = $today.AddDays(-$d)
            $stamp = $day.AddHours(9).ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [cultureinfo]::InvariantCulture)
            $json = '{"timestamp":"' + $stamp + '","event":"click","session_id":"aged-' + $d + '","snippet_id":"KB-1","rank_position":1,' +
                '"module_version":"0.1.0","host":"aged-host","user":"aged-user","prev_hash":"' + $prev + '"}'
            $hash = [Convert]::ToHexString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($prev + $json))).ToLowerInvariant()
            $name = 'cxone-audit-{0:yyyyMMdd}.jsonl' -f $day
            [IO.File]::WriteAllText((Join-Path $Directory $name), $json.Substring(0, $json.Length - 1) + ',"hash":"' + $hash + '"}' + "`n")
            $prev = $hash
            $name
        }
    }
    finally { $sha.Dispose() }
}

# Polls $Condition every 50 ms; throws when it is still false after -TimeoutSeconds.
function Wait-Until([Parameter(Mandatory, Position = 0)] [scriptblock] $Condition, [int] $TimeoutSeconds = 30) {
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out waiting for: $Condition" }
        Start-Sleep -Milliseconds 50
    }
}

# ---- A loopback HTTP receiver (a callback endpoint, or an API stand-in) ---------------------------

# A small HTTP endpoint: HttpListener on a free loopback port, served from a thread job, keeping
# every request's raw body and headers (so a signature can be checked over the exact bytes).
# It answers with -Responses in order, repeating the last; a response is a hashtable with
# Status, optional Body, Headers and DelayMs (a slow answer), and RetryAfterInSeconds for an
# HTTP-date Retry-After computed when the request arrives.
function Start-CallbackReceiver([int] $Status = 200, [hashtable[]] $Responses) {
    if (-not $Responses) { $Responses = @(@{ Status = $Status }) }
    $prefix = "http://127.0.0.1:$(Get-FreePort)/"
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add($prefix)
    $listener.Start()
    $received = [System.Collections.Concurrent.ConcurrentQueue[object]]::new()
    $job = Start-ThreadJob -ArgumentList $listener, $received, $Responses -ScriptBlock {
        param($listener, $received, $responses)
        $index = 0
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $buffer = [System.IO.MemoryStream]::new()
            $context.Request.InputStream.CopyTo($buffer)
            $headers = @{}
            foreach ($name in $context.Request.Headers.AllKeys) { $headers[$name] = $context.Request.Headers[$name] }
            $received.Enqueue([pscustomobject]@{
                Time        = [DateTime]::UtcNow
                Method      = $context.Request.HttpMethod
                Path        = $context.Request.Url.AbsolutePath
                RawUrl      = $context.Request.RawUrl
                ContentType = $context.Request.ContentType
                Headers     = $headers
                Body        = $buffer.ToArray()
            })
            $response = $responses[[Math]::Min($index, $responses.Count - 1)]
            $index++
            if ($response.DelayMs) { Start-Sleep -Milliseconds $response.DelayMs }
            $context.Response.StatusCode = $response.Status
            if ($response.RetryAfterInSeconds) {
                $context.Response.Headers['Retry-After'] = [DateTime]::UtcNow.AddSeconds($response.RetryAfterInSeconds).ToString('r')
            }
            if ($response.Headers) { foreach ($name in $response.Headers.Keys) { $context.Response.Headers[$name] = $response.Headers[$name] } }
            if ($response.Body) {
                $bytes = [System.Text.Encoding]::UTF8.GetBytes($response.Body)
                $context.Response.ContentType = 'application/json'
                $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            }
            $context.Response.Close()
        }
    }
    [pscustomobject]@{ Uri = [uri] $prefix; Listener = $listener; Received = $received; Job = $job }
}

function Stop-CallbackReceiver($Receiver) {
    if (-not $Receiver) { return }
    $Receiver.Listener.Stop()
    $Receiver.Listener.Close()
    $null = $Receiver.Job | Wait-Job -Timeout 5
    $Receiver.Job | Remove-Job -Force
}

function Get-CallbackRequest($Receiver, [int] $Expected, [int] $TimeoutSeconds = 10) {
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($Receiver.Received.Count -lt $Expected -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
    @($Receiver.Received.ToArray())
}

# ---- The hostile server (tests/CXoneRanking.Core.Tests/Hostile): a raw socket that misbehaves -------

# Compiles the xUnit tests' HostileServer and HostileAnswer into this process, once: after it,
# [CXoneRanking.Tests.Hostile.HostileAnswer]::CutBody(1000, '{') and the like build answers.
function Import-HostileServer {
    if ('CXoneRanking.Tests.Hostile.HostileServer' -as [type]) { return }
    $folder = Join-Path $env:CXONERANKING_REPO_ROOT 'tests/CXoneRanking.Core.Tests/Hostile'
    Add-Type -Path (Join-Path $folder 'HostileServer.cs'), (Join-Path $folder 'HostileAnswer.cs')
}

# One hostile server on a free loopback port answering with -Answer in order, the last repeated.
# Its .Uri is the root, its .Requests what arrived; Dispose() it after.
function Start-HostileServer([Parameter(Mandatory, Position = 0)] [object[]] $Answer) {
    Import-HostileServer
    [CXoneRanking.Tests.Hostile.HostileServer]::Start([CXoneRanking.Tests.Hostile.HostileAnswer[]] $Answer)
}

# ---- Chaos runs: an emulator with faults, ranks by the hundred, and the reliability figures --------

$ChaosClientId = 'chaos-pester'
$ChaosClientSecret = 'Chaos-Client-Secret-5d1e77'
$ReliabilityFigures = [ordered]@{}

# The client the chaos emulators accept: child processes sign in with it too.
function Get-ChaosClient { [pscustomobject]@{ Id = $ChaosClientId; Secret = $ChaosClientSecret } }

function Start-ChaosEmulator([string[]] $Options) {
    Start-CXoneEmulator -ArgumentList (@('--client-id', $ChaosClientId, '--client-secret', $ChaosClientSecret) + $Options)
}

function Connect-Chaos($Emulator, [string] $Audit, [int] $MaxAttempts = 10, [uri] $BaseUri) {
    if (-not $BaseUri) { $BaseUri = $Emulator.Uri }
    $secret = ConvertTo-SecureString $ChaosClientSecret -AsPlainText -Force
    Connect-CXone -BaseUri $BaseUri -TokenUri $Emulator.TokenUri -ClientId $ChaosClientId -ClientSecret $secret `
        -AuditPath $Audit -MaxAttempts $MaxAttempts -PassThru
}

function Get-SessionName([string] $Prefix, [int] $Number) { '{0}-{1:D3}' -f $Prefix, $Number }

# Sessions x snippets as CSV-like rows through New-SnippetRank, as a scheduled task would.
function New-ChaosRank([string] $Prefix, [int] $Sessions, [int] $Snippets = 5, [string] $Snippet = 'KB', [int] $First = 1) {
    $rows = foreach ($s in $First..($First + $Sessions - 1)) {
        foreach ($k in 1..$Snippets) {
            [pscustomobject]@{ session_id = Get-SessionName $Prefix $s; snippet_id = "$Snippet-$k"; relevance_score = [string](1 - $k / 10) }
        }
    }
    $rows | New-SnippetRank
}

# The faults the emulator injected into these POSTs, by kind.
function Get-FaultCount($Posts) {
    $counts = [ordered]@{ '429' = 0; '500' = 0; '409' = 0; 'reset' = 0 }
    foreach ($group in $Posts | Where-Object outcome -EQ 'fault' | Group-Object detail) { $counts[$group.Name] = $group.Count }
    $counts
}

# Prints one run's figures now; Save-ReliabilityFigure writes them at the end of the file.
function Add-ReliabilityFigure([string] $Run, [System.Collections.IDictionary] $Values) {
    $ReliabilityFigures[$Run] = [pscustomobject]$Values
    $text = ($Values.GetEnumerator() | ForEach-Object { "$($_.Key) $($_.Value)" }) -join ', '
    Write-Host ("  {0}: {1}" -f $Run, $text) -ForegroundColor Cyan
}

# Prints this file's figures and merges them into out/TestResults/reliability-figures.json
# (docs/reliability.md): each Chaos.*.Tests.ps1 file adds or replaces its own runs.
function Save-ReliabilityFigure {
    if ($ReliabilityFigures.Count -eq 0) { return }
    Write-Host "`nReliability figures (docs/reliability.md):" -ForegroundColor Cyan
    foreach ($run in $ReliabilityFigures.Keys) {
        $text = ($ReliabilityFigures[$run].PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ' '
        Write-Host ('  {0,-24} {1}' -f $run, $text) -ForegroundColor Cyan
    }
    $resultsDir = Join-Path $env:CXONERANKING_REPO_ROOT 'out/TestResults'
    $null = New-Item -ItemType Directory $resultsDir -Force
    $file = Join-Path $resultsDir 'reliability-figures.json'
    $all = [ordered]@{}
    if (Test-Path -LiteralPath $file) {
        $saved = Get-Content -LiteralPath $file -Raw | ConvertFrom-Json
        foreach ($property in $saved.PSObject.Properties) { $all[$property.Name] = $property.Value }
    }
    foreach ($run in $ReliabilityFigures.Keys) { $all[$run] = $ReliabilityFigures[$run] }
    $all | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $file -Encoding utf8
}

# A pwsh that is left running (to be killed mid-way, say): the same clean environment as
# Invoke-ChildPwsh. The caller waits for it, kills it and disposes it.
function Start-ChildPwsh([string] $Script, [hashtable] $Environment = @{}) {
    $dotnet = $env:DOTNET_HOST_PATH
    if (-not $dotnet -or -not (Test-Path $dotnet)) { $dotnet = (Get-Command dotnet -CommandType Application)[0].Source }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', $Script)) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.UseShellExecute = $false
    foreach ($name in @($startInfo.Environment.Keys)) { if ($name -like 'CXONE_*') { $null = $startInfo.Environment.Remove($name) } }
    $startInfo.Environment['CXONERANKING_MODULE_PATH'] = $env:CXONERANKING_MODULE_PATH
    foreach ($name in $Environment.Keys) { $startInfo.Environment[$name] = $Environment[$name] }
    [System.Diagnostics.Process]::Start($startInfo)
}

# The session ids of the ranking POSTs an emulator received after journal entry -After (its
# `sequence`), in arrival order, retries included; -Like narrows them.
function Get-EmulatorRankingPost($Emulator, [long] $After = 0, [string] $Like = '*') {
    @((Invoke-RestMethod -Uri "$($Emulator.Uri)_emulator/journal").entries |
        Where-Object { $_.method -eq 'POST' -and $_.path -like '*/snippets/ranking' -and $_.sequence -gt $After -and $_.session_id -like $Like } |
        ForEach-Object session_id)
}

# The newest journal sequence number, to count only what a later step sends.
function Get-EmulatorJournalMark($Emulator) {
    $entries = @((Invoke-RestMethod -Uri "$($Emulator.Uri)_emulator/journal").entries)
    if ($entries.Count -eq 0) { 0 } else { [long]$entries[-1].sequence }
}

# ---- The admin's first hour (AdminHour.*.Tests.ps1): one CSV of 30 sessions with bad rows ---------

# The CSV an admin exports on day one: sessions adm-01 .. adm-30 of 5 to 8 snippets (KB-1 .. KB-8,
# scores 0.9 .. 0.2, one `category` each), written to -Path with five bad rows among them:
#   adm-03 a row with an empty snippet id; adm-07 a score written "0,7"; adm-12 a score of 1.5;
#   adm-18 KB-1 a second time (a duplicate: the session breaks the engine's constraints);
#   after adm-22 a row without a session id.
# -Changed sessions get KB-1's score lowered to 0.15 (it falls to the bottom): a changed ranking.
# Returns what a test needs to know about the file: every row in order with its 1-based Input
# number (its place in Import-Csv's output), Kind ('Good', 'EmptySnippetId', 'CommaDecimal',
# 'ScoreAboveOne', 'Duplicate', 'NoSession') and Name (how a row error names it: "input 19
# (session 'adm-03')", "input 46 (session 'adm-07', snippet 'KB-90')"), the 30 session ids, the 29
# that can be sent, and the category of every snippet.
function New-AdminHourCsv([Parameter(Mandatory)] [string] $Path, [string[]] $Changed = @()) {
    $categories = 'billing', 'refund', 'shipping'
    $rows = [System.Collections.Generic.List[object]]::new()
    function Add-Row([string] $Session, [string] $Snippet, [string] $Score, [string] $Category, [string] $Kind) {
        $number = $rows.Count + 1
        $place = if ($Session) { "session '$Session'" } else { 'no session' }
        $rows.Add([pscustomobject]@{
                Input = $number; Kind = $Kind
                Name  = if ($Snippet) { "input $number ($place, snippet '$Snippet')" } else { "input $number ($place)" }
                Row   = [pscustomobject][ordered]@{ session_id = $Session; snippet_id = $Snippet; relevance_score = $Score; category = $Category }
            })
    }
    foreach ($s in 1..30) {
        $session = 'adm-{0:D2}' -f $s
        foreach ($k in 1..(5 + ($s - 1) % 4)) {
            $score = if ($k -eq 1 -and $session -in $Changed) { 0.15 } else { 1 - $k / 10 }
            Add-Row $session "KB-$k" $score.ToString([cultureinfo]::InvariantCulture) $categories[$k % 3] 'Good'
        }
        switch ($s) {
            3 { Add-Row $session '' '0.5' 'billing' 'EmptySnippetId' }
            7 { Add-Row $session 'KB-90' '0,7' 'billing' 'CommaDecimal' }
            12 { Add-Row $session 'KB-91' '1.5' 'billing' 'ScoreAboveOne' }
            18 { Add-Row $session 'KB-1' '0.05' 'refund' 'Duplicate' }
            22 { Add-Row '' 'KB-92' '0.5' 'billing' 'NoSession' }
        }
    }
    $rows.Row | Export-Csv -LiteralPath $Path -NoTypeInformation -Encoding utf8
    $sessions = 1..30 | ForEach-Object { 'adm-{0:D2}' -f $_ }
    [pscustomobject]@{
        Path          = $Path
        Rows          = $rows.ToArray()
        Sessions      = $sessions
        ValidSessions = @($sessions | Where-Object { $_ -ne 'adm-18' })
        Category      = @{ 'KB-1' = 'refund'; 'KB-2' = 'shipping'; 'KB-3' = 'billing'; 'KB-4' = 'refund'; 'KB-5' = 'shipping'; 'KB-6' = 'billing'; 'KB-7' = 'refund'; 'KB-8' = 'shipping' }
    }
}

Export-ModuleMember -Function Import-ModuleUnderTest, Initialize-SubmitSuite, Stop-ChaosRun, Invoke-ChildPwsh, Start-ChildPwsh, Get-EmulatorRankingPost, Get-EmulatorJournalMark, New-AdminHourCsv, Get-FreePort, Get-HmacHex, ConvertTo-Text, Get-SecretSearchPlace,
    Invoke-EmulatorControl, Reset-Emulator, Get-Journal, Get-RankingPost, Get-TokenIssuedCount, Set-Fault, Set-SessionLock,
    Get-AppliedRanking, Get-AppliedRankingBySession, New-TestRank, Get-AuditEntry, New-AgedAuditLog, Wait-Until,
    Start-CallbackReceiver, Stop-CallbackReceiver, Get-CallbackRequest, Import-HostileServer, Start-HostileServer,
    Get-ChaosClient, Start-ChaosEmulator, Connect-Chaos, Get-SessionName, New-ChaosRank, Get-FaultCount,
    Add-ReliabilityFigure, Save-ReliabilityFigure

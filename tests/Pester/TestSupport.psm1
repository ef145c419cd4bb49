<#
.SYNOPSIS
    Helpers several Pester files share: a child pwsh with a clean environment, a free loopback
    port, an HMAC to check callback signatures, and the text of a record and of every place
    a run leaves behind, to search for secrets.
#>

# A fresh pwsh with only the environment it is given: what a scheduled task sees.
function Invoke-ChildPwsh([string] $Script, [hashtable] $Environment = @{}) {
    $dotnet = if ($env:DOTNET_HOST_PATH -and (Test-Path $env:DOTNET_HOST_PATH)) { $env:DOTNET_HOST_PATH } else { (Get-Command dotnet -CommandType Application)[0].Source }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', $Script)) { $startInfo.ArgumentList.Add($argument) }
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
        if (-not $process.WaitForExit(60000)) { $process.Kill($true); throw 'The child pwsh did not finish within 60 s.' }
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
        '$Error as JSON'                                        = $Errors | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
        '$Error as CliXml'                                      = [System.Management.Automation.PSSerializer]::Serialize($Errors, 3)
        'the audit files'                                       = (Get-ChildItem -LiteralPath $AuditDirectory -File -Force | ForEach-Object { Get-Content -LiteralPath $_.FullName -Raw }) -join "`n"
        'the emulator journal'                                  = (Invoke-WebRequest -Uri "$($EmulatorUri)_emulator/journal").Content
    }
    foreach ($name in $Extra.Keys) { $places[$name] = $Extra[$name] }
    $places['the connection'] = $Connection.ToString() + ($Connection | Format-List * -Force | Out-String) +
        [System.Management.Automation.PSSerializer]::Serialize($Connection, 3)
    $places
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

Export-ModuleMember -Function Start-ChildPwsh, Get-EmulatorRankingPost, Get-EmulatorJournalMark
Export-ModuleMember -Function Invoke-ChildPwsh, Get-FreePort, Get-HmacHex, ConvertTo-Text, Get-SecretSearchPlace

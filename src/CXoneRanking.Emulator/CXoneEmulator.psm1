# Starts and stops the local CXone Agent Assist emulator for tests, demos, benchmarks and rehearsals.
# The emulator announces its URL with one stdout line; everything here hinges on reading that line.

Set-StrictMode -Version 3.0

$script:DllName = 'CXoneRanking.Emulator.dll'
$script:ListeningPattern = '^CXone emulator listening on (?<uri>http://\S+)$'
# Every emulator this module started and has not stopped yet, so none outlives the session.
$script:Running = [System.Collections.Generic.List[object]]::new()

function Resolve-EmulatorDll {
    param([string] $Path)

    if ($Path) {
        if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
            throw "The CXone emulator was not found at '$Path'."
        }
        return (Resolve-Path -LiteralPath $Path).ProviderPath
    }

    # Beside this file when laid out in out/emulator/; the repository's build output otherwise.
    $candidates = @(
        (Join-Path $PSScriptRoot $script:DllName),
        (Join-Path $PSScriptRoot (Join-Path '..' (Join-Path '..' (Join-Path 'out' (Join-Path 'emulator' $script:DllName)))))
    )
    foreach ($candidate in $candidates) {
        if (Test-Path -LiteralPath $candidate -PathType Leaf) {
            return (Resolve-Path -LiteralPath $candidate).ProviderPath
        }
    }
    throw ("The CXone emulator is not built. Run 'dotnet build src/CXoneRanking.Emulator -c Release -o out/emulator' " +
        "in the repository, or pass -Path. Looked in: $($candidates -join ', ')")
}

function Resolve-DotnetHost {
    # DOTNET_HOST_PATH is set by the dotnet CLI for child processes (dotnet test, dotnet pwsh):
    # it names the very host that is running, which PATH may not.
    if ($env:DOTNET_HOST_PATH -and (Test-Path -LiteralPath $env:DOTNET_HOST_PATH -PathType Leaf)) {
        return $env:DOTNET_HOST_PATH
    }
    $command = Get-Command -Name dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) {
        throw 'The dotnet host was not found: install the .NET 10 runtime or set DOTNET_HOST_PATH.'
    }
    return $command.Source
}

function ConvertTo-CommandLineArgument {
    # Only for Windows PowerShell 5.1, whose ProcessStartInfo has no ArgumentList.
    param([string] $Value)

    if ($Value -and $Value -notmatch '[\s"]') { return $Value }
    return '"' + ($Value -replace '(\\*)"', '$1$1\"' -replace '(\\+)$', '$1$1') + '"'
}

function Stop-EmulatorProcess {
    param([System.Diagnostics.Process] $Process)

    if ($Process.HasExited) { return }
    try {
        if ($Process.GetType().GetMethod('Kill', [type[]] @([bool]))) { $Process.Kill($true) } else { $Process.Kill() }
    } catch [System.InvalidOperationException] {
        # It exited between the check and the kill: nothing left to do.
    }
    $null = $Process.WaitForExit(10000)
}

function Start-CXoneEmulator {
    <#
    .SYNOPSIS
    Starts the CXone emulator on a free loopback port and waits until it listens.
    .DESCRIPTION
    Runs 'dotnet CXoneRanking.Emulator.dll --urls http://127.0.0.1:0 --parent-pid $PID <ArgumentList>'
    as a child process (so it stops when this PowerShell ends, however it ends), reads its stdout until the "CXone emulator listening on" line, and returns an object
    with Uri (the base URI), TokenUri, Process and a Stop() method.
    .PARAMETER Path
    The emulator dll. By default the one beside this module, then ../../out/emulator/.
    .PARAMETER ArgumentList
    More emulator options, e.g. '--client-secret','s3cret','--fault-rate','429=0.1','--seed','1'.
    A --urls given here replaces the free-port default.
    .PARAMETER TimeoutSeconds
    How long to wait for the listening line before giving up and killing the process.
    .EXAMPLE
    $emulator = Start-CXoneEmulator -ArgumentList '--latency-ms', '50'
    Invoke-RestMethod $emulator.Uri
    $emulator.Stop()
    #>
    [CmdletBinding()]
    [OutputType('CXoneRanking.Emulator')]
    param(
        [string] $Path,
        [string[]] $ArgumentList = @(),
        [ValidateRange(1, 600)]
        [int] $TimeoutSeconds = 30
    )

    $dll = Resolve-EmulatorDll -Path $Path
    $arguments = [System.Collections.Generic.List[string]]::new()
    $arguments.Add($dll)
    if (-not ($ArgumentList | Where-Object { $_ -eq '--urls' -or $_ -like '--urls=*' })) {
        $arguments.AddRange([string[]] @('--urls', 'http://127.0.0.1:0'))
    }
    if (-not ($ArgumentList | Where-Object { $_ -eq '--parent-pid' -or $_ -like '--parent-pid=*' })) {
        $arguments.AddRange([string[]] @('--parent-pid', [string] $PID))
    }
    foreach ($argument in $ArgumentList) { $arguments.Add($argument) }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new((Resolve-DotnetHost))
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    if ($startInfo.PSObject.Properties['ArgumentList']) {
        foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    } else {
        $startInfo.Arguments = ($arguments | ForEach-Object { ConvertTo-CommandLineArgument $_ }) -join ' '
    }

    Write-Verbose "Starting the CXone emulator: $($startInfo.FileName) $($arguments -join ' ')"
    $process = [System.Diagnostics.Process]::Start($startInfo)
    # Read stderr from the start: it explains a failed start, and an unread pipe could block the child.
    $stderr = $process.StandardError.ReadToEndAsync()
    $uri = $null
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not $uri) {
        $remaining = $deadline - [DateTime]::UtcNow
        $read = $process.StandardOutput.ReadLineAsync()
        if ($remaining -le [TimeSpan]::Zero -or -not $read.Wait($remaining)) {
            Stop-EmulatorProcess -Process $process
            throw "The CXone emulator did not report a listening address within $TimeoutSeconds s."
        }
        $line = $read.Result
        if ($null -eq $line) {
            $null = $process.WaitForExit(10000)
            $null = $stderr.Wait(5000)
            throw "The CXone emulator exited with code $($process.ExitCode) before listening: $($stderr.Result.Trim())"
        }
        if ($line -match $script:ListeningPattern) {
            $uri = [uri] $Matches['uri']
        }
    }
    # From here on nobody reads stdout; keep draining it so the emulator never blocks on a full pipe.
    $null = $process.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)

    $emulator = [pscustomobject] @{
        PSTypeName = 'CXoneRanking.Emulator'
        Uri        = $uri
        TokenUri   = [uri]::new($uri, '/oauth/token')
        ProcessId  = $process.Id
        Process    = $process
    }
    $emulator | Add-Member -MemberType ScriptMethod -Name Stop -Value { Stop-CXoneEmulator -Emulator $this }
    $script:Running.Add($emulator)
    $emulator
}

function Stop-CXoneEmulator {
    <#
    .SYNOPSIS
    Stops emulators started by Start-CXoneEmulator; without -Emulator, every one still running.
    .EXAMPLE
    $emulator | Stop-CXoneEmulator
    #>
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)]
        [object[]] $Emulator
    )

    process {
        $targets = if ($Emulator) { $Emulator } else { $script:Running.ToArray() }
        foreach ($target in $targets) {
            Stop-EmulatorProcess -Process $target.Process
            $null = $script:Running.Remove($target)
        }
    }
}

# Removing the module stops what it started. (A PowerShell that dies or exits is covered by
# --parent-pid: the emulator watches this process and stops with it.)
$ExecutionContext.SessionState.Module.OnRemove = { Stop-CXoneEmulator }

Export-ModuleMember -Function Start-CXoneEmulator, Stop-CXoneEmulator

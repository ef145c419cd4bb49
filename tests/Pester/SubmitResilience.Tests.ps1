#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The parts of Submit-SnippetRanking a scheduled job leans on when things go badly: Ctrl+C during
# a long wait stops at once and leaves a truthful audit (docs/design.md#cancellation), and no client
# secret, callback secret or access token ever shows in a stream, transcript, error, file or the
# emulator's journal (docs/design.md#security-rules and issue 5).

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientId = 'resilience-pester'
    $clientSecret = 'Resilience-Client-Secret-e93b1d'
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force
    # A 429 here parks the client for 30 s: only Ctrl+C can end the wait early.
    $slowEmulator = Start-CXoneEmulator -ArgumentList '--client-id', $clientId, '--client-secret', $clientSecret, '--retry-after', '30'

    function Invoke-EmulatorControl {
        param([string] $Method = 'Get', [Parameter(Mandatory)] [string] $Path, $Body, [Parameter(Mandatory)] $Emulator)
        $arguments = @{ Method = $Method; Uri = "$($Emulator.Uri)$($Path.TrimStart('/'))" }
        if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Depth 5 -Compress); $arguments.ContentType = 'application/json' }
        Invoke-RestMethod @arguments
    }

    function Set-Fault([string] $SessionId, [object[]] $Responses, $Emulator) {
        $null = Invoke-EmulatorControl -Method Post -Path '_emulator/faults' -Body @{ session_id = $SessionId; responses = $Responses } -Emulator $Emulator
    }

    function Get-RankingPost([string] $SessionId, $Emulator) {
        @((Invoke-EmulatorControl -Path "_emulator/journal?session_id=$([uri]::EscapeDataString($SessionId))" -Emulator $Emulator).entries |
            Where-Object { $_.method -eq 'POST' })
    }

    function Get-AppliedRanking([string] $SessionId, $Emulator) {
        $reply = Invoke-RestMethod -Uri "$($Emulator.Uri)_emulator/rankings/$([uri]::EscapeDataString($SessionId))" -SkipHttpErrorCheck -StatusCodeVariable status
        if ($status -eq 404) { return $null }
        $reply
    }

    # The outcome entries; the ranking.sending (write-ahead) entries are checked in AuditFailure.Tests.ps1.
    function Get-AuditEntry([string] $Directory) {
        if (-not (Test-Path -LiteralPath $Directory)) { return @() }
        @(Get-ChildItem -LiteralPath $Directory -Filter 'cxone-audit-*.jsonl' | Sort-Object Name |
            Get-Content | Where-Object { $_.Trim() } | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object event -NE 'ranking.sending')
    }

    function New-TestRank([string] $SessionId, [int] $Count = 2) {
        for ($i = 1; $i -le $Count; $i++) {
            New-SnippetRank -SessionId $SessionId -SnippetId ('KB-{0:000}' -f $i) -RelevanceScore ([math]::Round(1 - $i / 10, 2))
        }
    }

    function Wait-Until([scriptblock] $Condition, [int] $TimeoutSeconds = 15) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out waiting for: $Condition" }
            Start-Sleep -Milliseconds 50
        }
    }

    # Starts a submission in a hosted runspace (as a console host runs a command), waits until
    # $Ready says it is parked in a wait, then stops it from this thread the way Ctrl+C does.
    function Invoke-StoppedSubmission {
        param([Parameter(Mandatory)] [scriptblock] $Submit, [Parameter(Mandatory)] $Connection, [Parameter(Mandatory)] [scriptblock] $Ready)
        $ps = [powershell]::Create()
        $null = $ps.AddScript('param($modulePath, $connection, $submit) Import-Module $modulePath; & ([scriptblock]::Create($submit)) $connection').
            AddArgument($env:CXONERANKING_MODULE_PATH).AddArgument($Connection).AddArgument($Submit.ToString())
        $pending = $ps.BeginInvoke()
        try {
            Wait-Until $Ready
            Start-Sleep -Milliseconds 700   # well inside the wait now
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            [pscustomobject]@{
                StopSeconds = $clock.Elapsed.TotalSeconds
                State       = $ps.InvocationStateInfo.State
                Completed   = $pending.IsCompleted
                Errors      = @($ps.Streams.Error)
            }
        }
        finally { $ps.Dispose() }
    }
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
}

Describe 'Ctrl+C during a submission' {
    BeforeAll {
        $cancelAudit = Join-Path $TestDrive 'audit-cancel'
        $connection = Connect-CXone -BaseUri $slowEmulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath $cancelAudit -PassThru
    }

    It 'stops within 5 s during a 30 s Retry-After, audits ranking.cancelled and applies nothing' {
        Set-Fault 'cc-1' @(429) $slowEmulator

        $stopped = Invoke-StoppedSubmission -Connection $connection -Ready { (Get-RankingPost 'cc-1' $slowEmulator).Count -ge 1 } -Submit {
            param($connection)
            New-SnippetRank -SessionId 'cc-1' -SnippetId KB-1 -RelevanceScore 0.9 | Submit-SnippetRanking -Connection $connection
        }

        $stopped.StopSeconds | Should -BeLessThan 5
        $stopped.State | Should -Be 'Stopped'
        $stopped.Completed | Should -BeTrue
        $entry = @(Get-AuditEntry $cancelAudit | Where-Object session_id -EQ 'cc-1')
        $entry.Count | Should -Be 1
        $entry[0].event | Should -Be 'ranking.cancelled'
        $entry[0].status | Should -Be 'Cancelled'
        $entry[0].attempts | Should -Be 1
        $entry[0].http_status | Should -Be 429
        (Test-RankingAuditLog -Path $cancelAudit).IsValid | Should -BeTrue
        Start-Sleep -Milliseconds 1000   # nothing left running may post later
        (Get-RankingPost 'cc-1' $slowEmulator).Count | Should -Be 1
        Get-AppliedRanking 'cc-1' $slowEmulator | Should -BeNullOrEmpty
    }

    It 'stops within 5 s while waiting for a locked session, and audits it as cancelled' {
        $null = Invoke-EmulatorControl -Method Post -Path '_emulator/sessions/cc-lock/lock' -Body @{ seconds = 60 } -Emulator $slowEmulator
        try {
            $stopped = Invoke-StoppedSubmission -Connection $connection -Ready { (Get-RankingPost 'cc-lock' $slowEmulator).Count -ge 1 } -Submit {
                param($connection)
                New-SnippetRank -SessionId 'cc-lock' -SnippetId KB-1 -RelevanceScore 0.9 | Submit-SnippetRanking -Connection $connection -LockTimeout 120
            }
        }
        finally { $null = Invoke-EmulatorControl -Method Post -Path '_emulator/sessions/cc-lock/lock' -Body @{ seconds = 0 } -Emulator $slowEmulator }

        $stopped.StopSeconds | Should -BeLessThan 5
        $stopped.State | Should -Be 'Stopped'
        $entry = @(Get-AuditEntry $cancelAudit | Where-Object session_id -EQ 'cc-lock')
        $entry.Count | Should -Be 1
        $entry[0].event | Should -Be 'ranking.cancelled'
        $entry[0].http_status | Should -Be 409
        Start-Sleep -Milliseconds 500
        @(Get-RankingPost 'cc-lock' $slowEmulator).Count | Should -Be 1
        Get-AppliedRanking 'cc-lock' $slowEmulator | Should -BeNullOrEmpty
    }

    It 'audits sessions still queued behind -ThrottleLimit as cancelled with 0 attempts, and never sends them' {
        Set-Fault 'cq-1' @(429) $slowEmulator

        $stopped = Invoke-StoppedSubmission -Connection $connection -Ready { (Get-RankingPost 'cq-1' $slowEmulator).Count -ge 1 } -Submit {
            param($connection)
            'cq-1', 'cq-2', 'cq-3' | ForEach-Object { New-SnippetRank -SessionId $_ -SnippetId KB-1 -RelevanceScore 0.9 } |
                Submit-SnippetRanking -Connection $connection -ThrottleLimit 1
        }

        $stopped.StopSeconds | Should -BeLessThan 5
        Start-Sleep -Milliseconds 500
        $entries = @(Get-AuditEntry $cancelAudit | Where-Object session_id -Like 'cq-*')
        ($entries.session_id | Sort-Object) | Should -Be @('cq-1', 'cq-2', 'cq-3') -Because 'every session of the run leaves an entry'
        $entries.event | Sort-Object -Unique | Should -Be 'ranking.cancelled'
        foreach ($queued in 'cq-2', 'cq-3') {
            @(Get-RankingPost $queued $slowEmulator) | Should -BeNullOrEmpty -Because "$queued was never started"
            ($entries | Where-Object session_id -EQ $queued).attempts | Should -Be 0 -Because "no POST was made for $queued, so the audit must not count one"
        }
        (Test-RankingAuditLog -Path $cancelAudit).IsValid | Should -BeTrue
    }
}

Describe 'A token endpoint that does not answer' {
    BeforeAll {
        $mute = Start-CXoneEmulator -ArgumentList '--client-id', $clientId, '--client-secret', $clientSecret, '--latency-ms', '30000'
    }
    AfterAll { if ($mute) { Stop-CXoneEmulator $mute } }

    It 'fails Connect-CXone with TokenEndpointUnreachable after -RequestTimeout' {
        Disconnect-CXone
        $thrown = { Connect-CXone -BaseUri $mute.Uri -ClientId $clientId -ClientSecret $secureSecret -RequestTimeout 1 } |
            Should -Throw -ErrorId 'TokenEndpointUnreachable,*' -PassThru
        $thrown.Exception.Message | Should -BeLike '*did not answer*'
        $global:CXoneRankingConnection | Should -BeNullOrEmpty
    }

    It 'stops Connect-CXone within 5 s on Ctrl+C, and keeps no connection' {
        $ps = [powershell]::Create()
        $importing = [System.Threading.ManualResetEventSlim]::new($false)
        try {
            $null = $ps.AddScript({
                    param($modulePath, $uri, $id, $secret, $imported)
                    Import-Module $modulePath
                    $imported.Set()
                    Connect-CXone -BaseUri $uri -ClientId $id -ClientSecret $secret -RequestTimeout 60
                }).AddArgument($env:CXONERANKING_MODULE_PATH).AddArgument($mute.Uri).AddArgument($clientId).AddArgument($secureSecret).AddArgument($importing)
            $null = $ps.BeginInvoke()
            $importing.Wait([timespan]::FromSeconds(15)) | Should -BeTrue
            Start-Sleep -Milliseconds 1000   # inside the 30 s token request by now
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Commands.Clear()
            $left = $ps.AddScript('Get-Variable -Name CXoneRankingConnection -Scope Global -ValueOnly -ErrorAction SilentlyContinue').Invoke()
            $left | Should -BeNullOrEmpty
        }
        finally { $ps.Dispose(); $importing.Dispose() }
    }
}

Describe 'Secrets and tokens stay out of every output' {
    BeforeAll {
        $emulator = Start-CXoneEmulator -ArgumentList '--client-id', $clientId, '--client-secret', $clientSecret, '--retry-after', '0'
        $wrongSecret = 'Wrong-Client-Secret-4c0ffee'
        $callbackSecret = 'Callback-Signing-Secret-a71f'
        $secretAudit = Join-Path $TestDrive 'audit-secrets'
        $transcriptPath = Join-Path $TestDrive 'transcript.txt'
        # The emulator's tokens are 32 random bytes in unpadded base64url: 43 characters of [A-Za-z0-9_-].
        $tokenShape = '(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])'

        # The token the connection holds now. Reflection into internals, only to know what to look for.
        function Get-HeldToken($Connection) {
            $flags = [System.Reflection.BindingFlags] 'NonPublic, Public, Instance'
            $cacheField = $Connection.GetType().GetField('_tokens', $flags)
            if (-not $cacheField) { return $null }
            $cache = $cacheField.GetValue($Connection)
            $currentField = $cache.GetType().GetField('_current', $flags)
            if (-not $currentField) { return $null }
            $current = $currentField.GetValue($cache)
            if (-not $current) { return $null }
            $current.GetType().GetProperty('Value', $flags).GetValue($current)
        }

        $Error.Clear()
        $records = [System.Collections.Generic.List[object]]::new()
        $tokens = [System.Collections.Generic.List[string]]::new()
        # -Debug alone would make warnings and errors Inquire, which a non-interactive host cannot
        # answer: keep them Continue, as a scheduled job that wants debug output would.
        $null = Start-Transcript -Path $transcriptPath
        try {
            try {
                Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret (ConvertTo-SecureString $wrongSecret -AsPlainText -Force) -Verbose -Debug *>&1 |
                    ForEach-Object { $records.Add($_) }
            }
            catch { $records.Add($_) }

            $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath $secretAudit -PassThru -Verbose -Debug *>&1 |
                ForEach-Object { $records.Add($_); $_ } | Where-Object { $_ -is [CXoneRanking.CXoneConnection] }
            $tokens.Add((Get-HeldToken $connection))

            Set-Fault 'sec-1' @(401, 500, 429, 'reset') $emulator
            Set-Fault 'sec-3' @(400) $emulator
            $null = Invoke-EmulatorControl -Method Post -Path '_emulator/sessions/sec-2/lock' -Body @{ seconds = 0.5 } -Emulator $emulator
            $deadCallback = [uri] "http://127.0.0.1:$(& { $p = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $p.Start(); $p.LocalEndpoint.Port; $p.Stop() })/cb"
            $submitted = @(New-TestRank 'sec-1' 3) + @(New-TestRank 'sec-2' 2) + @(New-TestRank 'sec-3' 1) |
                Submit-SnippetRanking -Verbose -Debug -WarningAction Continue -ErrorAction Continue -LockTimeout 10 -CallbackUri $deadCallback -CallbackSecret (ConvertTo-SecureString $callbackSecret -AsPlainText -Force) *>&1
            $submitted | ForEach-Object { $records.Add($_) }
            $tokens.Add((Get-HeldToken $connection))

            Disconnect-CXone -Verbose *>&1 | ForEach-Object { $records.Add($_) }
            try { New-TestRank 'sec-4' 1 | Submit-SnippetRanking -Verbose -Debug *>&1 | ForEach-Object { $records.Add($_) } }
            catch { $records.Add($_) }
        }
        finally { $null = Stop-Transcript }

        $results = @($records | Where-Object { $_ -is [CXoneRanking.RankingSubmissionResult] })
        $places = [ordered]@{
            'output, verbose, debug, warning and error streams' = ($records | ForEach-Object { ConvertTo-Text $_ }) -join "`n"
            'the transcript'                                    = Get-Content -LiteralPath $transcriptPath -Raw
            '$Error | Out-String'                               = $Error | Out-String
            '$Error | ConvertTo-Json'                           = $Error | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
            'the results'                                       = ($results | Format-List * | Out-String) + ($results | ConvertTo-Json -Depth 6 -WarningAction SilentlyContinue)
            'the audit files'                                   = (Get-ChildItem -LiteralPath $secretAudit -File | ForEach-Object { Get-Content -LiteralPath $_.FullName -Raw }) -join "`n"
            'the emulator journal'                              = (Invoke-WebRequest -Uri "$($emulator.Uri)_emulator/journal").Content
            'the connection'                                    = $connection.ToString() + ($connection | Format-List * -Force | Out-String) +
                                                                  ($connection | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue) +
                                                                  [System.Management.Automation.PSSerializer]::Serialize($connection, 3)
        }
        $secrets = @{ 'client secret' = $clientSecret; 'wrong client secret' = $wrongSecret; 'callback secret' = $callbackSecret }
    }
    AfterAll {
        if ($emulator) { Stop-CXoneEmulator $emulator }
    }

    It 'ran the whole flow: failed sign-in, 401 renewal, retries, lock, rejection, failed callback, disconnect' {
        $results.Count | Should -Be 3
        ($results | Where-Object SessionId -EQ 'sec-1').Status | Should -Be 'Succeeded'
        ($results | Where-Object SessionId -EQ 'sec-1').Attempts | Should -Be 5
        ($results | Where-Object SessionId -EQ 'sec-2').Status | Should -Be 'Succeeded'
        ($results | Where-Object SessionId -EQ 'sec-3').Status | Should -Be 'RankingRejected'
        $connection.TokenRequests | Should -Be 2 -Because 'the 401 renewed the token once'
        @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -BeGreaterOrEqual 3 -Because 'each callback failed'
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId |
            Should -Match '^(AuthenticationFailed|RankingRejected|NotConnected),'
        $Error.Count | Should -BeGreaterOrEqual 3
        $places['the transcript'] | Should -Not -BeNullOrEmpty
        $places['the audit files'] | Should -Match 'sec-1'
    }

    It 'logged every HTTP attempt at Verbose and the bodies at Debug' {
        $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $debug = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message
        @($verbose | Where-Object { $_ -match 'POST /api/v2/agentassist/sessions/sec-1/snippets/ranking' }).Count | Should -Be 5
        @($debug | Where-Object { $_ -match '"snippet_id":"KB-001"' }).Count | Should -BeGreaterOrEqual 1
        @($debug | Where-Object { $_ -match '"ranking_id"' }).Count | Should -BeGreaterOrEqual 1 -Because 'response bodies are logged at Debug'
    }

    It 'knows the tokens it must not find' {
        $tokens.Count | Should -Be 2
        if (-not $tokens[0]) { Set-ItResult -Inconclusive -Because 'the connection''s token could not be read by reflection (internals renamed?); only the token-shape check applies' }
        $tokens[0] | Should -Match "^$tokenShape$"
        $tokens[1] | Should -Not -Be $tokens[0]
    }

    It 'shows no <Name> in <Place>' -ForEach @(
        foreach ($place in 'output, verbose, debug, warning and error streams', 'the transcript', '$Error | Out-String', '$Error | ConvertTo-Json',
            'the results', 'the audit files', 'the emulator journal', 'the connection') {
            foreach ($name in 'client secret', 'wrong client secret', 'callback secret') { @{ Place = $place; Name = $name } }
        }
    ) {
        $places[$Place] | Should -Not -BeNullOrEmpty
        $places[$Place] | Should -Not -Match ([regex]::Escape($secrets[$Name]))
    }

    It 'shows no access token in <Place>' -ForEach @(
        'output, verbose, debug, warning and error streams', 'the transcript', '$Error | Out-String', '$Error | ConvertTo-Json',
        'the results', 'the audit files', 'the emulator journal', 'the connection' | ForEach-Object { @{ Place = $_ } }
    ) {
        foreach ($token in $tokens | Where-Object { $_ }) {
            $places[$Place].Contains($token) | Should -BeFalse -Because "a token the connection held appears in $Place"
        }
        [regex]::Matches($places[$Place], $tokenShape).Value | Should -BeNullOrEmpty -Because 'nothing shaped like an emulator token may appear'
        $places[$Place] | Should -Not -Match 'Bearer\s+[A-Za-z0-9_-]' -Because 'no Authorization header value may be shown'
    }
}

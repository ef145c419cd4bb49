#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Issue 7's security checks at the cmdlets: no secret and no token anywhere after a full
# -Verbose -Debug run that renews its token several times and uses every cmdlet in one
# transcript; loopback look-alikes refused for every URI the module sends to; owner-only audit
# files even under a permissive umask; and the input size limits. Complements
# SubmitResilience.Tests.ps1 (secrets in a submit flow), Connect.Tests.ps1 and Submit.Callbacks.Tests.ps1
# (plain http refused), and the xUnit guards (certificate validation, escaped session ids,
# bounded response reads).

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientId = 'security-pester'
    $clientSecret = 'Security-Client-Secret-71c3b9'
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force
    # Tokens live 2 s so that the run below renews them several times; 60 ms per answer keeps it going.
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', $clientId, '--client-secret', $clientSecret,
        '--token-lifetime', '2', '--latency-ms', '60', '--retry-after', '0'

    # A loopback HTTP endpoint served from a thread job. With -Upstream it forwards each request
    # there and keeps the access_token of every answer (so the test knows every token that was
    # ever issued); without, it answers 200 and keeps each request's headers and raw body.
    function Start-Endpoint([uri] $Upstream) {
        $prefix = "http://127.0.0.1:$(Get-FreePort)/"
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add($prefix)
        $listener.Start()
        $received = [System.Collections.Concurrent.ConcurrentQueue[object]]::new()
        $tokens = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
        $job = Start-ThreadJob -ArgumentList $listener, $Upstream, $received, $tokens -ScriptBlock {
            param($listener, $upstream, $received, $tokens)
            $http = [System.Net.Http.HttpClient]::new()
            while ($listener.IsListening) {
                try { $context = $listener.GetContext() } catch { break }
                $buffer = [System.IO.MemoryStream]::new()
                $context.Request.InputStream.CopyTo($buffer)
                $headers = @{}
                foreach ($name in $context.Request.Headers.AllKeys) { $headers[$name] = $context.Request.Headers[$name] }
                $received.Enqueue([pscustomobject]@{ Path = $context.Request.RawUrl; Headers = $headers; Body = $buffer.ToArray() })
                $status = 200
                $body = [byte[]]@()
                if ($upstream) {
                    $content = [System.Net.Http.ByteArrayContent]::new($buffer.ToArray())
                    $null = $content.Headers.TryAddWithoutValidation('Content-Type', $context.Request.ContentType)
                    $answer = $http.PostAsync($upstream, $content).GetAwaiter().GetResult()
                    $status = [int]$answer.StatusCode
                    $body = $answer.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()
                    try {
                        $token = ([System.Text.Encoding]::UTF8.GetString($body) | ConvertFrom-Json).access_token
                        if ($token) { $tokens.Enqueue($token) }
                    }
                    catch { }
                }
                $context.Response.StatusCode = $status
                $context.Response.ContentType = 'application/json'
                $context.Response.OutputStream.Write($body, 0, $body.Length)
                $context.Response.Close()
            }
        }
        [pscustomobject]@{ Uri = [uri] $prefix; Listener = $listener; Received = $received; Tokens = $tokens; Job = $job }
    }

    function Stop-Endpoint($Endpoint) {
        if (-not $Endpoint) { return }
        $Endpoint.Listener.Stop()
        $Endpoint.Listener.Close()
        $null = $Endpoint.Job | Wait-Job -Timeout 5
        $Endpoint.Job | Remove-Job -Force
    }

}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
}

Describe 'No secret and no token anywhere after a full -Verbose -Debug run of every cmdlet' {
    BeforeAll {
        $wrongSecret = 'Wrong-Security-Secret-0bad5e'
        $callbackSecret = 'Callback-Security-Secret-3f9a1c'
        $audit = Join-Path $TestDrive 'audit-secrets'
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $tokenEndpoint = Start-Endpoint -Upstream $emulator.TokenUri
        $callback = Start-Endpoint
        $tokenUri = [uri] "$($tokenEndpoint.Uri)oauth/token"
        # The emulator's tokens: 32 random bytes in unpadded base64url, 43 characters of [A-Za-z0-9_-].
        $tokenShape = '(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])'

        $Error.Clear()
        $records = [System.Collections.Generic.List[object]]::new()
        $common = @{ Verbose = $true; Debug = $true; WarningAction = 'Continue'; ErrorAction = 'Continue' }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $null = Start-Transcript -LiteralPath $transcript
        try {
            try { Connect-CXone -BaseUri $emulator.Uri -TokenUri $tokenUri -ClientId $clientId -ClientSecret (ConvertTo-SecureString $wrongSecret -AsPlainText -Force) @common *>&1 | ForEach-Object { $records.Add($_) } }
            catch { $records.Add($_) }

            $connection = Connect-CXone -BaseUri $emulator.Uri -TokenUri $tokenUri -ClientId $clientId -ClientSecret $secureSecret -AuditPath $audit -PassThru @common *>&1 |
                ForEach-Object { $records.Add($_); $_ } | Where-Object { $_ -is [CXoneRanking.CXoneConnection] }

            Set-Fault $emulator 'sec-401' @(401)
            Set-Fault $emulator 'sec-500' @(500, 'reset')
            Set-Fault $emulator 'sec-400' @(400)
            $rows = foreach ($s in @('sec-401', 'sec-500', 'sec-400') + @(1..60 | ForEach-Object { 'sec-{0:D2}' -f $_ })) {
                foreach ($k in 1..3) { [pscustomobject]@{ session_id = $s; snippet_id = "KB-$k"; relevance_score = [string](1 - $k / 10) } }
            }
            $rows | New-SnippetRank | Submit-SnippetRanking -ThrottleLimit 2 -CallbackUri $callback.Uri `
                -CallbackSecret (ConvertTo-SecureString $callbackSecret -AsPlainText -Force) @common *>&1 | ForEach-Object { $records.Add($_) }

            1..5 | ForEach-Object { [pscustomobject]@{ session_id = "sec-0$_"; snippet_id = 'KB-1'; rank_position = 1 } } |
                Add-SnippetClick -Path $audit -PassThru @common *>&1 | ForEach-Object { $records.Add($_) }
            Get-RankingMetrics -Path $audit @common *>&1 | ForEach-Object { $records.Add($_) }
            Test-RankingAuditLog -Path $audit @common *>&1 | ForEach-Object { $records.Add($_) }
            New-SnippetRank -SessionId ('s' * 300) -SnippetId KB-1 -RelevanceScore 0.5 | Test-RankingPayload @common *>&1 | ForEach-Object { $records.Add($_) }

            Disconnect-CXone @common *>&1 | ForEach-Object { $records.Add($_) }
            try { New-SnippetRank -SessionId 'sec-late' -SnippetId KB-1 -RelevanceScore 0.5 | Submit-SnippetRanking @common *>&1 | ForEach-Object { $records.Add($_) } }
            catch { $records.Add($_) }
        }
        finally {
            $null = Stop-Transcript
            $clock.Stop()
            Stop-Endpoint $tokenEndpoint
            Stop-Endpoint $callback
        }

        $tokens = @($tokenEndpoint.Tokens.ToArray())
        $callbacks = @($callback.Received.ToArray())
        $results = @($records | Where-Object { $_ -is [CXoneRanking.RankingSubmissionResult] })
        $callbackText = ($callbacks | ForEach-Object { ($_.Headers | ConvertTo-Json -Compress); [System.Text.Encoding]::UTF8.GetString($_.Body) }) -join "`n"
        $places = Get-SecretSearchPlace -Records $records -Transcript $transcript -Errors $Error -AuditDirectory $audit `
            -EmulatorUri $emulator.Uri -Connection $connection -Extra @{ 'the callbacks, headers and bodies' = $callbackText }
        $secrets = @{ 'client secret' = $clientSecret; 'wrong client secret' = $wrongSecret; 'callback secret' = $callbackSecret }
        Write-Host ("  secrets run: {0:N1} s, {1} tokens issued and looked for in {2} places, {3} callbacks, {4} records" -f
            $clock.Elapsed.TotalSeconds, $tokens.Count, $places.Count, $callbacks.Count, $records.Count) -ForegroundColor Cyan
    }

    It 'ran the whole flow: failed sign-in, renewals, 401, retries, rejection, callbacks, clicks, metrics, verification, disconnect' {
        $results.Count | Should -Be 63
        @($results | Where-Object Status -EQ 'Succeeded').Count | Should -Be 62
        ($results | Where-Object SessionId -EQ 'sec-400').Status | Should -Be 'RankingRejected'
        ($results | Where-Object SessionId -EQ 'sec-500').Attempts | Should -Be 3
        $callbacks.Count | Should -Be 63
        @($records | Where-Object { $_ -is [CXoneRanking.AuditEntry] }).Count | Should -Be 5
        @($records | Where-Object { $_ -is [CXoneRanking.RankingMetrics] }).Count | Should -Be 1
        @($records | Where-Object { $_ -is [CXoneRanking.AuditVerificationResult] })[0].IsValid | Should -BeTrue
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId |
            Should -Match '^(AuthenticationFailed|RankingRejected|NotConnected),'
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 60
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 60
    }

    It 'renewed the token several times, and knows every token that was issued' {
        $tokens.Count | Should -BeGreaterOrEqual 3 -Because 'a 2 s token renews about every second, and the 401 forces one more'
        $connection.TokenRequests | Should -Be $tokens.Count
        $tokens | ForEach-Object { $_ | Should -Match "^$tokenShape$" }
        ($tokens | Sort-Object -Unique).Count | Should -Be $tokens.Count
    }

    It 'signed every callback with the callback secret, without sending the secret or any bearer token' {
        foreach ($request in $callbacks) {
            $request.Headers['X-CXone-Signature'] | Should -Be ('sha256=' + (Get-HmacHex $request.Body $callbackSecret))
            $request.Headers.ContainsKey('Authorization') | Should -BeFalse -Because 'the callback must not carry the API token'
        }
    }

    It 'shows no <Name> in <Place>' -ForEach @(
        foreach ($place in 'the output, verbose, debug, warning and error streams', 'the transcript', '$Error as text', '$Error as JSON', '$Error as CliXml',
            'the audit files', 'the emulator journal', 'the callbacks, headers and bodies', 'the connection') {
            foreach ($name in 'client secret', 'wrong client secret', 'callback secret') { @{ Place = $place; Name = $name } }
        }
    ) {
        $places[$Place] | Should -Not -BeNullOrEmpty
        $places[$Place].Contains($secrets[$Name]) | Should -BeFalse
    }

    It 'shows none of the issued tokens, and nothing shaped like one, in <Place>' -ForEach @(
        'the output, verbose, debug, warning and error streams', 'the transcript', '$Error as text', '$Error as JSON', '$Error as CliXml',
        'the audit files', 'the emulator journal', 'the callbacks, headers and bodies', 'the connection' | ForEach-Object { @{ Place = $_ } }
    ) {
        foreach ($token in $tokens) { $places[$Place].Contains($token) | Should -BeFalse -Because "an issued token appears in $Place" }
        [regex]::Matches($places[$Place], $tokenShape).Value | Should -BeNullOrEmpty
        $places[$Place] | Should -Not -Match 'Bearer\s+[A-Za-z0-9_-]'
    }
}

Describe 'Plain http to a host that only looks like loopback' {
    BeforeEach { Disconnect-CXone }

    It 'refuses <Uri> as the base URI, the token URI and the callback URI, sending nothing' -ForEach @(
        'http://localhost.example.com/', 'http://127.0.0.1.nip.io/', 'http://localhost@cxone.example.com/', 'http://127.0.0.1:80@10.0.0.5/',
        'http://10.0.0.1/', 'http://[fe80::1]/', 'http://0.0.0.0/' | ForEach-Object { @{ Uri = $_ } }
    ) {
        $before = @(Get-Journal $emulator).Count
        { Connect-CXone -BaseUri $Uri -TokenUri $emulator.TokenUri -ClientId $clientId -ClientSecret $secureSecret } |
            Should -Throw -ErrorId 'InvalidConnectionSettings,*'
        { Connect-CXone -BaseUri $emulator.Uri -TokenUri "$($Uri)oauth/token" -ClientId $clientId -ClientSecret $secureSecret } |
            Should -Throw -ErrorId 'InvalidConnectionSettings,*'
        @(Get-Journal $emulator).Count | Should -Be $before -Because 'the secret is never sent'

        $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'audit-lookalike') -PassThru
        $before = @(Get-Journal $emulator).Count
        { New-SnippetRank -SessionId 'lookalike' -SnippetId KB-1 -RelevanceScore 0.5 | Submit-SnippetRanking -Connection $connection -CallbackUri $Uri } |
            Should -Throw -ErrorId 'InvalidCallbackUri,*'
        @(Get-Journal $emulator).Count | Should -Be $before -Because 'nothing is submitted when the callback is refused'
    }

    It 'still accepts the real loopback forms' {
        foreach ($uri in "http://127.0.0.1:$($emulator.Uri.Port)/", "http://localhost:$($emulator.Uri.Port)/") {
            $connection = Connect-CXone -BaseUri $uri -ClientId $clientId -ClientSecret $secureSecret -PassThru
            $connection.BaseUri | Should -Be ([uri] $uri)
            Disconnect-CXone
        }
    }
}

Describe 'Audit files under a permissive umask' {
    It 'are owner-only (0600, folders 0700) when a process with umask 000 submits and records clicks' -Skip:$IsWindows {
        $dir = Join-Path $TestDrive 'umask/nested/audit'
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$env:CXONERANKING_MODULE_PATH'
Connect-CXone -BaseUri '$($emulator.Uri)' -ClientId '$clientId' -ClientSecret (ConvertTo-SecureString '$clientSecret' -AsPlainText -Force) -AuditPath '$dir'
`$result = New-SnippetRank -SessionId 'umask-1' -SnippetId KB-1 -RelevanceScore 0.5 | Submit-SnippetRanking
if (`$result.Status -ne 'Succeeded') { exit 3 }
Add-SnippetClick -SessionId 'umask-1' -SnippetId KB-1 -RankPosition 1
New-Item -ItemType File '$TestDrive/umask-probe' | Out-Null
"@
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        $null = & sh -c "umask 000 && exec dotnet '$pwsh' -NoProfile -NonInteractive -EncodedCommand $encoded" 2>&1
        $LASTEXITCODE | Should -Be 0

        (Get-Item (Join-Path $TestDrive 'umask-probe')).UnixMode | Should -Be '-rw-rw-rw-' -Because 'the umask really was 000 in the child'
        foreach ($folder in (Join-Path $TestDrive 'umask'), (Join-Path $TestDrive 'umask/nested'), $dir) {
            (Get-Item $folder).UnixMode | Should -Be 'drwx------' -Because "$folder was created by the module"
        }
        $files = @(Get-ChildItem -LiteralPath $dir -Force -File)
        $files.Name | Should -Contain '.cxone-audit.lock'
        @($files | Where-Object Name -Like 'cxone-audit-*.jsonl').Count | Should -Be 1
        foreach ($file in $files) { $file.UnixMode | Should -Be '-rw-------' -Because "$($file.Name) holds or guards the audit" }
    }
}

Describe 'Input size limits at the cmdlets' {
    BeforeAll {
        $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'audit-limits') -PassThru
    }
    AfterAll { Disconnect-CXone }

    It 'refuses a session id over 256 characters before sending it, and audits the refusal without it' {
        $long = 's' * 257
        $before = @(Get-Journal $emulator | Where-Object method -EQ 'POST').Count

        $result = New-SnippetRank -SessionId $long -SnippetId KB-1 -RelevanceScore 0.5 |
            Submit-SnippetRanking -Connection $connection -ErrorVariable refused -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'InvalidRanking'
        $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidRanking,*'
        "$($result.Problems)" | Should -BeLike '*257 characters long; at most 256*'
        @(Get-Journal $emulator | Where-Object method -EQ 'POST').Count | Should -Be $before
        $entry = @(Get-ChildItem (Join-Path $TestDrive 'audit-limits') -Filter 'cxone-audit-*.jsonl' | Get-Content | ConvertFrom-Json)[-1]
        $entry.event | Should -Be 'ranking.failed'
        $entry.session_id | Should -Be '(invalid session id)'
        (New-SnippetRank -SessionId ('s' * 256) -SnippetId KB-1 -RelevanceScore 0.5 | Test-RankingPayload).IsValid | Should -BeTrue
    }

    It 'refuses metadata past 64 entries, 128-character keys or 1024-character values with InvalidMetadata' {
        $many = @{}; 1..65 | ForEach-Object { $many["k$_"] = 'v' }
        $cases = @($many, @{ ('k' * 129) = 'v' }, @{ category = 'v' * 1025 })
        foreach ($metadata in $cases) {
            $rank = New-SnippetRank -SessionId 'limits' -SnippetId KB-1 -RelevanceScore 0.5 -Metadata $metadata -ErrorVariable refused -ErrorAction SilentlyContinue
            $rank | Should -BeNullOrEmpty
            $refused.FullyQualifiedErrorId | Should -Be 'InvalidMetadata,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            $refused[0].Exception.Message | Should -BeLike "input 1 (session 'limits', snippet 'KB-1'): *at most*"
        }
        $edge = @{}; 1..63 | ForEach-Object { $edge["k$_"] = 'v' }; $edge['k' * 128] = 'v' * 1024
        (New-SnippetRank -SessionId 'limits' -SnippetId KB-1 -RelevanceScore 0.5 -Metadata $edge).Metadata.Count | Should -Be 64
    }

    It 'shows the control characters of a refused session id escaped in the InvalidRanking error, never raw' {
        $hostile = "x`e]0;pwned`a`e[2J`ny"

        $result = New-SnippetRank -SessionId $hostile -SnippetId KB-1 -RelevanceScore 0.5 |
            Submit-SnippetRanking -Connection $connection -ErrorVariable refused -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'InvalidRanking'
        $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidRanking,*'
        $refused[0].Exception.Message | Should -Not -Match '[\x00-\x08\x0A-\x1F\x7F]'
        $refused[0].Exception.Message.Contains("session 'x\u001B]0;pwned\u0007\u001B[2J\u000Ay'") | Should -BeTrue
        "$($result.Problems)" | Should -Not -Match '[\x00-\x08\x0A-\x1F\x7F]'
    }

    It 'refuses a click on a session id over 256 characters with InvalidClick' {
        Add-SnippetClick -SessionId ('s' * 257) -SnippetId KB-1 -RankPosition 1 -Path (Join-Path $TestDrive 'audit-click-limits') -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidClick,*'
        "$($refused[0].Exception.Message)" | Should -BeLike '*at most 256*'
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Submit-SnippetRanking end to end against the local CXone emulator: every fault path of
# docs/design.md#resilience, idempotency across retries, -WhatIf, path-injection session ids, concurrency,
# independent sessions and feedback callbacks (docs/design.md#feedback-callbacks). The emulator's journal and its
# /_emulator/rankings endpoint are the witnesses: they show what the module really sent.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientSecret = 'Submit-Pester-Secret-0c41'
    # Retry-After 2 s on every 429: long enough that honouring it is visible in the journal,
    # distinct from the module's own 0.5 s backoff base.
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'pester', '--client-secret', $clientSecret, '--retry-after', '2'
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force

    function Invoke-EmulatorControl {
        param([string] $Method = 'Get', [Parameter(Mandatory)] [string] $Path, $Body, $Emulator = $emulator)
        $arguments = @{ Method = $Method; Uri = "$($Emulator.Uri)$($Path.TrimStart('/'))" }
        if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Depth 5 -Compress); $arguments.ContentType = 'application/json' }
        Invoke-RestMethod @arguments
    }

    function Set-Fault([string] $SessionId, [object[]] $Responses, $Emulator = $emulator) {
        $null = Invoke-EmulatorControl -Method Post -Path '_emulator/faults' -Body @{ session_id = $SessionId; responses = $Responses } -Emulator $Emulator
    }

    function Get-Journal([string] $SessionId, $Emulator = $emulator) {
        $path = '_emulator/journal'
        if ($SessionId) { $path += '?session_id=' + [uri]::EscapeDataString($SessionId) }
        @((Invoke-EmulatorControl -Path $path -Emulator $Emulator).entries)
    }

    function Get-RankingPost([string] $SessionId, $Emulator = $emulator) {
        @(Get-Journal -SessionId $SessionId -Emulator $Emulator | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/snippets/ranking' })
    }

    function Get-TokenIssuedCount($Emulator = $emulator) {
        @(Get-Journal -Emulator $Emulator | Where-Object { $_.path -eq '/oauth/token' -and $_.outcome -eq 'token_issued' }).Count
    }

    # What the emulator holds for the session, or $null when nothing was ever applied (404).
    function Get-AppliedRanking([string] $SessionId, $Emulator = $emulator) {
        $reply = Invoke-RestMethod -Uri "$($Emulator.Uri)_emulator/rankings/$([uri]::EscapeDataString($SessionId))" `
            -SkipHttpErrorCheck -StatusCodeVariable status
        if ($status -eq 404) { return $null }
        if ($status -ne 200) { throw "GET /_emulator/rankings answered $status" }
        $reply
    }

    function New-TestRank([string] $SessionId, [int] $Count = 3) {
        for ($i = 1; $i -le $Count; $i++) {
            New-SnippetRank -SessionId $SessionId -SnippetId ('KB-{0:000}' -f $i) -RelevanceScore ([math]::Round(1 - $i / 10, 2)) -Metadata @{ category = 'billing' }
        }
    }

    # The outcome entries; the ranking.sending (write-ahead) entries are checked in AuditFailure.Tests.ps1.
    function Get-AuditEntry([string] $Directory) {
        if (-not (Test-Path -LiteralPath $Directory)) { return @() }
        @(Get-ChildItem -LiteralPath $Directory -Filter 'cxone-audit-*.jsonl' | Sort-Object Name |
            Get-Content | Where-Object { $_.Trim() } | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object event -NE 'ranking.sending')
    }

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

    $auditDir = Join-Path $TestDrive 'audit-main'
    $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir -PassThru
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Submit-SnippetRanking: the happy path' {
    It 'submits one ranking per session, returns a typed result, and the emulator holds exactly what was ranked' {
        $ranks = @(New-TestRank 'ok-1' 3) + @(New-TestRank 'ok-2' 2)
        $expected = @($ranks | Test-RankingPayload)

        $results = @($ranks | Submit-SnippetRanking -ErrorVariable errors)

        $errors | Should -BeNullOrEmpty
        $results.Count | Should -Be 2
        $results | ForEach-Object { $_ | Should -BeOfType ([CXoneRanking.RankingSubmissionResult]) }
        ($results.SessionId | Sort-Object) | Should -Be @('ok-1', 'ok-2')
        foreach ($result in $results) {
            $result.Status | Should -Be ([CXoneRanking.SubmissionStatus]::Succeeded)
            $result.Succeeded | Should -BeTrue
            $result.HttpStatus | Should -Be 200
            $result.Attempts | Should -Be 1
            $result.LatencyMs | Should -BeGreaterOrEqual 0
            [guid]::Parse($result.IdempotencyKey) | Should -Not -Be ([guid]::Empty)
            $result.Error | Should -BeNullOrEmpty
            $result.Response['session_id'] | Should -Be $result.SessionId

            $payload = ($expected | Where-Object SessionId -EQ $result.SessionId).Payload
            $result.Ranking.SnippetId | Should -Be $payload.Snippets.SnippetId
            $sha = [System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($payload.ToJson()))
            $result.RankingChecksum | Should -Be ([System.Convert]::ToHexString($sha).ToLowerInvariant()) -Because 'the checksum is the SHA-256 of the canonical payload'

            $applied = Get-AppliedRanking $result.SessionId
            $applied | Should -Not -BeNullOrEmpty
            $applied.applied_count | Should -Be 1
            $applied.idempotency_key | Should -Be $result.IdempotencyKey
            $applied.payload.session_id | Should -Be $result.SessionId
            $applied.payload.snippets.snippet_id | Should -Be $payload.Snippets.SnippetId
            $applied.payload.snippets.relevance_score | Should -Be $payload.Snippets.Score
        }
    }

    It 'appends one chained audit entry per submission with the result''s key and checksum' {
        $result = New-TestRank 'ok-audit' 2 | Submit-SnippetRanking
        $entry = Get-AuditEntry $auditDir | Where-Object session_id -EQ 'ok-audit'
        @($entry).Count | Should -Be 1
        $entry.event | Should -Be 'ranking.submitted'
        $entry.status | Should -Be 'Succeeded'
        $entry.http_status | Should -Be 200
        $entry.attempts | Should -Be 1
        $entry.snippet_count | Should -Be 2
        $entry.max_window | Should -Be 10
        $entry.snippets | Should -Be @('KB-001', 'KB-002')
        $entry.idempotency_key | Should -Be $result.IdempotencyKey
        $entry.ranking_checksum | Should -Be $result.RankingChecksum
        $entry.hash | Should -Not -BeNullOrEmpty
        (Test-RankingAuditLog -Path $auditDir).IsValid | Should -BeTrue
    }

    It 'accepts payloads from Test-RankingPayload as well as ranks' {
        $validation = New-TestRank 'from-payload' 2 | Test-RankingPayload
        $fromResult = $validation | Submit-SnippetRanking
        $fromPayload = $validation.Payload | Submit-SnippetRanking
        $fromResult.Status | Should -Be 'Succeeded'
        $fromPayload.Status | Should -Be 'Succeeded'
        $fromPayload.IdempotencyKey | Should -Not -Be $fromResult.IdempotencyKey -Because 'each run is a new logical submission'
        (Get-AppliedRanking 'from-payload').applied_count | Should -Be 2
    }

    It 'submits ranks that carry no session under -SessionId' {
        $result = @(
            New-SnippetRank -SnippetId KB-1 -RelevanceScore 0.7
            New-SnippetRank -SnippetId KB-2 -RelevanceScore 0.6
        ) | Submit-SnippetRanking -SessionId 'default-session'
        $result.SessionId | Should -Be 'default-session'
        $result.Status | Should -Be 'Succeeded'
        (Get-AppliedRanking 'default-session').payload.snippets.snippet_id | Should -Be @('KB-1', 'KB-2')
    }

    It 'refuses an invalid ranking before sending it, with an InvalidRanking error and an audit entry' {
        $ranks = New-SnippetRank -SessionId 'invalid-1' -SnippetId KB-1 -RelevanceScore 0.9 -BoostFactor 2 |
            Submit-SnippetRanking -Overflow Error -ErrorVariable errors -ErrorAction SilentlyContinue
        $ranks.Status | Should -Be 'InvalidRanking'
        $ranks.Attempts | Should -Be 0
        $ranks.HttpStatus | Should -BeNullOrEmpty
        $ranks.Problems | Should -Not -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRanking*'
        $errors[0].TargetObject | Should -Be 'invalid-1'
        Get-RankingPost 'invalid-1' | Should -BeNullOrEmpty
        (Get-AuditEntry $auditDir | Where-Object session_id -EQ 'invalid-1').event | Should -Be 'ranking.failed'
    }
}

Describe 'Submit-SnippetRanking against a misbehaving API' {
    It 'retries a 429 after the server''s Retry-After, with the same Idempotency-Key, and applies once' {
        Set-Fault 'f-429' @(429)
        $result = New-TestRank 'f-429' | Submit-SnippetRanking

        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $result.HttpStatus | Should -Be 200
        $posts = Get-RankingPost 'f-429'
        $posts.Count | Should -Be 2
        $posts[0].outcome | Should -Be 'fault'
        $posts[0].status | Should -Be 429
        $posts[1].outcome | Should -Be 'applied'
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        ($posts[1].time - $posts[0].time).TotalSeconds | Should -BeGreaterOrEqual 1.9 -Because 'the emulator said Retry-After: 2'
        $result.LatencyMs | Should -BeGreaterOrEqual 1900 -Because 'LatencyMs runs from the first attempt to the outcome, waits included'
        (Get-AppliedRanking 'f-429').applied_count | Should -Be 1
        $entry = Get-AuditEntry $auditDir | Where-Object session_id -EQ 'f-429'
        $entry.attempts | Should -Be 2
        $entry.idempotency_key | Should -Be $result.IdempotencyKey
    }

    It 'says each attempt in the Verbose stream, also for a $VerbosePreference set in the caller''s scope' {
        Set-Fault 'f-verbose' @(500)
        $attempts = & {
            $VerbosePreference = 'Continue'
            New-TestRank 'f-verbose' | Submit-SnippetRanking 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'POST */snippets/ranking*' }
        }
        @($attempts).Count | Should -Be 2
        $attempts[0].Message | Should -BeLike '*-> 500 in *'
        @(New-TestRank 'f-quiet' | Submit-SnippetRanking 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
    }

    It 'retries a 500 and succeeds on the second attempt' {
        Set-Fault 'f-500' @(500)
        $result = New-TestRank 'f-500' | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $posts = Get-RankingPost 'f-500'
        $posts.Count | Should -Be 2
        $posts.outcome | Should -Be @('fault', 'applied')
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        (Get-AppliedRanking 'f-500').applied_count | Should -Be 1
    }

    It 'retries a <Status> and succeeds on the second attempt' -ForEach @(@{ Status = 408 }, @{ Status = 503 }) {
        $id = "f-$Status"
        Set-Fault $id @($Status)
        $result = New-TestRank $id | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        (Get-RankingPost $id).status | Should -Be @($Status, 200)
        (Get-AppliedRanking $id).applied_count | Should -Be 1
    }

    It 'does not retry another 4xx (403): RankingRejected after one attempt' {
        Set-Fault 'f-403' @(403)
        $result = New-TestRank 'f-403' | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'RankingRejected'
        $result.HttpStatus | Should -Be 403
        $result.Attempts | Should -Be 1
        (Get-RankingPost 'f-403').Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RankingRejected*'
        Get-AppliedRanking 'f-403' | Should -BeNullOrEmpty
    }

    It 'retries a dropped connection and succeeds' {
        Set-Fault 'f-reset' @('reset')
        $result = New-TestRank 'f-reset' | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $posts = Get-RankingPost 'f-reset'
        $posts.Count | Should -Be 2
        $posts[0].status | Should -BeNullOrEmpty -Because 'a dropped connection has no status'
        $posts[0].detail | Should -Be 'reset'
        $posts[1].outcome | Should -Be 'applied'
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        (Get-AppliedRanking 'f-reset').applied_count | Should -Be 1
    }

    It 'renews the token once on a 401 and retries once: exactly one extra token request' {
        $tokensBefore = $connection.TokenRequests
        $issuedBefore = Get-TokenIssuedCount
        Set-Fault 'f-401' @(401)

        $result = New-TestRank 'f-401' | Submit-SnippetRanking

        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $connection.TokenRequests | Should -Be ($tokensBefore + 1)
        Get-TokenIssuedCount | Should -Be ($issuedBefore + 1)
        $posts = Get-RankingPost 'f-401'
        $posts.status | Should -Be @(401, 200)
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        (Get-AppliedRanking 'f-401').applied_count | Should -Be 1
    }

    It 'renews the token only once: a second 401 is Unauthorized, never a third POST' {
        $tokensBefore = $connection.TokenRequests
        Set-Fault 'f-401x2' @(401, 401, 401)

        $result = New-TestRank 'f-401x2' | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Unauthorized'
        $result.HttpStatus | Should -Be 401
        $result.Attempts | Should -Be 2
        (Get-RankingPost 'f-401x2').Count | Should -Be 2
        $connection.TokenRequests | Should -Be ($tokensBefore + 1)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Unauthorized*'
        $errors[0].TargetObject | Should -Be 'f-401x2'
        Get-AppliedRanking 'f-401x2' | Should -BeNullOrEmpty
    }

    It 'waits for a locked session <Id> (409) to unlock, polling its status, then applies' -ForEach @(@{ Id = 'f-409' }, @{ Id = 'f-409/ ?#%' }) {
        $null = Invoke-EmulatorControl -Method Post -Path "_emulator/sessions/$([uri]::EscapeDataString($Id))/lock" -Body @{ seconds = 1 }
        $result = New-TestRank $Id | Submit-SnippetRanking -LockTimeout 10

        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $journal = Get-Journal $Id
        $posts = @($journal | Where-Object method -EQ 'POST')
        $posts.outcome | Should -Be @('locked', 'applied')
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        $polls = @($journal | Where-Object method -EQ 'GET')
        $polls.Count | Should -BeGreaterOrEqual 1 -Because 'the module polls the session status while it is locked'
        $polls.path | Sort-Object -Unique | Should -Be "/api/v2/agentassist/sessions/$([uri]::EscapeDataString($Id))"
        $polls[-1].detail | Should -Be 'active'
        $polls[-1].sequence | Should -BeLessThan $posts[1].sequence
        (Get-AppliedRanking $Id).applied_count | Should -Be 1
    }

    It 'gives up on a session locked past -LockTimeout: SessionLocked, nothing applied' {
        $null = Invoke-EmulatorControl -Method Post -Path '_emulator/sessions/f-409-long/lock' -Body @{ seconds = 30 }
        try {
            $result = New-TestRank 'f-409-long' | Submit-SnippetRanking -LockTimeout 1 -ErrorVariable errors -ErrorAction SilentlyContinue
        }
        finally {
            $null = Invoke-EmulatorControl -Method Post -Path '_emulator/sessions/f-409-long/lock' -Body @{ seconds = 0 }
        }
        $result.Status | Should -Be 'SessionLocked'
        $result.Succeeded | Should -BeFalse
        $result.HttpStatus | Should -Be 409
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SessionLocked*'
        $errors[0].TargetObject | Should -Be 'f-409-long'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        @(Get-RankingPost 'f-409-long' | Where-Object outcome -EQ 'applied') | Should -BeNullOrEmpty
        Get-AppliedRanking 'f-409-long' | Should -BeNullOrEmpty
        $entry = Get-AuditEntry $auditDir | Where-Object session_id -EQ 'f-409-long'
        $entry.event | Should -Be 'ranking.failed'
        $entry.status | Should -Be 'SessionLocked'
        $entry.http_status | Should -Be 409
    }

    It 'does not retry a 400: RankingRejected with the server''s problems in the error' {
        # Test-RankingPayload would never build a score of 1.5: hand-make the payload.
        $snippet = [CXoneRanking.RankedSnippet]@{ Position = 1; SnippetId = 'KB-BAD'; Score = 1.5; RelevanceScore = 1.5; BoostFactor = 1.0 }
        $payload = [CXoneRanking.RankingPayload]@{ SessionId = 'f-400'; MaxResultWindow = 10; Snippets = [CXoneRanking.RankedSnippet[]] @($snippet) }

        $result = $payload | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'RankingRejected'
        $result.HttpStatus | Should -Be 400
        $result.Attempts | Should -Be 1
        $result.Problems | Should -Contain 'snippets[0].relevance_score: 1.5 is outside [0, 1]'
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RankingRejected*'
        $errors[0].TargetObject | Should -Be 'f-400'
        $errors[0].Exception.Message | Should -BeLike '*relevance_score: 1.5 is outside `[0, 1`]*'
        $posts = Get-RankingPost 'f-400'
        $posts.Count | Should -Be 1
        $posts[0].detail | Should -Be 'schema_violation'
        Get-AppliedRanking 'f-400' | Should -BeNullOrEmpty
        (Get-AuditEntry $auditDir | Where-Object session_id -EQ 'f-400').http_status | Should -Be 400
    }

    It 'keeps one Idempotency-Key across a chain of different faults and applies exactly once' {
        Set-Fault 'f-chain' @(500, 'reset', 429)
        $result = New-TestRank 'f-chain' | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 4
        $posts = Get-RankingPost 'f-chain'
        $posts.Count | Should -Be 4
        @($posts | Where-Object outcome -EQ 'applied').Count | Should -Be 1
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        $applied = Get-AppliedRanking 'f-chain'
        $applied.applied_count | Should -Be 1
        $applied.idempotency_key | Should -Be $result.IdempotencyKey
    }
}

Describe 'Submit-SnippetRanking with -MaxAttempts 2 on the connection' {
    BeforeAll {
        $auditDir2 = Join-Path $TestDrive 'audit-max2'
        $connection2 = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir2 -MaxAttempts 2 -PassThru
    }
    AfterAll {
        # Back to the file's main connection for the Describes that follow.
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }

    It 'stops after 2 attempts of a persistent 500: EngineFailure, nothing applied' {
        Set-Fault 'max-500' @(500, 500, 500)
        $result = New-TestRank 'max-500' | Submit-SnippetRanking -Connection $connection2 -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'EngineFailure'
        $result.HttpStatus | Should -Be 500
        $result.Attempts | Should -Be 2
        (Get-RankingPost 'max-500').Count | Should -Be 2
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'EngineFailure*'
        $errors[0].TargetObject | Should -Be 'max-500'
        Get-AppliedRanking 'max-500' | Should -BeNullOrEmpty
        $entry = Get-AuditEntry $auditDir2 | Where-Object session_id -EQ 'max-500'
        $entry.event | Should -Be 'ranking.failed'
        $entry.attempts | Should -Be 2
    }

    It 'stops after 2 attempts of a persistent 429: RateLimited' {
        Set-Fault 'max-429' @(429, 429, 429)
        $result = New-TestRank 'max-429' | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'RateLimited'
        $result.HttpStatus | Should -Be 429
        $result.Attempts | Should -Be 2
        (Get-RankingPost 'max-429').Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RateLimited*'
        Get-AppliedRanking 'max-429' | Should -BeNullOrEmpty
    }

    It 'stops after 2 dropped connections: TransportFailure' {
        Set-Fault 'max-reset' @('reset', 'reset', 'reset')
        $result = New-TestRank 'max-reset' | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'TransportFailure'
        $result.HttpStatus | Should -BeNullOrEmpty
        $result.Attempts | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TransportFailure*'
        Get-AppliedRanking 'max-reset' | Should -BeNullOrEmpty
    }
}

Describe 'Submit-SnippetRanking within the connection''s limits' {
    AfterAll {
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }

    It 'gives up at -TotalTimeout: TimedOut, audited, nothing applied' {
        $limitsAudit = Join-Path $TestDrive 'audit-total'
        $timed = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $limitsAudit -RequestTimeout 1 -TotalTimeout 2 -PassThru
        $null = Invoke-EmulatorControl -Method Post -Path '_emulator/sessions/to-1/lock' -Body @{ seconds = 30 }
        try {
            $result = New-TestRank 'to-1' | Submit-SnippetRanking -Connection $timed -LockTimeout 60 -ErrorVariable errors -ErrorAction SilentlyContinue
        }
        finally { $null = Invoke-EmulatorControl -Method Post -Path '_emulator/sessions/to-1/lock' -Body @{ seconds = 0 } }
        $result.Status | Should -Be 'TimedOut'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TimedOut*'
        $errors[0].TargetObject | Should -Be 'to-1'
        $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        Get-AppliedRanking 'to-1' | Should -BeNullOrEmpty
        $entry = Get-AuditEntry $limitsAudit | Where-Object session_id -EQ 'to-1'
        $entry.event | Should -Be 'ranking.failed'
        $entry.status | Should -Be 'TimedOut'
    }

    It 'opens the circuit after repeated engine failures and stops sending: CircuitOpen' {
        $breakerAudit = Join-Path $TestDrive 'audit-breaker'
        $breaker = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $breakerAudit -MaxAttempts 1 -PassThru
        $ids = 1..26 | ForEach-Object { 'cb-open-{0:00}' -f $_ }
        foreach ($id in $ids) { Set-Fault $id @(500) }

        $results = @($ids | ForEach-Object { New-TestRank $_ 1 } |
            Submit-SnippetRanking -Connection $breaker -ThrottleLimit 1 -ErrorVariable errors -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 26
        $open = @($results | Where-Object Status -EQ 'CircuitOpen')
        $open.Count | Should -BeGreaterThan 0 -Because 'twenty failures in a row must open the breaker'
        @($results | Where-Object Status -EQ 'EngineFailure').Count | Should -BeGreaterOrEqual 20
        foreach ($result in $open) {
            $result.Attempts | Should -Be 0
            Get-RankingPost $result.SessionId | Should -BeNullOrEmpty -Because 'an open circuit sends nothing'
        }
        @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'CircuitOpen*' }).Count | Should -Be $open.Count
        @(Get-AuditEntry $breakerAudit | Where-Object status -EQ 'CircuitOpen').Count | Should -Be $open.Count
    }

    It 'keeps to -RateLimit across concurrent sessions' {
        $limited = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'audit-rate') -RateLimit 2 -PassThru
        $ids = 1..6 | ForEach-Object { "rate-$_" }
        $results = @($ids | ForEach-Object { New-TestRank $_ 1 } | Submit-SnippetRanking -Connection $limited -ThrottleLimit 6)
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        $times = @($ids | ForEach-Object { (Get-RankingPost $_)[0].time } | Sort-Object)
        ($times[-1] - $times[0]).TotalSeconds | Should -BeGreaterOrEqual 1.5 -Because '6 requests at 2 per second cannot all leave at once'
    }
}

Describe 'The wire request' {
    BeforeAll {
        $moduleVersion = (Get-Module CXoneRanking).Version.ToString(3)
        $accepted = '{"session_id":"wire-1","ranking_id":"r-1","accepted":2,"max_result_window":10,"applied_at":"2026-03-01T12:00:00Z","snippets":[]}'
    }
    AfterAll {
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }

    It 'POSTs the wire contract''s headers and body, exactly (docs/design.md#wire-contract)' {
        $api = Start-CallbackReceiver -Responses @(@{ Status = 200; Body = $accepted })
        try {
            $wire = Connect-CXone -BaseUri $api.Uri -TokenUri $emulator.TokenUri -ClientId pester -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'audit-wire') -PassThru
            $ranks = @(
                New-SnippetRank -SessionId 'wire/1' -SnippetId KB-001 -RelevanceScore 0.5 -BoostFactor 1.2 -Metadata @{ category = 'billing'; tier = 'gold' }
                New-SnippetRank -SessionId 'wire/1' -SnippetId KB-002 -RelevanceScore 0.9
            )
            $expected = ($ranks | Test-RankingPayload).Payload
            $result = $ranks | Submit-SnippetRanking -Connection $wire
            $request = @(Get-CallbackRequest $api 1)[0]
        }
        finally { Stop-CallbackReceiver $api }

        $result.Status | Should -Be 'Succeeded'
        $request.Method | Should -Be 'POST'
        $request.RawUrl | Should -Be '/api/v2/agentassist/sessions/wire%2F1/snippets/ranking'
        $request.Headers['Authorization'] | Should -Match '^Bearer [A-Za-z0-9_-]{43}$'
        $request.ContentType | Should -Match '^application/json(;\s*charset=utf-8)?$'
        $request.Headers['Accept'] | Should -Be 'application/json'
        $request.Headers['X-CXone-Client-Version'] | Should -Be $moduleVersion
        $request.Headers['Idempotency-Key'] | Should -Be $result.IdempotencyKey
        [guid]::Parse($request.Headers['Idempotency-Key']) | Should -Not -Be ([guid]::Empty)
        $text = [System.Text.Encoding]::UTF8.GetString($request.Body)
        $text | Should -BeExactly $expected.ToJson()
        $body = $text | ConvertFrom-Json
        $body.PSObject.Properties.Name | Should -Be @('session_id', 'max_result_window', 'snippets')
        $body.session_id | Should -Be 'wire/1'
        $body.max_result_window | Should -Be 10
        $body.snippets.snippet_id | Should -Be @('KB-002', 'KB-001') -Because '0.5 x 1.2 = 0.6 < 0.9: sorted by final score, descending'
        foreach ($snippet in $body.snippets) {
            $snippet.PSObject.Properties.Name | Should -Be @('snippet_id', 'relevance_score', 'boost_factor', 'metadata')
        }
        $body.snippets[1].boost_factor | Should -Be 1.2
        $body.snippets[1].metadata.category | Should -Be 'billing'
    }

    It 'times out a slow attempt after -RequestTimeout and retries it: TransportFailure after -MaxAttempts' {
        $api = Start-CallbackReceiver -Responses @(@{ Status = 200; Body = $accepted; DelayMs = 2000 })
        try {
            $wire = Connect-CXone -BaseUri $api.Uri -TokenUri $emulator.TokenUri -ClientId pester -ClientSecret $secureSecret `
                -AuditPath (Join-Path $TestDrive 'audit-wire') -RequestTimeout 1 -MaxAttempts 2 -PassThru
            $result = New-TestRank 'wire-1' 1 | Submit-SnippetRanking -Connection $wire -ErrorVariable errors -ErrorAction SilentlyContinue
            $requests = @(Get-CallbackRequest $api 2)
        }
        finally { Stop-CallbackReceiver $api }
        $result.Status | Should -Be 'TransportFailure'
        $result.Attempts | Should -Be 2
        $result.HttpStatus | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TransportFailure*'
        $requests.Count | Should -Be 2
        $requests.Headers.'Idempotency-Key' | Sort-Object -Unique | Should -Be $result.IdempotencyKey
    }

    It 'honours a Retry-After given as an HTTP date' {
        $api = Start-CallbackReceiver -Responses @(@{ Status = 429; RetryAfterInSeconds = 3 }, @{ Status = 200; Body = $accepted })
        try {
            $wire = Connect-CXone -BaseUri $api.Uri -TokenUri $emulator.TokenUri -ClientId pester -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'audit-wire') -PassThru
            $result = New-TestRank 'wire-1' 1 | Submit-SnippetRanking -Connection $wire
            $requests = @(Get-CallbackRequest $api 2)
        }
        finally { Stop-CallbackReceiver $api }
        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $requests.Count | Should -Be 2
        ($requests[1].Time - $requests[0].Time).TotalSeconds | Should -BeGreaterOrEqual 1.8 -Because 'the date was 3 s ahead (to the second)'
        $requests[1].Headers['Idempotency-Key'] | Should -Be $requests[0].Headers['Idempotency-Key']
    }
}

Describe 'Submit-SnippetRanking -WhatIf' {
    BeforeAll {
        $whatIfAudit = Join-Path $TestDrive 'audit-whatif'
        $whatIfConnection = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $whatIfAudit -PassThru
    }
    AfterAll {
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }

    It 'says per session what would be sent, and sends and audits nothing' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $journalBefore = @(Get-Journal).Count
        $null = Start-Transcript -Path $transcript
        try {
            $output = @(@(New-TestRank 'wi-1' 3) + @(New-TestRank 'wi-2' 2) | Submit-SnippetRanking -WhatIf)
        }
        finally { $null = Stop-Transcript }

        $output | Should -BeNullOrEmpty -Because '-WhatIf returns no results'
        $text = Get-Content $transcript -Raw
        $text | Should -Match "What if: .*Submit a ranking of 3 snippet\(s\) \(KB-001, KB-002, KB-003\).*session 'wi-1'"
        $text | Should -Match "What if: .*Submit a ranking of 2 snippet\(s\) \(KB-001, KB-002\).*session 'wi-2'"
        @(Get-Journal).Count | Should -Be $journalBefore -Because 'nothing at all reaches the API'
        Get-RankingPost 'wi-1' | Should -BeNullOrEmpty
        Get-AppliedRanking 'wi-1' | Should -BeNullOrEmpty
        Get-AppliedRanking 'wi-2' | Should -BeNullOrEmpty
        @(Get-ChildItem -LiteralPath $whatIfAudit -Filter '*.jsonl' -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }
}

Describe 'Submit-SnippetRanking -WhatIf before connecting' {
    BeforeAll { Disconnect-CXone }
    AfterAll { $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir }

    It 'shows what would be sent without a connection, and does not fail' {
        $transcript = Join-Path $TestDrive 'whatif-offline.txt'
        $null = Start-Transcript -Path $transcript
        try { { New-TestRank 'wi-offline' 1 | Submit-SnippetRanking -WhatIf -ErrorAction Stop } | Should -Not -Throw }
        finally { $null = Stop-Transcript }
        Get-Content $transcript -Raw | Should -Match "What if: .*session 'wi-offline'"
        Get-RankingPost 'wi-offline' | Should -BeNullOrEmpty
    }
}

Describe 'Submit-SnippetRanking with hostile session ids' {
    It 'sends <Id> as one escaped path segment and the emulator stores it under that exact id' -ForEach @(
        @{ Id = 'a/b' }, @{ Id = 'x y' }, @{ Id = 'q?x=1' }, @{ Id = 'h#1' }, @{ Id = 'p%2F' }, @{ Id = '..a' }, @{ Id = 'ü-€' },
        @{ Id = '...' }, @{ Id = 'a.' }, @{ Id = 'a\b' }, @{ Id = ' x ' }, @{ Id = '%2E%2E' }, @{ Id = 'a/../b' }
    ) {
        $result = New-TestRank $Id 2 | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.SessionId | Should -Be $Id
        $posts = Get-RankingPost $Id
        $posts.Count | Should -Be 1
        $posts[0].path | Should -Be "/api/v2/agentassist/sessions/$([uri]::EscapeDataString($Id))/snippets/ranking"
        $applied = Get-AppliedRanking $Id
        $applied.payload.session_id | Should -Be $Id
        $applied.applied_count | Should -Be 1
    }

    It 'keeps "p%2F" and "p/" apart' {
        (New-TestRank 'p/' 1 | Submit-SnippetRanking).Status | Should -Be 'Succeeded'
        (Get-AppliedRanking 'p/').payload.session_id | Should -Be 'p/'
        (Get-AppliedRanking 'p%2F').applied_count | Should -Be 1
    }

    It 'refuses "<Id>" as InvalidRanking and sends nothing' -ForEach @(@{ Id = '.' }, @{ Id = '..' }) {
        $journalBefore = @(Get-Journal).Count
        $result = New-TestRank $Id 1 | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'InvalidRanking'
        $result.Attempts | Should -Be 0
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRanking*'
        $errors[0].TargetObject | Should -Be $Id
        @(Get-Journal).Count | Should -Be $journalBefore
    }
}

Describe 'Submit-SnippetRanking with many sessions' {
    BeforeAll {
        # Its own emulator, answering after 300 ms, so sessions in flight overlap in its journal.
        $slowEmulator = Start-CXoneEmulator -ArgumentList '--client-id', 'pester', '--client-secret', $clientSecret, '--latency-ms', '300'
        $manyAudit = Join-Path $TestDrive 'audit-many'
        $manyConnection = Connect-CXone -BaseUri $slowEmulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $manyAudit -PassThru
    }
    AfterAll {
        if ($manyConnection) { Disconnect-CXone -Connection $manyConnection }
        if ($slowEmulator) { Stop-CXoneEmulator $slowEmulator }
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }

    It 'submits 20 sessions with -ThrottleLimit 8: one result each, all applied, a valid 20-entry audit chain' {
        $ids = 1..20 | ForEach-Object { 'many-{0:00}' -f $_ }
        $results = @($ids | ForEach-Object { New-TestRank $_ 3 } | Submit-SnippetRanking -ThrottleLimit 8 -Connection $manyConnection -ErrorVariable errors)

        $errors | Should -BeNullOrEmpty
        $results.Count | Should -Be 20
        ($results.SessionId | Sort-Object) | Should -Be $ids
        @($results | Where-Object Status -NE 'Succeeded') | Should -BeNullOrEmpty
        ($results.IdempotencyKey | Sort-Object -Unique).Count | Should -Be 20
        foreach ($id in $ids) { (Get-AppliedRanking $id -Emulator $slowEmulator).applied_count | Should -Be 1 }

        $verification = Test-RankingAuditLog -Path $manyAudit
        $verification.IsValid | Should -BeTrue
        $verification.Entries | Should -Be 40 -Because 'each session has a write-ahead entry and an outcome entry'
        ((Get-AuditEntry $manyAudit).session_id | Sort-Object) | Should -Be $ids
    }

    It 'never has more than -ThrottleLimit sessions in flight, and does run them concurrently' {
        $null = Invoke-EmulatorControl -Method Post -Path '_emulator/reset' -Emulator $slowEmulator
        $ids = 1..12 | ForEach-Object { 'throttle-{0:00}' -f $_ }
        $results = @($ids | ForEach-Object { New-TestRank $_ 1 } | Submit-SnippetRanking -ThrottleLimit 3 -Connection $manyConnection)
        $results.Count | Should -Be 12

        $posts = @(Get-Journal -Emulator $slowEmulator | Where-Object method -EQ 'POST' | Where-Object path -Like '*/snippets/ranking')
        $posts.Count | Should -Be 12
        $events = foreach ($post in $posts) {
            [pscustomobject]@{ At = $post.time.Ticks; Delta = 1 }
            [pscustomobject]@{ At = $post.time.AddMilliseconds($post.duration_ms).Ticks; Delta = -1 }
        }
        $inFlight = 0; $most = 0
        foreach ($event in ($events | Sort-Object At, Delta)) {
            $inFlight += $event.Delta
            if ($inFlight -gt $most) { $most = $inFlight }
        }
        $most | Should -BeLessOrEqual 3
        $most | Should -BeGreaterThan 1
    }
}

Describe 'Submit-SnippetRanking with one failing session among others' {
    It 'finishes the other sessions when one is rejected, with one error naming the failed one' {
        Set-Fault 'mix-2' @(400)
        $ranks = @(New-TestRank 'mix-1' 2) + @(New-TestRank 'mix-2' 2) + @(New-TestRank 'mix-3' 2)

        $results = @($ranks | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 3
        ($results | Where-Object SessionId -EQ 'mix-1').Status | Should -Be 'Succeeded'
        ($results | Where-Object SessionId -EQ 'mix-2').Status | Should -Be 'RankingRejected'
        ($results | Where-Object SessionId -EQ 'mix-3').Status | Should -Be 'Succeeded'
        $errors.Count | Should -Be 1
        $errors[0].TargetObject | Should -Be 'mix-2'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RankingRejected*'
        (Get-RankingPost 'mix-2').Count | Should -Be 1 -Because 'a 400 is not retried'
        Get-AppliedRanking 'mix-1' | Should -Not -BeNullOrEmpty
        Get-AppliedRanking 'mix-3' | Should -Not -BeNullOrEmpty
        $entries = Get-AuditEntry $auditDir | Where-Object session_id -In 'mix-1', 'mix-2', 'mix-3'
        @($entries).Count | Should -Be 3
        ($entries | Where-Object session_id -EQ 'mix-2').event | Should -Be 'ranking.failed'
    }

    It 'finishes the other sessions when one exhausts its retries' {
        Set-Fault 'mix-500' @(500, 500, 500, 500, 500)
        $results = @(@(New-TestRank 'mix-500' 1) + @(New-TestRank 'mix-ok' 1) |
            Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue)
        ($results | Where-Object SessionId -EQ 'mix-500').Status | Should -Be 'EngineFailure'
        ($results | Where-Object SessionId -EQ 'mix-500').Attempts | Should -Be 5 -Because 'the default -MaxAttempts is 5'
        ($results | Where-Object SessionId -EQ 'mix-ok').Status | Should -Be 'Succeeded'
        $errors.Count | Should -Be 1
    }
}

Describe 'Submit-SnippetRanking -ErrorAction Stop' {
    It 'stops at the first failure, and still leaves exactly one audit entry for every session' {
        $stopAudit = Join-Path $TestDrive 'audit-stop'
        $stopConnection = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $stopAudit -PassThru
        Set-Fault 'stop-1' @(400)
        Set-Fault 'stop-2' @(429)
        $ranks = 'stop-1', 'stop-2', 'stop-3' | ForEach-Object { New-TestRank $_ 1 }

        { $ranks | Submit-SnippetRanking -Connection $stopConnection -ThrottleLimit 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'RankingRejected,*'

        Start-Sleep -Milliseconds 500
        $entries = @(Get-AuditEntry $stopAudit)
        ($entries.session_id | Sort-Object) | Should -Be @('stop-1', 'stop-2', 'stop-3')
        ($entries | Where-Object session_id -EQ 'stop-1').event | Should -Be 'ranking.failed'
        ($entries | Where-Object session_id -EQ 'stop-2').event | Should -Be 'ranking.cancelled' -Because 'it was waiting out a 2 s Retry-After when the run stopped'
        ($entries | Where-Object session_id -EQ 'stop-3').event | Should -Be 'ranking.cancelled'
        Get-RankingPost 'stop-3' | Should -BeNullOrEmpty
        Get-AppliedRanking 'stop-2' | Should -BeNullOrEmpty
        (Test-RankingAuditLog -Path $stopAudit).IsValid | Should -BeTrue
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }
}

Describe 'Submit-SnippetRanking feedback callbacks' {
    BeforeAll {
        $callbackSecret = 'callback-signing-key-9d2e'
        $secureCallbackSecret = ConvertTo-SecureString $callbackSecret -AsPlainText -Force
    }

    It 'POSTs the audit entry and the API''s answer, signed with HMAC-SHA256 of the raw body' {
        $receiver = Start-CallbackReceiver
        try {
            $results = @(@(New-TestRank 'cb-1' 2) + @(New-TestRank 'cb-2' 1) |
                Submit-SnippetRanking -CallbackUri $receiver.Uri -CallbackSecret $secureCallbackSecret -WarningVariable warnings)
            $requests = Get-CallbackRequest $receiver 2
        }
        finally { Stop-CallbackReceiver $receiver }

        $warnings | Should -BeNullOrEmpty
        $results.Status | Should -Be @('Succeeded', 'Succeeded')
        $results | ForEach-Object { $_.CallbackError | Should -BeNullOrEmpty }
        $requests.Count | Should -Be 2
        foreach ($request in $requests) {
            $request.Method | Should -Be 'POST'
            $request.ContentType | Should -BeLike 'application/json*'
            $request.Headers['X-CXone-Signature'] | Should -Be ('sha256=' + (Get-HmacHex $request.Body $callbackSecret))
            $body = [System.Text.Encoding]::UTF8.GetString($request.Body) | ConvertFrom-Json
            $result = $results | Where-Object SessionId -EQ $body.audit.session_id
            $result | Should -Not -BeNullOrEmpty
            $body.audit.event | Should -Be 'ranking.submitted'
            $body.audit.status | Should -Be 'Succeeded'
            $body.audit.idempotency_key | Should -Be $result.IdempotencyKey
            $body.audit.ranking_checksum | Should -Be $result.RankingChecksum
            $body.ranking_result.session_id | Should -Be $result.SessionId
            $body.ranking_result.ranking_id | Should -Be $result.Response['ranking_id']
            $body.ranking_result.snippets.snippet_id | Should -Be $result.Ranking.SnippetId
        }
    }

    It 'rejects a tampered body: the signature covers the exact bytes' {
        $receiver = Start-CallbackReceiver
        try {
            $null = New-TestRank 'cb-tamper' 1 | Submit-SnippetRanking -CallbackUri $receiver.Uri -CallbackSecret $secureCallbackSecret
            $request = @(Get-CallbackRequest $receiver 1)[0]
        }
        finally { Stop-CallbackReceiver $receiver }
        $tampered = [byte[]] $request.Body.Clone()
        $tampered[-2] = $tampered[-2] -bxor 1
        $request.Headers['X-CXone-Signature'] | Should -Not -Be ('sha256=' + (Get-HmacHex $tampered $callbackSecret))
        $request.Headers['X-CXone-Signature'] | Should -Not -Be ('sha256=' + (Get-HmacHex $request.Body 'another-secret'))
    }

    It 'sends no signature header without -CallbackSecret' {
        $receiver = Start-CallbackReceiver
        try {
            $result = New-TestRank 'cb-unsigned' 1 | Submit-SnippetRanking -CallbackUri $receiver.Uri
            $requests = Get-CallbackRequest $receiver 1
        }
        finally { Stop-CallbackReceiver $receiver }
        $result.Status | Should -Be 'Succeeded'
        $requests.Count | Should -Be 1
        $requests[0].Headers.ContainsKey('X-CXone-Signature') | Should -BeFalse
    }

    It 'calls back for a failed submission too, with the failure and no ranking result' {
        Set-Fault 'cb-failed' @(400)
        $receiver = Start-CallbackReceiver
        try {
            $result = New-TestRank 'cb-failed' 1 |
                Submit-SnippetRanking -CallbackUri $receiver.Uri -CallbackSecret $secureCallbackSecret -ErrorAction SilentlyContinue
            $requests = Get-CallbackRequest $receiver 1
        }
        finally { Stop-CallbackReceiver $receiver }
        $result.Status | Should -Be 'RankingRejected'
        $requests.Count | Should -Be 1
        $body = [System.Text.Encoding]::UTF8.GetString($requests[0].Body) | ConvertFrom-Json
        $body.audit.event | Should -Be 'ranking.failed'
        $body.audit.http_status | Should -Be 400
        $body.ranking_result | Should -BeNullOrEmpty
        $requests[0].Headers['X-CXone-Signature'] | Should -Be ('sha256=' + (Get-HmacHex $requests[0].Body $callbackSecret))
    }

    It 'warns and notes a callback that cannot be reached, and the ranking still succeeds' {
        $deadUri = [uri] "http://127.0.0.1:$(Get-FreePort)/feedback"
        $result = New-TestRank 'cb-dead' 1 |
            Submit-SnippetRanking -CallbackUri $deadUri -CallbackSecret $secureCallbackSecret -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors

        $result.Status | Should -Be 'Succeeded'
        $result.Succeeded | Should -BeTrue
        $result.CallbackError | Should -Not -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty -Because 'a failed callback is not a failed ranking'
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*cb-dead*callback*"
        (Get-AppliedRanking 'cb-dead').applied_count | Should -Be 1
        $entry = Get-AuditEntry $auditDir | Where-Object session_id -EQ 'cb-dead'
        $entry.event | Should -Be 'ranking.submitted'
        $entry.status | Should -Be 'Succeeded'
        $entry.note | Should -BeLike 'callback failed: *'
    }

    It 'warns and notes a callback endpoint that answers 500' {
        $receiver = Start-CallbackReceiver -Status 500
        try {
            $result = New-TestRank 'cb-500' 1 |
                Submit-SnippetRanking -CallbackUri $receiver.Uri -WarningVariable warnings -WarningAction SilentlyContinue
            $null = Get-CallbackRequest $receiver 1
        }
        finally { Stop-CallbackReceiver $receiver }
        $result.Status | Should -Be 'Succeeded'
        $result.CallbackError | Should -BeLike '*500*'
        @($warnings).Count | Should -Be 1
        (Get-AuditEntry $auditDir | Where-Object session_id -EQ 'cb-500').note | Should -BeLike 'callback failed: *500*'
    }

    It 'refuses a plain http callback to a non-loopback host before sending anything' {
        $journalBefore = @(Get-Journal).Count
        { New-TestRank 'cb-remote' 1 | Submit-SnippetRanking -CallbackUri 'http://callback.example.com/feedback' } |
            Should -Throw -ErrorId 'InvalidCallbackUri,*'
        @(Get-Journal).Count | Should -Be $journalBefore
    }
}

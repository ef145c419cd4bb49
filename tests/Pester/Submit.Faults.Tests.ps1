#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Every fault path of docs/design.md#resilience: 429 with Retry-After, 5xx, 408, dropped
# connections, 401 token renewal, 409 locks, 400 problems, and one Idempotency-Key across retries.
# One of the Submit.*.Tests.ps1 files (Submit-SnippetRanking end to end against the local CXone
# emulator). The emulator's journal and its /_emulator/rankings endpoint are the witnesses: they
# show what the module really sent. The helpers are in TestSupport.psm1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator, $clientSecret, $secureSecret, $auditDir, $connection = Initialize-SubmitSuite $TestDrive
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Submit-SnippetRanking against a misbehaving API' {
    It 'retries a 429 after the server''s Retry-After, with the same Idempotency-Key, and applies once' {
        Set-Fault $emulator 'f-429' @(429)
        $result = New-TestRank 'f-429' | Submit-SnippetRanking

        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $result.HttpStatus | Should -Be 200
        $posts = Get-RankingPost $emulator 'f-429'
        $posts.Count | Should -Be 2
        $posts[0].outcome | Should -Be 'fault'
        $posts[0].status | Should -Be 429
        $posts[1].outcome | Should -Be 'applied'
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        ($posts[1].time - $posts[0].time).TotalSeconds | Should -BeGreaterOrEqual 1.9 -Because 'the emulator said Retry-After: 2'
        $result.LatencyMs | Should -BeGreaterOrEqual 1900 -Because 'LatencyMs runs from the first attempt to the outcome, waits included'
        (Get-AppliedRanking $emulator 'f-429').applied_count | Should -Be 1
        $entry = Get-AuditEntry $auditDir | Where-Object session_id -EQ 'f-429'
        $entry.attempts | Should -Be 2
        $entry.idempotency_key | Should -Be $result.IdempotencyKey
    }

    It 'says each attempt in the Verbose stream, also for a $VerbosePreference set in the caller''s scope' {
        Set-Fault $emulator 'f-verbose' @(500)
        $attempts = & {
            $VerbosePreference = 'Continue'
            New-TestRank 'f-verbose' | Submit-SnippetRanking 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'POST */snippets/ranking*' }
        }
        @($attempts).Count | Should -Be 2
        $attempts[0].Message | Should -BeLike '*-> 500 in *'
        @(New-TestRank 'f-quiet' | Submit-SnippetRanking 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
    }

    It 'retries a 500 and succeeds on the second attempt' {
        Set-Fault $emulator 'f-500' @(500)
        $result = New-TestRank 'f-500' | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $posts = Get-RankingPost $emulator 'f-500'
        $posts.Count | Should -Be 2
        $posts.outcome | Should -Be @('fault', 'applied')
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        (Get-AppliedRanking $emulator 'f-500').applied_count | Should -Be 1
    }

    It 'retries a <Status> and succeeds on the second attempt' -ForEach @(@{ Status = 408 }, @{ Status = 503 }) {
        $id = "f-$Status"
        Set-Fault $emulator $id @($Status)
        $result = New-TestRank $id | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        (Get-RankingPost $emulator $id).status | Should -Be @($Status, 200)
        (Get-AppliedRanking $emulator $id).applied_count | Should -Be 1
    }

    It 'does not retry another 4xx (403): RankingRejected after one attempt' {
        Set-Fault $emulator 'f-403' @(403)
        $result = New-TestRank 'f-403' | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'RankingRejected'
        $result.HttpStatus | Should -Be 403
        $result.Attempts | Should -Be 1
        (Get-RankingPost $emulator 'f-403').Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RankingRejected*'
        Get-AppliedRanking $emulator 'f-403' | Should -BeNullOrEmpty
    }

    It 'retries a dropped connection and succeeds' {
        Set-Fault $emulator 'f-reset' @('reset')
        $result = New-TestRank 'f-reset' | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $posts = Get-RankingPost $emulator 'f-reset'
        $posts.Count | Should -Be 2
        $posts[0].status | Should -BeNullOrEmpty -Because 'a dropped connection has no status'
        $posts[0].detail | Should -Be 'reset'
        $posts[1].outcome | Should -Be 'applied'
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        (Get-AppliedRanking $emulator 'f-reset').applied_count | Should -Be 1
    }

    It 'renews the token once on a 401 and retries once: exactly one extra token request' {
        $tokensBefore = $connection.TokenRequests
        $issuedBefore = Get-TokenIssuedCount $emulator
        Set-Fault $emulator 'f-401' @(401)

        $result = New-TestRank 'f-401' | Submit-SnippetRanking

        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $connection.TokenRequests | Should -Be ($tokensBefore + 1)
        Get-TokenIssuedCount $emulator | Should -Be ($issuedBefore + 1)
        $posts = Get-RankingPost $emulator 'f-401'
        $posts.status | Should -Be @(401, 200)
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        (Get-AppliedRanking $emulator 'f-401').applied_count | Should -Be 1
    }

    It 'renews the token only once: a second 401 is Unauthorized, never a third POST' {
        $tokensBefore = $connection.TokenRequests
        Set-Fault $emulator 'f-401x2' @(401, 401, 401)

        $result = New-TestRank 'f-401x2' | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Unauthorized'
        $result.HttpStatus | Should -Be 401
        $result.Attempts | Should -Be 2
        (Get-RankingPost $emulator 'f-401x2').Count | Should -Be 2
        $connection.TokenRequests | Should -Be ($tokensBefore + 1)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Unauthorized*'
        $errors[0].TargetObject | Should -Be 'f-401x2'
        Get-AppliedRanking $emulator 'f-401x2' | Should -BeNullOrEmpty
    }

    It 'waits for a locked session <Id> (409) to unlock, polling its status, then applies' -ForEach @(@{ Id = 'f-409' }, @{ Id = 'f-409/ ?#%' }) {
        $null = Set-SessionLock $emulator $Id -Seconds 1
        $result = New-TestRank $Id | Submit-SnippetRanking -LockTimeout 10

        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 2
        $journal = Get-Journal $emulator $Id
        $posts = @($journal | Where-Object method -EQ 'POST')
        $posts.outcome | Should -Be @('locked', 'applied')
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        $polls = @($journal | Where-Object method -EQ 'GET')
        $polls.Count | Should -BeGreaterOrEqual 1 -Because 'the module polls the session status while it is locked'
        $polls.path | Sort-Object -Unique | Should -Be "/api/v2/agentassist/sessions/$([uri]::EscapeDataString($Id))"
        $polls[-1].detail | Should -Be 'active'
        $polls[-1].sequence | Should -BeLessThan $posts[1].sequence
        (Get-AppliedRanking $emulator $Id).applied_count | Should -Be 1
    }

    It 'gives up on a session locked past -LockTimeout: SessionLocked, nothing applied' {
        Set-SessionLock $emulator 'f-409-long' -Seconds 30
        try {
            $result = New-TestRank 'f-409-long' | Submit-SnippetRanking -LockTimeout 1 -ErrorVariable errors -ErrorAction SilentlyContinue
        }
        finally {
            Set-SessionLock $emulator 'f-409-long' -Seconds 0
        }
        $result.Status | Should -Be 'SessionLocked'
        $result.Succeeded | Should -BeFalse
        $result.HttpStatus | Should -Be 409
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SessionLocked*'
        $errors[0].TargetObject | Should -Be 'f-409-long'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        @(Get-RankingPost $emulator 'f-409-long' | Where-Object outcome -EQ 'applied') | Should -BeNullOrEmpty
        Get-AppliedRanking $emulator 'f-409-long' | Should -BeNullOrEmpty
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
        $posts = Get-RankingPost $emulator 'f-400'
        $posts.Count | Should -Be 1
        $posts[0].detail | Should -Be 'schema_violation'
        Get-AppliedRanking $emulator 'f-400' | Should -BeNullOrEmpty
        (Get-AuditEntry $auditDir | Where-Object session_id -EQ 'f-400').http_status | Should -Be 400
    }

    It 'keeps one Idempotency-Key across a chain of different faults and applies exactly once' {
        Set-Fault $emulator 'f-chain' @(500, 'reset', 429)
        $result = New-TestRank 'f-chain' | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 4
        $posts = Get-RankingPost $emulator 'f-chain'
        $posts.Count | Should -Be 4
        @($posts | Where-Object outcome -EQ 'applied').Count | Should -Be 1
        $posts.idempotency_key | Sort-Object -Unique | Should -Be $result.IdempotencyKey
        $applied = Get-AppliedRanking $emulator 'f-chain'
        $applied.applied_count | Should -Be 1
        $applied.idempotency_key | Should -Be $result.IdempotencyKey
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The results, errors and audit entries of a run: the happy path, one failing session among
# others, and -ErrorAction Stop.
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

            $applied = Get-AppliedRanking $emulator $result.SessionId
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
        (Get-AppliedRanking $emulator 'from-payload').applied_count | Should -Be 2
    }

    It 'submits ranks that carry no session under -SessionId' {
        $result = @(
            New-SnippetRank -SnippetId KB-1 -RelevanceScore 0.7
            New-SnippetRank -SnippetId KB-2 -RelevanceScore 0.6
        ) | Submit-SnippetRanking -SessionId 'default-session'
        $result.SessionId | Should -Be 'default-session'
        $result.Status | Should -Be 'Succeeded'
        (Get-AppliedRanking $emulator 'default-session').payload.snippets.snippet_id | Should -Be @('KB-1', 'KB-2')
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
        Get-RankingPost $emulator 'invalid-1' | Should -BeNullOrEmpty
        (Get-AuditEntry $auditDir | Where-Object session_id -EQ 'invalid-1').event | Should -Be 'ranking.failed'
    }
}

Describe 'Submit-SnippetRanking results read as Test-RankingPayload results' {
    It 'starts an invalid session''s Error with its first problem and counts the rest' {
        $result = @(
            New-SnippetRank KB-1 0.9 -SessionId 'why-1'
            New-SnippetRank KB-1 0.8 -SessionId 'why-1'
            New-SnippetRank KB-1 0.7 -SessionId 'why-1'
        ) | Submit-SnippetRanking -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'InvalidRanking'
        $result.Error | Should -BeLike "snippet 'KB-1' appears twice in session 'why-1': input 1 * and input 2 * (and 1 more); nothing was sent"
        ($result | Format-Table | Out-String -Width 250) | Should -BeLike "*snippet 'KB-1' appears twice*"
    }

    It 'says each problem once in the InvalidRanking error (newcomer3 F14)' {
        $null = @(
            New-SnippetRank KB-1 0.9 -SessionId 'once-1'
            New-SnippetRank KB-1 0.8 -SessionId 'once-1'
        ) | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue
        $message = $errors[0].Exception.Message
        ([regex]::Matches($message, [regex]::Escape("appears twice"))).Count | Should -Be 1 -Because $message
        $null = @(
            New-SnippetRank KB-1 0.9 -SessionId 'once-2'
            New-SnippetRank KB-1 0.8 -SessionId 'once-2'
            New-SnippetRank KB-1 0.7 -SessionId 'once-2'
        ) | Submit-SnippetRanking -ErrorVariable more -ErrorAction SilentlyContinue
        $message = $more[0].Exception.Message
        ([regex]::Matches($message, [regex]::Escape("and input 2 "))).Count | Should -Be 1 -Because $message
        $message | Should -BeLike '*Other problems: *input 3*' -Because 'the problems after the first are still listed'
    }

    It 'has Snippets, the ranked snippets, as a Test-RankingPayload result has' {
        $ranks = @(New-SnippetRank KB-1 0.9 -SessionId 'same-1'; New-SnippetRank KB-2 0.5 -SessionId 'same-1')
        $tested = $ranks | Test-RankingPayload
        $submitted = $ranks | Submit-SnippetRanking
        $submitted.Snippets.SnippetId | Should -Be 'KB-1', 'KB-2'
        $submitted.Snippets.SnippetId | Should -Be $tested.Snippets.SnippetId
        $submitted.Snippets[0].FinalScore | Should -Be $tested.Snippets[0].FinalScore
        $submitted.Ranking.SnippetId | Should -Be 'KB-1', 'KB-2' -Because 'Ranking stays, the same list'
    }
}

Describe 'Submit-SnippetRanking with one failing session among others' {
    It 'finishes the other sessions when one is rejected, with one error naming the failed one' {
        Set-Fault $emulator 'mix-2' @(400)
        $ranks = @(New-TestRank 'mix-1' 2) + @(New-TestRank 'mix-2' 2) + @(New-TestRank 'mix-3' 2)

        $results = @($ranks | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 3
        ($results | Where-Object SessionId -EQ 'mix-1').Status | Should -Be 'Succeeded'
        ($results | Where-Object SessionId -EQ 'mix-2').Status | Should -Be 'RankingRejected'
        ($results | Where-Object SessionId -EQ 'mix-3').Status | Should -Be 'Succeeded'
        $errors.Count | Should -Be 1
        $errors[0].TargetObject | Should -Be 'mix-2'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RankingRejected*'
        (Get-RankingPost $emulator 'mix-2').Count | Should -Be 1 -Because 'a 400 is not retried'
        Get-AppliedRanking $emulator 'mix-1' | Should -Not -BeNullOrEmpty
        Get-AppliedRanking $emulator 'mix-3' | Should -Not -BeNullOrEmpty
        $entries = Get-AuditEntry $auditDir | Where-Object session_id -In 'mix-1', 'mix-2', 'mix-3'
        @($entries).Count | Should -Be 3
        ($entries | Where-Object session_id -EQ 'mix-2').event | Should -Be 'ranking.failed'
    }

    It 'finishes the other sessions when one exhausts its retries' {
        Set-Fault $emulator 'mix-500' @(500, 500, 500, 500, 500)
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
        Set-Fault $emulator 'stop-1' @(400)
        Set-Fault $emulator 'stop-2' @(429)
        $ranks = 'stop-1', 'stop-2', 'stop-3' | ForEach-Object { New-TestRank $_ 1 }

        { $ranks | Submit-SnippetRanking -Connection $stopConnection -ThrottleLimit 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'RankingRejected,*'

        Start-Sleep -Milliseconds 500
        $entries = @(Get-AuditEntry $stopAudit)
        ($entries.session_id | Sort-Object) | Should -Be @('stop-1', 'stop-2', 'stop-3')
        ($entries | Where-Object session_id -EQ 'stop-1').event | Should -Be 'ranking.failed'
        ($entries | Where-Object session_id -EQ 'stop-2').event | Should -Be 'ranking.cancelled' -Because 'it was waiting out a 2 s Retry-After when the run stopped'
        ($entries | Where-Object session_id -EQ 'stop-3').event | Should -Be 'ranking.cancelled'
        Get-RankingPost $emulator 'stop-3' | Should -BeNullOrEmpty
        Get-AppliedRanking $emulator 'stop-2' | Should -BeNullOrEmpty
        (Test-RankingAuditLog -Path $stopAudit).IsValid | Should -BeTrue
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }
}

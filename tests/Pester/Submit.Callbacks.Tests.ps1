#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Feedback callbacks (docs/design.md#feedback-callbacks): signed POSTs of the audit entry and
# the API's answer, failures warned and noted, never failing the ranking.
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
        Set-Fault $emulator 'cb-failed' @(400)
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
        (Get-AppliedRanking $emulator 'cb-dead').applied_count | Should -Be 1
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
        $journalBefore = @(Get-Journal $emulator).Count
        { New-TestRank 'cb-remote' 1 | Submit-SnippetRanking -CallbackUri 'http://callback.example.com/feedback' } |
            Should -Throw -ErrorId 'InvalidCallbackUri,*'
        @(Get-Journal $emulator).Count | Should -Be $journalBefore
    }
}

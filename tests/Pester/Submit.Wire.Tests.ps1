#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What goes on the wire: the exact request (docs/design.md#wire-contract), -RequestTimeout,
# an HTTP-date Retry-After, and hostile (path-injection) session ids as one escaped path segment.
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

Describe 'Submit-SnippetRanking with hostile session ids' {
    It 'sends <Id> as one escaped path segment and the emulator stores it under that exact id' -ForEach @(
        @{ Id = 'a/b' }, @{ Id = 'x y' }, @{ Id = 'q?x=1' }, @{ Id = 'h#1' }, @{ Id = 'p%2F' }, @{ Id = '..a' }, @{ Id = 'ü-€' },
        @{ Id = '...' }, @{ Id = 'a.' }, @{ Id = 'a\b' }, @{ Id = ' x ' }, @{ Id = '%2E%2E' }, @{ Id = 'a/../b' }
    ) {
        $result = New-TestRank $Id 2 | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $result.SessionId | Should -Be $Id
        $posts = Get-RankingPost $emulator $Id
        $posts.Count | Should -Be 1
        $posts[0].path | Should -Be "/api/v2/agentassist/sessions/$([uri]::EscapeDataString($Id))/snippets/ranking"
        $applied = Get-AppliedRanking $emulator $Id
        $applied.payload.session_id | Should -Be $Id
        $applied.applied_count | Should -Be 1
    }

    It 'keeps "p%2F" and "p/" apart' {
        (New-TestRank 'p/' 1 | Submit-SnippetRanking).Status | Should -Be 'Succeeded'
        (Get-AppliedRanking $emulator 'p/').payload.session_id | Should -Be 'p/'
        (Get-AppliedRanking $emulator 'p%2F').applied_count | Should -Be 1
    }

    It 'refuses "<Id>" as InvalidRanking and sends nothing' -ForEach @(@{ Id = '.' }, @{ Id = '..' }) {
        $journalBefore = @(Get-Journal $emulator).Count
        $result = New-TestRank $Id 1 | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'InvalidRanking'
        $result.Attempts | Should -Be 0
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRanking*'
        $errors[0].TargetObject | Should -Be $Id
        @(Get-Journal $emulator).Count | Should -Be $journalBefore
    }
}

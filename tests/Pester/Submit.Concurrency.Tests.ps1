#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Many sessions at once: -ThrottleLimit, concurrency and a valid audit chain.
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
        foreach ($id in $ids) { (Get-AppliedRanking $slowEmulator $id).applied_count | Should -Be 1 }

        $verification = Test-RankingAuditLog -Path $manyAudit
        $verification.IsValid | Should -BeTrue
        $verification.Entries | Should -Be 40 -Because 'each session has a write-ahead entry and an outcome entry'
        ((Get-AuditEntry $manyAudit).session_id | Sort-Object) | Should -Be $ids
    }

    It 'never has more than -ThrottleLimit sessions in flight, and does run them concurrently' {
        Reset-Emulator $slowEmulator
        $ids = 1..12 | ForEach-Object { 'throttle-{0:00}' -f $_ }
        $results = @($ids | ForEach-Object { New-TestRank $_ 1 } | Submit-SnippetRanking -ThrottleLimit 3 -Connection $manyConnection)
        $results.Count | Should -Be 12

        $posts = Get-RankingPost $slowEmulator
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

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Seeded random 429, 500 and dropped connections over 300 sessions.
# One of the Chaos.*.Tests.ps1 files (issue 7: under load and faults the module loses nothing,
# applies nothing twice and keeps a truthful audit). Each run's figures are printed and merged into
# out/TestResults/reliability-figures.json; docs/reliability.md explains them. The helpers
# (Start-ChaosEmulator, Connect-Chaos, New-ChaosRank, Add-ReliabilityFigure ...) are in TestSupport.psm1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
}

AfterAll { Stop-ChaosRun }

Describe 'Chaos: 300 sessions x 5 snippets through random 429, 500 and dropped connections' {
    BeforeAll {
        $seed = 20261125
        $emulator = Start-ChaosEmulator '--fault-rate', '429=0.1,500=0.05,reset=0.05', '--seed', $seed, '--retry-after', '0'
        $audit = Join-Path $TestDrive 'audit-chaos'
        $connection = Connect-Chaos $emulator $audit
        $ranks = New-ChaosRank 'chaos' 300
        $expectedIds = 1..300 | ForEach-Object { Get-SessionName 'chaos' $_ }

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @($ranks | Submit-SnippetRanking -Connection $connection -ThrottleLimit 4 -ErrorVariable runErrors -ErrorAction SilentlyContinue)
        $clock.Stop()

        $posts = Get-RankingPost $emulator
        $held = Get-AppliedRankingBySession $emulator $expectedIds
        $entries = Get-AuditEntry $audit
        $verification = Test-RankingAuditLog -Path $audit
        $faults = Get-FaultCount $posts
        $attempts = [int]($results | Measure-Object Attempts -Sum).Sum
        Add-ReliabilityFigure 'faults (429/500/reset)' ([ordered]@{
                Sessions = $results.Count; Snippets = 5 * $results.Count; Seed = $seed; ThrottleLimit = 4
                Faults429 = $faults['429']; Faults500 = $faults['500']; FaultsReset = $faults['reset']
                Attempts = $attempts; Retries = $attempts - $results.Count
                Lost = @($expectedIds | Where-Object { -not $held[$_] }).Count
                Duplicated = @($expectedIds | Where-Object { $held[$_] -and $held[$_].applied_count -gt 1 }).Count
                Errors = $runErrors.Count; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            })
    }
    AfterAll { Stop-CXoneEmulator $emulator }

    It 'returns 300 Succeeded results and not one error' {
        $results.Count | Should -Be 300
        @($results | Where-Object Status -NE 'Succeeded') | Should -BeNullOrEmpty
        $runErrors | Should -BeNullOrEmpty
        ($results.SessionId | Sort-Object) | Should -Be $expectedIds
    }

    It 'met every kind of fault it was given, so the run proves something' {
        $faults['429'] | Should -BeGreaterThan 10
        $faults['500'] | Should -BeGreaterThan 5
        $faults['reset'] | Should -BeGreaterThan 5
    }

    It 'applied every session exactly once: one applied POST in the journal, applied_count 1' {
        $applied = @($posts | Where-Object outcome -EQ 'applied')
        $applied.Count | Should -Be 300
        ($applied.session_id | Sort-Object -Unique).Count | Should -Be 300
        @($posts | Where-Object outcome -EQ 'replayed') | Should -BeNullOrEmpty
        foreach ($id in $expectedIds) { $held[$id].applied_count | Should -Be 1 -Because "$id was sent once" }
    }

    It 'holds each session''s whole ranking, exactly as ranked' {
        foreach ($id in $expectedIds) {
            @($held[$id].payload.snippets.snippet_id) | Should -Be @('KB-1', 'KB-2', 'KB-3', 'KB-4', 'KB-5') -Because "$id must hold all five snippets in order"
        }
    }

    It 'sent one Idempotency-Key per session on every retry, the key its result reports' {
        $keyOf = @{}
        foreach ($result in $results) { $keyOf[$result.SessionId] = $result.IdempotencyKey }
        foreach ($group in $posts | Group-Object session_id) {
            $keys = @($group.Group.idempotency_key | Sort-Object -Unique)
            $keys.Count | Should -Be 1 -Because "every POST of $($group.Name) is one logical submission"
            $keys[0] | Should -Be $keyOf[$group.Name]
        }
    }

    It 'counts attempts truthfully: the results'' attempts are the POSTs the emulator saw, sessions plus faults' {
        $attempts | Should -Be $posts.Count
        $posts.Count | Should -Be (300 + $faults['429'] + $faults['500'] + $faults['reset'])
    }

    It 'audited 300 ranking.submitted entries, one per session, in a valid chain' {
        $entries.Count | Should -Be 300
        $entries.event | Sort-Object -Unique | Should -Be 'ranking.submitted'
        ($entries.session_id | Sort-Object -Unique).Count | Should -Be 300
        ($entries | Measure-Object attempts -Sum).Sum | Should -Be $attempts
        $verification.IsValid | Should -BeTrue -Because $verification.Reason
        $verification.Entries | Should -Be 600 -Because 'each session has a write-ahead entry and an outcome entry'
        $verification.OutcomeUnknown | Should -BeNullOrEmpty
        $verification.TornLines | Should -BeNullOrEmpty
        $metrics = Get-RankingMetrics -Path $audit
        $metrics.Succeeded, $metrics.Failed | Should -Be 300, 0
    }
}

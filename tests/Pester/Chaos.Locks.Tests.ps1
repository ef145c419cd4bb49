#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Random 409 locks, and sessions an agent holds briefly or for good.
# One of the Chaos.*.Tests.ps1 files (issue 7: under load and faults the module loses nothing,
# applies nothing twice and keeps a truthful audit). Each run's figures are printed and merged into
# out/TestResults/reliability-figures.json; docs/reliability.md explains them. The helpers
# (Start-ChaosEmulator, Connect-Chaos, New-ChaosRank, Add-ReliabilityFigure ...) are in TestSupport.psm1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
}

AfterAll { Stop-ChaosRun }

Describe 'Chaos: random 409 locks, and sessions an agent holds' {
    BeforeAll {
        $seed = 409
        $emulator = Start-ChaosEmulator '--fault-rate', '409=0.1', '--seed', $seed, '--retry-after', '0'
        $audit = Join-Path $TestDrive 'audit-locks'
        $connection = Connect-Chaos $emulator $audit
        # Held briefly (released within the lock timeout) and held for good (past it).
        $briefly = 'held-1', 'held-2', 'held-3'
        foreach ($id in $briefly) { Set-SessionLock $emulator $id -Seconds 1.5 }
        Set-SessionLock $emulator 'held-for-good' -Seconds 120
        $ranks = @($briefly + 'held-for-good' | ForEach-Object { New-SnippetRank -SessionId $_ -SnippetId KB-1 -RelevanceScore 0.9 }) + @(New-ChaosRank 'lock' 150)
        $expectedIds = @($briefly) + @(1..150 | ForEach-Object { Get-SessionName 'lock' $_ })

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @($ranks | Submit-SnippetRanking -Connection $connection -ThrottleLimit 4 -LockTimeout 4 -ErrorVariable runErrors -ErrorAction SilentlyContinue)
        $clock.Stop()

        $journal = Get-Journal $emulator
        $posts = Get-RankingPost -Journal $journal
        $polls = @($journal | Where-Object { $_.method -eq 'GET' -and $_.outcome -eq 'status' })
        $held = Get-AppliedRankingBySession $emulator ($expectedIds + 'held-for-good')
        $faults = Get-FaultCount $posts
        $attempts = [int]($results | Measure-Object Attempts -Sum).Sum
        Add-ReliabilityFigure 'locks (409)' ([ordered]@{
                Sessions = $results.Count; Seed = $seed; Faults409 = $faults['409']
                LockedAnswers = @($posts | Where-Object outcome -EQ 'locked').Count; StatusPolls = $polls.Count
                Attempts = $attempts; Retries = $attempts - $results.Count
                Lost = @($expectedIds | Where-Object { -not $held[$_] }).Count
                Duplicated = @($expectedIds | Where-Object { $held[$_] -and $held[$_].applied_count -gt 1 }).Count
                Errors = $runErrors.Count; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            })
    }
    AfterAll {
        Set-SessionLock $emulator 'held-for-good' -Seconds 0
        Stop-CXoneEmulator $emulator
    }

    It 'met random 409s and real locks' {
        $faults['409'] | Should -BeGreaterThan 5
        @($posts | Where-Object { $_.outcome -eq 'locked' -and $_.session_id -in $briefly }).Count | Should -BeGreaterOrEqual 3
    }

    It 'waited out every lock that ended within -LockTimeout: 153 Succeeded, each applied once' {
        @($results | Where-Object Status -EQ 'Succeeded').Count | Should -Be 153
        foreach ($id in $expectedIds) { $held[$id].applied_count | Should -Be 1 -Because "$id was waited for, then sent once" }
    }

    It 'polled the session status after every 409 rather than hammering the POST' {
        $conflicts = @($posts | Where-Object { $_.status -eq 409 })
        $polls.Count | Should -BeGreaterOrEqual $conflicts.Count
        # After each 409, the next request for that session is a status poll, never a POST.
        foreach ($group in $journal | Where-Object { $_.session_id } | Sort-Object sequence | Group-Object session_id) {
            $seq = @($group.Group)
            for ($i = 0; $i -lt $seq.Count - 1; $i++) {
                if ($seq[$i].status -eq 409) { $seq[$i + 1].method | Should -Be 'GET' -Because "$($group.Name) answered 409 at #$($seq[$i].sequence)" }
            }
        }
    }

    It 'gave up on the session held for good with one SessionLocked error, and applied nothing to it' {
        $stuck = @($results | Where-Object SessionId -EQ 'held-for-good')
        $stuck.Count | Should -Be 1
        $stuck[0].Status | Should -Be 'SessionLocked'
        @($runErrors).Count | Should -Be 1
        $runErrors[0].FullyQualifiedErrorId | Should -BeLike 'SessionLocked,*'
        $runErrors[0].TargetObject | Should -Be 'held-for-good'
        $held['held-for-good'] | Should -BeNullOrEmpty
    }

    It 'audited 153 submissions and 1 failure in a valid chain' {
        $entries = Get-AuditEntry $audit
        @($entries | Where-Object event -EQ 'ranking.submitted').Count | Should -Be 153
        $failed = @($entries | Where-Object event -EQ 'ranking.failed')
        $failed.Count | Should -Be 1
        $failed[0].session_id, $failed[0].status, $failed[0].http_status | Should -Be 'held-for-good', 'SessionLocked', 409
        (Test-RankingAuditLog -Path $audit).IsValid | Should -BeTrue
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Ctrl+C in the middle of a busy run: prompt, truthfully audited, nothing half-applied.
# One of the Chaos.*.Tests.ps1 files (issue 7: under load and faults the module loses nothing,
# applies nothing twice and keeps a truthful audit). Each run's figures are printed and merged into
# out/TestResults/reliability-figures.json; docs/reliability.md explains them. The helpers
# (Start-ChaosEmulator, Connect-Chaos, New-ChaosRank, Add-ReliabilityFigure ...) are in TestSupport.psm1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
}

AfterAll { Stop-ChaosRun }

Describe 'Ctrl+C in the middle of a busy run' {
    BeforeAll {
        # A 429 here parks a session for 30 s: only Ctrl+C ends the wait early.
        $emulator = Start-ChaosEmulator '--retry-after', '30'
        $audit = Join-Path $TestDrive 'audit-cancel'
        $connection = Connect-Chaos $emulator $audit -MaxAttempts 3
        $ids = 1..12 | ForEach-Object { Get-SessionName 'cc' $_ }
        $parked = $ids[0..3]   # a 30 s Retry-After each
        $locked = $ids[4]      # an agent holds it for a minute

        # The old ranking every session holds before the run.
        $old = @(New-ChaosRank 'cc' 12 -Snippets 3 -Snippet 'OLD' | Submit-SnippetRanking -Connection $connection)
        foreach ($id in $parked) { Set-Fault $emulator $id @(429) }
        Set-SessionLock $emulator $locked -Seconds 60

        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($modulePath, $connection)
                Import-Module $modulePath
                $rows = foreach ($s in 1..12) { foreach ($k in 1..5) { [pscustomobject]@{ session_id = 'cc-{0:D3}' -f $s; snippet_id = "NEW-$k"; relevance_score = '0.5' } } }
                $rows | New-SnippetRank | Submit-SnippetRanking -Connection $connection -ThrottleLimit 6 -LockTimeout 120
            }).AddArgument($env:CXONERANKING_MODULE_PATH).AddArgument($connection)
        $pending = $ps.BeginInvoke()
        try {
            # Ready: the parked and the locked sessions are in their waits, the other seven are applied.
            Wait-Until {
                $posts = Get-RankingPost $emulator
                @($posts | Where-Object { $_.session_id -in $parked -and $_.status -eq 429 }).Count -eq 4 -and
                @($posts | Where-Object { $_.session_id -eq $locked -and $_.status -eq 409 }).Count -ge 1 -and
                @($posts | Where-Object { $_.outcome -eq 'applied' }).Count -ge 12 + 7
            }
            Start-Sleep -Milliseconds 500   # well inside the waits now
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $stopSeconds = $clock.Elapsed.TotalSeconds
            $state = $ps.InvocationStateInfo.State
            $completed = $pending.IsCompleted
        }
        finally {
            $ps.Dispose()
            Set-SessionLock $emulator $locked -Seconds 0
        }
        Start-Sleep -Milliseconds 500   # nothing left running may post later
        $postsAfter = Get-RankingPost $emulator
        $held = Get-AppliedRankingBySession $emulator $ids
        $entries = @(Get-AuditEntry $audit | Select-Object -Skip 12)
        Add-ReliabilityFigure 'Ctrl+C' ([ordered]@{
                Sessions = 12; StopSeconds = [math]::Round($stopSeconds, 2)
                Cancelled = @($entries | Where-Object event -EQ 'ranking.cancelled').Count
                Submitted = @($entries | Where-Object event -EQ 'ranking.submitted').Count
                HalfApplied = @($ids | Where-Object { (@($held[$_].payload.snippets.snippet_id) -join ',') -notin 'OLD-1,OLD-2,OLD-3', 'NEW-1,NEW-2,NEW-3,NEW-4,NEW-5' }).Count
            })
    }
    AfterAll { Stop-CXoneEmulator $emulator }

    It 'returns within 2 s of Ctrl+C during a 30 s Retry-After and a held lock' {
        $old.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        $stopSeconds | Should -BeLessThan 2
        $state | Should -Be 'Stopped'
        $completed | Should -BeTrue
    }

    It 'audits the interrupted sessions as ranking.cancelled and the finished ones as ranking.submitted, one entry each' {
        $entries.Count | Should -Be 12
        ($entries.session_id | Sort-Object) | Should -Be $ids
        foreach ($id in $parked + $locked) {
            $entry = $entries | Where-Object session_id -EQ $id
            $entry.event | Should -Be 'ranking.cancelled' -Because "$id was still waiting when stopped"
            $entry.status | Should -Be 'Cancelled'
        }
        ($entries | Where-Object session_id -In $parked).http_status | Sort-Object -Unique | Should -Be 429
        ($entries | Where-Object session_id -EQ $locked).http_status | Should -Be 409
        ($entries | Where-Object { $_.session_id -notin $parked -and $_.session_id -ne $locked }).event | Sort-Object -Unique | Should -Be 'ranking.submitted'
        (Test-RankingAuditLog -Path $audit).IsValid | Should -BeTrue
    }

    It 'half-applied nothing: every session holds exactly its old ranking or exactly its new one, as the audit says' {
        foreach ($id in $ids) {
            $snippets = @($held[$id].payload.snippets.snippet_id) -join ','
            $expected = if ($id -in $parked -or $id -eq $locked) { 'OLD-1,OLD-2,OLD-3' } else { 'NEW-1,NEW-2,NEW-3,NEW-4,NEW-5' }
            $snippets | Should -Be $expected -Because "$id must hold one whole ranking"
            $held[$id].applied_count | Should -Be $(if ($expected -like 'OLD*') { 1 } else { 2 })
        }
        # Each parked session: its old ranking applied, then the one 429; nothing after the stop.
        @($postsAfter | Where-Object { $_.session_id -in $parked -and $_.outcome -ne 'applied' }).Count | Should -Be 4 -Because 'no parked session may post after the stop'
    }
}

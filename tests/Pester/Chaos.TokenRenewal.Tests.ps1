#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# A token that lives 2 s, renewed mid-run without a storm of 401s.
# One of the Chaos.*.Tests.ps1 files (issue 7: under load and faults the module loses nothing,
# applies nothing twice and keeps a truthful audit). Each run's figures are printed and merged into
# out/TestResults/reliability-figures.json; docs/reliability.md explains them. The helpers
# (Start-ChaosEmulator, Connect-Chaos, New-ChaosRank, Add-ReliabilityFigure ...) are in TestSupport.psm1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
}

AfterAll { Stop-ChaosRun }

Describe 'Chaos: a token that lives 2 s is renewed mid-run without a storm of 401s' {
    BeforeAll {
        $seed = 2
        # 60 ms per answer keeps the run a few seconds long: several token lifetimes.
        $emulator = Start-ChaosEmulator '--token-lifetime', '2', '--latency-ms', '60', '--fault-rate', '429=0.1', '--seed', $seed, '--retry-after', '0'
        $audit = Join-Path $TestDrive 'audit-token'
        $connection = Connect-Chaos $emulator $audit
        $expectedIds = 1..200 | ForEach-Object { Get-SessionName 'token' $_ }
        $ranks = New-ChaosRank 'token' 200
        $issuedBefore = @(Get-Journal $emulator | Where-Object outcome -EQ 'token_issued').Count

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @($ranks | Submit-SnippetRanking -Connection $connection -ThrottleLimit 4 -ErrorVariable runErrors -ErrorAction SilentlyContinue)
        $clock.Stop()

        $journal = Get-Journal $emulator
        $posts = Get-RankingPost -Journal $journal
        $issued = @($journal | Where-Object outcome -EQ 'token_issued').Count - $issuedBefore
        $unauthorized = @($posts | Where-Object status -EQ 401).Count
        $held = Get-AppliedRankingBySession $emulator $expectedIds
        $attempts = [int]($results | Measure-Object Attempts -Sum).Sum
        Add-ReliabilityFigure 'token lifetime 2 s' ([ordered]@{
                Sessions = $results.Count; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
                TokensIssuedDuringRun = $issued; Unauthorized401 = $unauthorized; Faults429 = (Get-FaultCount $posts)['429']
                Attempts = $attempts; Retries = $attempts - $results.Count
                Lost = @($expectedIds | Where-Object { -not $held[$_] }).Count
                Duplicated = @($expectedIds | Where-Object { $held[$_] -and $held[$_].applied_count -gt 1 }).Count
                Errors = $runErrors.Count
            })
    }
    AfterAll { Stop-CXoneEmulator $emulator }

    It 'ran longer than two token lifetimes, so renewal had to happen' {
        $clock.Elapsed.TotalSeconds | Should -BeGreaterThan 2.5
    }

    It 'returns 200 Succeeded results, each applied once' {
        @($results | Where-Object Status -EQ 'Succeeded').Count | Should -Be 200
        $runErrors | Should -BeNullOrEmpty
        foreach ($id in $expectedIds) { $held[$id].applied_count | Should -Be 1 }
    }

    It 'renewed the token at about half its life: about one request per second of run, not one per session' {
        $issued | Should -BeGreaterOrEqual 2
        $issued | Should -BeLessOrEqual ([math]::Ceiling($clock.Elapsed.TotalSeconds) + 1)
        $connection.TokenRequests | Should -Be ($issued + 1) -Because 'the connection counts the connect''s token too'
    }

    It 'renewed before the API refused the token: no storm of 401s' {
        # Renewal at half-life leaves a full second of margin; a loaded machine may still lose one.
        $unauthorized | Should -BeLessOrEqual 2
        @($posts | Where-Object detail -EQ 'token_expired').Count | Should -Be $unauthorized
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The first hour of a contact-centre admin, part 2 of 3 (part 1: AdminHour.Tests.ps1), against the
# local emulator's CXone and Expert APIs: two Expert searches for one call merged into one ranking,
# submitted, a click registered with Expert, the search log imported twice (the second adds
# nothing); an experiment on 2 + 2 sessions that must not claim anything, and one on 300 sessions
# with a real effect that must find it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $clientSecret = 'Admin-Hour-Client-Secret-71d0'
    $expertKey = 'admin-hour-key'
    $expertSecret = 'Admin-Hour-Expert-Secret-2b8e'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'admin-hour', '--client-secret', $clientSecret,
        '--expert-key', $expertKey, '--expert-secret', $expertSecret
    $audit = Join-Path $TestDrive 'audit'
    Connect-CXone -BaseUri $emulator.Uri -ClientId 'admin-hour' -ClientSecret (ConvertTo-SecureString $clientSecret -AsPlainText -Force) -AuditPath $audit
    $token = [pscredential]::new($expertKey, (ConvertTo-SecureString $expertSecret -AsPlainText -Force))
    Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' -AuditPath $audit

    # Five snippets per session: KB-1 first, KB-5 last by relevance; the treatment boosts KB-5 to the top.
    function New-FiveRanks([string] $SessionId) {
        1..5 | ForEach-Object { New-SnippetRank -SessionId $SessionId -SnippetId "KB-$_" -RelevanceScore (1 - $_ / 10) }
    }
    $boostKb5 = New-BoostDirective -SnippetId KB-5 -Factor 3
}

AfterAll {
    Disconnect-CXoneExpert -ErrorAction SilentlyContinue
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator $emulator
}

Describe '5. Expert: two searches for call-x, merged, submitted, clicked, and the search log imported twice' {
    BeforeAll {
        $refund = @(Search-CXoneExpert -Query refund -SessionId call-x-refund)
        $billing = @(Search-CXoneExpert -Query billing -SessionId call-x-billing)
        $script:expectedIds = @(@($refund.SnippetId) + @($billing.SnippetId) | Sort-Object -Unique)
        $script:overlap = @($refund.SnippetId | Where-Object { $_ -in $billing.SnippetId })
        $script:merged = @('refund', 'billing' | Search-CXoneExpert -SessionId call-x)
        $script:submitted = $merged | Submit-SnippetRanking -ErrorVariable submitErrors -ErrorAction SilentlyContinue
        $script:submitErrors = @($submitErrors)
        $top = ($merged | Test-RankingPayload).Snippets[0]
        $script:click = $top | Add-SnippetClick -SessionId call-x -Expert -PassThru
        # -Until a minute ahead: the searches above fall in the current second, which a range ending now leaves to the next run.
        $since, $until = (Get-Date).AddHours(-1), (Get-Date).AddMinutes(1)
        $script:firstImport = Import-CXoneExpertSearchLog -Since $since -Until $until
        $script:linesAfterFirst = @(Get-AuditEntry $audit -IncludeWriteAhead).Count
        $script:secondImport = Import-CXoneExpertSearchLog -Since $since -Until $until
    }

    It 'merges the two searches into one rank per page' {
        $overlap.Count | Should -BeGreaterThan 0 -Because 'refund and billing must share a page for the merge to matter'
        ($merged.SnippetId | Sort-Object) | Should -Be $expectedIds -Because 'each page once, whichever search found it'
        ($merged.SessionId | Sort-Object -Unique) | Should -Be 'call-x'
    }

    It 'submits the merged session without DuplicateSnippetId' {
        $submitErrors.Count | Should -Be 0 -Because "the admin saw: $($submitErrors.Exception.Message -join ' | ')"
        $submitted.Status | Should -Be 'Succeeded'
        @(Get-RankingPost $emulator call-x).Count | Should -Be 1
    }

    It 'registers the click with Expert at the position the agent saw' {
        $click.RankPosition | Should -Be 1
        $click.ExpertQueryId | Should -BeGreaterThan 0
        $search = @((Invoke-RestMethod "$($emulator.Uri)_emulator/expert/history").searches) | Where-Object query_id -EQ $click.ExpertQueryId
        @($search.selections).Count | Should -Be 1
        $search.selections[0].position | Should -Be 1
    }

    It 'imports the 3 searches not clicked through the module, leaves the clicked one alone, and adds nothing the second time' {
        # The log holds the 4 searches above: the clicked one is skipped, the 3 others are added.
        $firstImport.Searches, $firstImport.Clicks, $firstImport.Skipped | Should -Be 3, 0, 1
        $secondImport.Searches, $secondImport.Clicks, $secondImport.EntriesWritten | Should -Be 0, 0, 0 -Because 'importing the same range again adds nothing'
        $secondImport.Skipped | Should -Be 4
        @(Get-AuditEntry $audit -IncludeWriteAhead).Count | Should -Be $linesAfterFirst
    }
}

Describe '6. An experiment on 2 + 2 sessions, and one on 300 with a real effect' {
    BeforeAll {
        # small-01 .. small-04 fall 2 + 2 by the documented hash of 'admin-small'.
        $script:small = @('small-01', 'small-02', 'small-03', 'small-04' | ForEach-Object { New-FiveRanks $_ } |
                Submit-SnippetRanking -Experiment admin-small -TreatmentDirective $boostKb5)
        # Every Treatment session clicks its top snippet, no Control session clicks: on main this read
        # "Treatment +20.0 pts CTR (95% interval +20.0 to +20.0), p < 0.001".
        $small | Where-Object Arm -EQ 'Treatment' | ForEach-Object { Add-SnippetClick -SessionId $_.SessionId -SnippetId $_.Ranking[0].SnippetId -RankPosition 1 }
        $script:smallResult = Get-RankingExperiment -Name admin-small

        # 300 sessions; an agent opens KB-5 with probability 0.6 / its position: 0.6 when the treatment
        # puts it first, 0.12 at the bottom. Seeded, and in session order, so every run draws alike.
        $script:large = @(1..300 | ForEach-Object { New-FiveRanks ('large-{0:D3}' -f $_) } |
                Submit-SnippetRanking -Experiment admin-large -TreatmentDirective $boostKb5 -ThrottleLimit 8)
        $random = [System.Random]::new(20261207)
        $large | Sort-Object SessionId | ForEach-Object {
            $kb5 = $_.Ranking | Where-Object SnippetId -EQ 'KB-5'
            if ($random.NextDouble() -lt 0.6 / $kb5.Position) {
                [pscustomobject]@{ session_id = $_.SessionId; snippet_id = 'KB-5'; rank_position = $kb5.Position }
            }
        } | Add-SnippetClick
        $script:largeResult = Get-RankingExperiment -Name admin-large
    }

    It 'puts 2 sessions in each arm' {
        ($small | Where-Object Arm -EQ 'Treatment').SessionId | Sort-Object | Should -Be 'small-02', 'small-03'
        ($small | Where-Object Arm -EQ 'Control').SessionId | Sort-Object | Should -Be 'small-01', 'small-04'
    }

    It 'claims no significance on 2 + 2 sessions: the verdict says there is not enough data' {
        $smallResult.Verdict | Should -BeLike 'Not enough data: 2 control vs 2 treatment sessions, 2 with a click*' -Because "the admin read '$($smallResult.Verdict)'"
        $smallResult.EnoughData | Should -BeFalse
        $smallResult.PValue | Should -BeNullOrEmpty
        $smallResult.ClickThroughLiftLow | Should -BeNullOrEmpty
    }

    It 'reports the real effect on 300 sessions' {
        @($large | Where-Object Succeeded).Count | Should -Be 300
        $largeResult.EnoughData | Should -BeTrue
        $largeResult.PValue | Should -BeLessThan 0.01
        $largeResult.ClickThroughLiftLow | Should -BeGreaterThan 0
        $largeResult.Verdict | Should -Match '^Treatment \+\d+\.\d pts CTR' -Because "the admin read '$($largeResult.Verdict)'"
    }
}

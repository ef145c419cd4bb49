#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The first hour of a contact-centre admin, part 1 of 3, played through the public cmdlets against
# the local emulator: a CSV of 30 sessions with bad rows is ranked, checked and sent (each bad row
# named by its session and its row); a re-run sends nothing, a changed file only what changed;
# clicks (one twice, one for a session never ranked), metrics, the report; learned boosts written
# to a file and ranked with by its path. Part 2 (Expert, experiments) is AdminHour.Expert.Tests.ps1,
# part 3 (the scheduled task) AdminHour.ScheduledTask.Tests.ps1. The steps run in order, each
# Describe on what the ones before it left in the audit log and the emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator, $clientSecret, $secureSecret, $connectionAudit, $connection = Initialize-SubmitSuite $TestDrive
    # Not under TestDrive, which Pester empties after each Describe: later steps read what earlier ones wrote.
    $work = Join-Path ([System.IO.Path]::GetTempPath()) "admin-hour-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $work
    $audit = Join-Path $work 'audit'
    $csvPath = Join-Path $work 'rankings.csv'
    $script:csv = New-AdminHourCsv $csvPath

    # What the admin types each night: the file through New-SnippetRank into Submit-SnippetRanking.
    function Invoke-Nightly([string[]] $Switch = @()) {
        $extra = @{}
        foreach ($name in $Switch) { $extra[$name] = $true }
        Import-Csv -LiteralPath $csvPath | New-SnippetRank -MetadataProperty category -ErrorAction SilentlyContinue |
            Submit-SnippetRanking -AuditPath $audit -ErrorAction SilentlyContinue @extra
    }

}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator $emulator
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe '1. Import-Csv | New-SnippetRank -MetadataProperty category on 30 sessions with bad rows' {
    BeforeAll {
        $script:ranks = @(Import-Csv -LiteralPath $csvPath |
                New-SnippetRank -MetadataProperty category -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
        $script:rowErrors = @($rowErrors)
    }

    It 'refuses exactly the 4 rows that cannot be a rank, each error naming the session and the row number' {
        $bad = @($csv.Rows | Where-Object Kind -In 'EmptySnippetId', 'CommaDecimal', 'ScoreAboveOne', 'NoSession')
        $rowErrors.Count | Should -Be 4 -Because "the admin saw: $($rowErrors.Exception.Message -join ' | ')"
        for ($i = 0; $i -lt 4; $i++) {
            $message = $rowErrors[$i].Exception.Message
            $message | Should -BeLike ([WildcardPattern]::Escape($bad[$i].Name) + ': *') -Because "the admin saw '$message' for CSV row $($bad[$i].Input) ($($bad[$i].Kind))"
            $rowErrors[$i].TargetObject.session_id | Should -Be $bad[$i].Row.session_id
        }
        $rowErrors.FullyQualifiedErrorId | Should -Be @(
            'InvalidSnippetId,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            'InvalidRelevanceScore,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            'InvalidRelevanceScore,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            'MissingSessionId,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand')
        $rowErrors[1].Exception.Message | Should -Match "relevance score '0,7' is not a number"
        $rowErrors[2].Exception.Message | Should -Match 'relevance score 1\.5 is outside \[0, 1\]'
    }

    It 'passes every other row on, each session whole (the duplicate is judged later)' {
        $ranks.Count | Should -Be ($csv.Rows.Count - 4) -Because "$($csv.Rows.Count) CSV rows, 4 refused"
        $expected = $csv.Rows | Where-Object Kind -In 'Good', 'Duplicate' | Group-Object { $_.Row.session_id } -NoElement
        $actual = $ranks | Group-Object SessionId -NoElement
        ($actual | ForEach-Object { "$($_.Name)=$($_.Count)" }) | Should -Be ($expected | ForEach-Object { "$($_.Name)=$($_.Count)" })
    }

    It 'keeps category as the one metadata key of every rank' {
        foreach ($rank in $ranks | Where-Object SnippetId -Like 'KB-?') {
            $rank.Metadata.Count | Should -Be 1
            $rank.Metadata.category | Should -Be $csv.Category[$rank.SnippetId] -Because "$($rank.SessionId)/$($rank.SnippetId)"
        }
    }
}

Describe '2. Test-RankingPayload, then Submit-SnippetRanking -AuditPath' {
    BeforeAll {
        # Straight from the file, as the admin pipes it: step 1 read the ranks' metadata, which would
        # hide a fault of metadata first read on Test-RankingPayload's and Submit-SnippetRanking's output.
        function Read-Ranks { Import-Csv -LiteralPath $csvPath | New-SnippetRank -MetadataProperty category -ErrorAction SilentlyContinue }
        $script:checked = @(Read-Ranks | Test-RankingPayload)
        $mark = Get-EmulatorJournalMark $emulator
        $script:sent = @(Read-Ranks | Submit-SnippetRanking -AuditPath $audit -ErrorVariable submitErrors -ErrorAction SilentlyContinue)
        $script:submitErrors = @($submitErrors)
        $script:firstPosts = Get-EmulatorRankingPost $emulator -After $mark
        # Every cmdlet names a rank by its CSV row (New-SnippetRank's input number, carried by the rank).
        $script:rankInput = @{}
        foreach ($row in $csv.Rows) { $rankInput["$($row.Row.session_id)/$($row.Row.snippet_id)/$($row.Row.relevance_score)"] = $row.Input }
    }

    It 'finds the 29 sessions valid and names the duplicate by its session and both its inputs' {
        $checked.Count | Should -Be 30 -Because 'adm-01 .. adm-30; the row without a session was refused as a row'
        @($checked | Where-Object IsValid).Count | Should -Be 29
        $duplicate = $checked | Where-Object SessionId -EQ 'adm-18'
        $duplicate.Errors.Code | Should -Be 'DuplicateSnippetId'
        $first, $second = $rankInput['adm-18/KB-1/0.9'], $rankInput['adm-18/KB-1/0.05']
        $first | Should -Not -BeNullOrEmpty
        $duplicate.Errors[0].Message | Should -BeLike "snippet 'KB-1' appears twice in session 'adm-18': input $first (*) and input $second (*)" -Because "the admin saw '$($duplicate.Errors[0].Message)'"
    }

    It 'leaves no nameless session: the row without a session id was a row error naming its CSV row' {
        @($checked | Where-Object { -not $_.SessionId }).Count | Should -Be 0
        $orphan = $csv.Rows | Where-Object Kind -EQ 'NoSession'
        $name = "input $($orphan.Input) (no session, snippet 'KB-92')"
        $message = @($rowErrors | Where-Object { "$($_.FullyQualifiedErrorId)" -like 'MissingSessionId,*' })[0].Exception.Message
        $message | Should -BeLike "$([WildcardPattern]::Escape($name)): *" -Because "the admin saw '$message', which must say which of $($csv.Rows.Count) rows it was"
    }

    It 'sends exactly the 29 valid sessions, one POST each, and reports the duplicate as InvalidRanking' {
        ($firstPosts | Sort-Object) | Should -Be $csv.ValidSessions
        @($sent | Where-Object Status -EQ 'Succeeded').Count | Should -Be 29
        ($sent | Where-Object Status -EQ 'InvalidRanking').SessionId | Should -Be 'adm-18'
        $submitErrors.Count | Should -Be 1 -Because "the admin saw: $($submitErrors.Exception.Message -join ' | ')"
        $submitErrors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'InvalidRanking,*' }
        @(Get-AuditEntry $audit | Where-Object event -EQ 'ranking.submitted').Count | Should -Be 29
    }

    It 'answers .Metadata.category on every snippet of every valid session, each with exactly one key' {
        foreach ($session in $checked | Where-Object IsValid) {
            $session.Snippets[0].Metadata.category | Should -Be 'refund' -Because "$($session.SessionId) ranks KB-1 first; `$result.Snippets[0].Metadata.category answered '$($session.Snippets[0].Metadata.category)'"
            foreach ($snippet in $session.Snippets) { $snippet.Metadata.category | Should -Be $csv.Category[$snippet.SnippetId] }
        }
        foreach ($result in $sent | Where-Object Succeeded) {
            $result.Ranking[0].Metadata.category | Should -Be 'refund' -Because "$($result.SessionId): `$result.Ranking[0].Metadata.category answered '$($result.Ranking[0].Metadata.category)'"
        }
    }
}

Describe '3. The same file again with -SkipUnchanged, then with 3 sessions changed' {
    BeforeAll {
        $mark = Get-EmulatorJournalMark $emulator
        $script:rerun = @(Invoke-Nightly -Switch SkipUnchanged)
        $script:rerunPosts = Get-EmulatorRankingPost $emulator -After $mark
        $script:unchangedEntries = @(Get-AuditEntry $audit | Where-Object event -EQ 'ranking.unchanged').Count

        $script:changedSessions = 'adm-04', 'adm-15', 'adm-26'
        $null = New-AdminHourCsv $csvPath -Changed $changedSessions
        $mark = Get-EmulatorJournalMark $emulator
        $script:changedRun = @(Invoke-Nightly -Switch SkipUnchanged)
        $script:changedPosts = Get-EmulatorRankingPost $emulator -After $mark
    }

    It 'sends nothing and answers Unchanged for each of the 29 sessions sent before' {
        $rerunPosts.Count | Should -Be 0 -Because "the emulator received POSTs for: $($rerunPosts -join ', ')"
        ($rerun | Where-Object Status -EQ 'Unchanged').SessionId | Sort-Object | Should -Be $csv.ValidSessions
        @($rerun | Where-Object Status -EQ 'InvalidRanking').SessionId | Should -Be 'adm-18'
        $unchangedEntries | Should -Be 29
    }

    It 'sends exactly the 3 changed sessions, and the other 26 are Unchanged' {
        ($changedPosts | Sort-Object) | Should -Be $changedSessions
        ($changedRun | Where-Object Status -EQ 'Succeeded').SessionId | Sort-Object | Should -Be $changedSessions
        @($changedRun | Where-Object Status -EQ 'Unchanged').Count | Should -Be 26
        (Get-AppliedRanking $emulator 'adm-04').payload.snippets[0].snippet_id | Should -Be 'KB-2' -Because 'KB-1 fell to 0.15'
        @(Get-AuditEntry $audit | Where-Object event -EQ 'ranking.submitted').Count | Should -Be 32
    }
}

Describe '4. Clicks, Get-RankingMetrics and Export-RankingReport' {
    BeforeAll {
        # What each session showed last: the 3 changed sessions' second ranking, the first otherwise.
        $shown = @{}
        foreach ($result in @($sent) + @($changedRun) | Where-Object Status -EQ 'Succeeded') { $shown[$result.SessionId] = $result.Ranking }
        # KB-5 clicked where it was shown, in 20 sessions; adm-01 clicked it twice in its one showing;
        # one click for a session this log never ranked.
        $script:clickedSessions = @($csv.ValidSessions | Select-Object -First 20)
        $clicks = foreach ($session in $clickedSessions) {
            $position = ($shown[$session] | Where-Object SnippetId -EQ 'KB-5').Position
            [pscustomobject]@{ session_id = $session; snippet_id = 'KB-5'; rank_position = $position }
            if ($session -eq 'adm-01') { [pscustomobject]@{ session_id = $session; snippet_id = 'KB-5'; rank_position = $position } }
        }
        $clicks = @($clicks) + [pscustomobject]@{ session_id = 'adm-never'; snippet_id = 'KB-1'; rank_position = 1 }
        $clicks | Add-SnippetClick -AuditPath $audit -WarningVariable clickWarnings -WarningAction SilentlyContinue
        $script:clickWarnings = @($clickWarnings)
        $script:metrics = Get-RankingMetrics -AuditPath $audit
        # Impressions: the snippets of every successful submission, the 3 second rankings included.
        $script:impressions = (@($sent) + @($changedRun) | Where-Object Status -EQ 'Succeeded' | ForEach-Object { $_.Ranking.Count } | Measure-Object -Sum).Sum
    }

    It 'records all 22 clicks and warns once, naming the session that was never ranked' {
        @(Get-AuditEntry $audit | Where-Object event -EQ 'click').Count | Should -Be 22
        $clickWarnings.Count | Should -Be 1 -Because 'a click for a session the log never ranked says so'
        "$($clickWarnings[0])" | Should -Match "1 click\(s\) for 1 session\(s\) whose ranking was not found in the last 7 days of the audit log in '.+' \(its files from \d{4}-\d\d-\d\d on\): 'adm-never'"
    }

    It 'counts 22 clicks, 20 clicked impressions, and the click without a ranking apart' {
        $metrics.Succeeded, $metrics.Failed, $metrics.NotSent, $metrics.Submissions | Should -Be 32, 0, 3, 32 -Because '29 + 3 sent; adm-18 invalid, never sent, in each of 3 runs'
        $metrics.Impressions | Should -Be $impressions
        $metrics.Clicks | Should -Be 22
        $metrics.ClickedImpressions | Should -Be 20 -Because 'adm-01 clicked KB-5 twice in one showing: one clicked impression'
        $metrics.ClicksWithoutRanking | Should -Be 1
        $kb5 = $metrics.TopSnippets | Where-Object SnippetId -EQ 'KB-5'
        $kb5.Clicks, $kb5.ClickedImpressions | Should -Be 21, 20
    }

    It 'gives every click-through rate in [0, 1], under the name ClickThroughRate' {
        $metrics.ClickThroughRate | Should -Be (20 / $impressions) -Because 'clicked impressions over impressions'
        $rates = @($metrics.ClickThroughRate) + @($metrics.ClickThroughRateByPosition | ForEach-Object ClickThroughRate) +
            @($metrics.TopSnippets | ForEach-Object ClickThroughRate)
        $rates.Count | Should -Be (1 + @($metrics.ClickThroughRateByPosition).Count + @($metrics.TopSnippets).Count)
        foreach ($rate in $rates) {
            $rate | Should -Not -BeNullOrEmpty -Because 'every snippet here has known impressions, so every rate has a value'
            $rate | Should -BeGreaterOrEqual 0.0
            $rate | Should -BeLessOrEqual 1.0 -Because "the admin saw a rate of $($rate * 100)%"
        }
        ($metrics.ClickThroughRateByPosition | Where-Object Position -EQ 5).ClickedImpressions | Should -Be 18 -Because '18 of the 20 sessions showed KB-5 at position 5'
    }

    It 'writes the report to -Path' {
        $report = Join-Path $work 'report.html'

        Export-RankingReport -AuditPath $audit -Path $report

        (Get-Item -LiteralPath $report).Length | Should -BeGreaterThan 0
        $html = Get-Content -LiteralPath $report -Raw
        $html | Should -Match '<html'
        $html | Should -Match 'KB-5'
    }
}

Describe '7. Learned boosts: -AsDirective | Export-BoostDirective, then -BoostDirective <path>' {
    BeforeAll {
        # A log the model can learn from: 60 sessions whose rankings rotate, so each of KB-1 .. KB-5 is
        # shown at every position; agents open KB-5 four times as readily as the others (seeded).
        # KB-6 is always shown sixth and never opened: the log cannot tell its relevance, so its
        # suggestion is factor 1, which -AsDirective must leave out.
        $learnAudit = Join-Path $work 'learn-audit'
        $rotated = foreach ($s in 1..60) {
            foreach ($k in 1..5) {
                $position = ($k - 1 + $s) % 5 + 1
                New-SnippetRank -SessionId ('learn-{0:D2}' -f $s) -SnippetId "KB-$k" -RelevanceScore (1 - $position / 10)
            }
            New-SnippetRank -SessionId ('learn-{0:D2}' -f $s) -SnippetId KB-6 -RelevanceScore 0.4
        }
        $learnResults = @($rotated | Submit-SnippetRanking -AuditPath $learnAudit -ThrottleLimit 8)
        $random = [System.Random]::new(7)
        $learnResults | Sort-Object SessionId | ForEach-Object {
            foreach ($snippet in $_.Ranking) {
                $attractiveness = switch ($snippet.SnippetId) { 'KB-5' { 0.8 } 'KB-6' { 0 } default { 0.2 } }
                if ($random.NextDouble() -lt $attractiveness / $snippet.Position) {
                    [pscustomobject]@{ session_id = $_.SessionId; snippet_id = $snippet.SnippetId; rank_position = $snippet.Position }
                }
            }
        } | Add-SnippetClick -AuditPath $learnAudit

        Push-Location $work
        Get-SnippetBoostSuggestion -AuditPath $learnAudit -AsDirective | Export-BoostDirective -Path ./learned.json -Force
        $script:learned = @(Get-Content -LiteralPath (Join-Path $work 'learned.json') -Raw | ConvertFrom-Json)
        $script:suggestions = @(Get-SnippetBoostSuggestion -AuditPath $learnAudit)
        # The day-one log of steps 1-4 moves no snippet: its learned file is an empty array.
        Get-SnippetBoostSuggestion -AuditPath $audit -MinImpressions 10 -AsDirective -WarningAction SilentlyContinue |
            Export-BoostDirective -Path ./day-one.json -Force
    }
    AfterAll { Pop-Location }

    It 'writes a rule for KB-5 above 1 and no rule with factor 1 (KB-6''s suggestion is 1)' {
        ($suggestions | Where-Object SnippetId -EQ 'KB-6').Factor | Should -Be 1 -Because 'the log cannot tell KB-6''s relevance; without a factor-1 suggestion this test shows nothing'
        $kb5 = @($learned | Where-Object snippet_id -EQ 'KB-5')
        $kb5.Count | Should -Be 1 -Because "learned.json holds: $($learned | ConvertTo-Json -Compress)"
        $kb5[0].factor | Should -BeGreaterThan 1
        @($learned | Where-Object factor -EQ 1).Count | Should -Be 0 -Because "a factor-1 rule changes nothing; learned.json holds: $($learned | ConvertTo-Json -Compress)"
    }

    It 'ranks with the file given as a relative path, exactly as with New-BoostDirective -Path' {
        $learnRanks = 1..5 | ForEach-Object { New-SnippetRank -SessionId adm-learn -SnippetId "KB-$_" -RelevanceScore (1 - $_ / 10) }
        $byPath = $learnRanks | Submit-SnippetRanking -BoostDirective ./learned.json -AuditPath $audit -ErrorVariable failures
        $byRules = $learnRanks | Test-RankingPayload -BoostDirective (New-BoostDirective -Path ./learned.json)

        $failures.Count | Should -Be 0 -Because "the admin saw: $($failures.Exception.Message -join ' | ')"
        $byPath.Status | Should -Be 'Succeeded'
        $byPath.Ranking.SnippetId | Should -Be $byRules.Snippets.SnippetId
        ($byPath.Ranking | Where-Object SnippetId -EQ 'KB-5').BoostFactor | Should -Be ($learned | Where-Object snippet_id -EQ 'KB-5').factor
    }

    It 'ranks with the empty file a day-one log gives, as with no rules' {
        Get-Content -LiteralPath (Join-Path $work 'day-one.json') -Raw | ConvertFrom-Json -NoEnumerate | ForEach-Object Count | Should -Be 0
        $dayOneRanks = 1..3 | ForEach-Object { New-SnippetRank -SessionId adm-day-one -SnippetId "KB-$_" -RelevanceScore (1 - $_ / 10) }

        $result = $dayOneRanks | Submit-SnippetRanking -BoostDirective ./day-one.json -AuditPath $audit -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 0 -Because "the documented learn-then-rank loop on a young log stopped with: $($failures.Exception.Message -join ' | ')"
        $result.Status | Should -Be 'Succeeded'
        $result.Ranking.SnippetId | Should -Be 'KB-1', 'KB-2', 'KB-3'
    }

    It 'ranks with the empty day-one file read by New-BoostDirective -Path, as README''s learning loop writes it' {
        $dayOneRanks = 1..3 | ForEach-Object { New-SnippetRank -SessionId adm-day-one-loop -SnippetId "KB-$_" -RelevanceScore (1 - $_ / 10) }

        $result = try { $dayOneRanks | Submit-SnippetRanking -BoostDirective (New-BoostDirective -Path ./day-one.json) -AuditPath $audit } catch { $_ }

        $result | Should -Not -BeOfType ([System.Management.Automation.ErrorRecord]) -Because "on a young log the documented loop stopped with: $result"
        $result.Status | Should -Be 'Succeeded'
    }
}

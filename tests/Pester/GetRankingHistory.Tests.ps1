#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-RankingHistory as an auditor uses it (docs/what-if.md#explaining-a-past-ranking-get-rankinghistory):
# rankings submitted to the local emulator with directives (a metadata boost, a snippet-id boost, an
# exclusion), a window that cuts, invalid and held-back rows and an experiment; then each logged
# ranking is explained from the log alone: the rule behind a boosted snippet is named in its
# explanation, the same text Test-RankingPayload gives for the same input, and every candidate not
# shown is listed with its reason. Also: -Since/-Until, completion of -SessionId, rankings logged
# before candidates were (skipped and counted) and a session the log does not hold.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $clientSecret = 'History-Pester-Secret-3f8a'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'pester', '--client-secret', $clientSecret
    $audit = Join-Path $TestDrive 'audit'
    $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret (ConvertTo-SecureString $clientSecret -AsPlainText -Force) -AuditPath $audit

    # Six candidates: KB-3 is an internal draft (excluded), KB-2 an escalation (boosted x1.5), KB-5
    # boosted by id (x2); the window of 3 cuts the rest.
    function New-HistoryRank([string] $SessionId) {
        $rows = @(
            @{ Id = 'KB-1'; Score = 0.9; Category = 'billing' }
            @{ Id = 'KB-2'; Score = 0.6; Category = 'escalation' }
            @{ Id = 'KB-3'; Score = 0.95; Category = 'internal-draft' }
            @{ Id = 'KB-4'; Score = 0.5; Category = 'billing' }
            @{ Id = 'KB-5'; Score = 0.3; Category = 'general' }
            @{ Id = 'KB-6'; Score = 0.2; Category = 'general' }
        )
        foreach ($row in $rows) { New-SnippetRank -SessionId $SessionId -SnippetId $row.Id -RelevanceScore $row.Score -Metadata @{ category = $row.Category } }
    }
    $script:rules = @(
        New-BoostDirective -MetadataKey category -Value escalation -Factor 1.5
        New-BoostDirective -MetadataKey category -Value 'internal-*' -Exclude
        New-BoostDirective -SnippetId KB-5 -Factor 2
    )
    $script:boosted = New-HistoryRank 'hist-boost' | Submit-SnippetRanking -BoostDirective $rules -MaxResultWindow 3
    # Same session, later, with other input: the second ranking of its history.
    Start-Sleep -Milliseconds 50
    $script:second = New-SnippetRank -SessionId 'hist-boost' -SnippetId 'KB-9' -RelevanceScore 0.7 | Submit-SnippetRanking

    # A duplicate id makes the session invalid: never sent, still logged with its candidates.
    $script:invalid = @(
        New-SnippetRank -SessionId 'hist-invalid' -SnippetId 'KB-1' -RelevanceScore 0.9
        New-SnippetRank -SessionId 'hist-invalid' -SnippetId 'KB-1' -RelevanceScore 0.4
        New-SnippetRank -SessionId 'hist-invalid' -SnippetId 'KB-2' -RelevanceScore 0.5
    ) | Submit-SnippetRanking -ErrorAction SilentlyContinue

    # A row refused under -InvalidRowAction DropSession holds its session back whole.
    $script:heldBack = @(
        [pscustomobject]@{ session_id = 'hist-held'; snippet_id = 'KB-1'; relevance_score = '0.8' }
        [pscustomobject]@{ session_id = 'hist-held'; snippet_id = 'KB-2'; relevance_score = 'abc' }
    ) | New-SnippetRank -InvalidRowAction DropSession -ErrorAction SilentlyContinue | Submit-SnippetRanking -ErrorAction SilentlyContinue

    # Session ids that hold wildcard characters, and one such an id also matches as a pattern.
    $script:bracketed = New-SnippetRank -SessionId 'hist-[1]' -SnippetId 'KB-1' -RelevanceScore 0.5 | Submit-SnippetRanking
    $script:plain = New-SnippetRank -SessionId 'hist-1' -SnippetId 'KB-1' -RelevanceScore 0.5 | Submit-SnippetRanking

    $script:experimentSessions = 1..8 | ForEach-Object { 'hist-exp-{0}' -f $_ }
    $script:armed = @($experimentSessions | ForEach-Object { New-HistoryRank $_ } |
        Submit-SnippetRanking -BoostDirective $rules[1] -Experiment hist-exp -TreatmentDirective $rules[2] -MaxResultWindow 4)

    function Get-Completion([string] $Line) { @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches) }
}

AfterAll {
    Disconnect-CXone
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Get-RankingHistory' {
    BeforeAll {
        $script:history = @(Get-RankingHistory -SessionId hist-boost)
        $script:first = $history[0]
    }

    It 'gives one object per logged ranking of the session, oldest first' {
        $boosted.Status | Should -Be 'Succeeded'
        $history.Count | Should -Be 2
        $history[0] | Should -BeOfType CXoneRanking.RankingHistoryEntry
        $history[0].Timestamp | Should -BeLessThan $history[1].Timestamp
        $history.Status | Should -Be 'Succeeded', 'Succeeded'
        $history[1].Snippets.SnippetId | Should -Be 'KB-9'
    }

    It 'shows what was shown, as sent: the same ids and checksum' {
        $first.Snippets.SnippetId | Should -Be $boosted.Ranking.SnippetId
        $first.RankingChecksum | Should -Be $boosted.RankingChecksum
        $first.MaxResultWindow | Should -Be 3
        $first.CandidateCount | Should -Be 6
        $history.Reproduced | Should -Be $true, $true
    }

    It 'names the rule behind a boosted snippet in its explanation' {
        $kb2 = $first.Snippets | Where-Object SnippetId -EQ 'KB-2'
        $kb2.Explanation | Should -Match ([regex]::Escape('x rule(category=escalation) 1.5'))
        $kb2.BoostFactor | Should -Be 1.5
        $first.Directives.Count | Should -Be 3
        $first.DirectiveSet | Should -Match '^[0-9a-f]{64}$'
    }

    It 'gives the explanations Test-RankingPayload gives for the same input' {
        $same = New-HistoryRank 'hist-boost' | Test-RankingPayload -BoostDirective $rules -MaxResultWindow 3
        $first.Snippets.SnippetId | Should -Be $same.Snippets.SnippetId
        $first.Snippets.Explanation | Should -Be $same.Snippets.Explanation
        $first.Snippets.FinalScore | Should -Be $same.Snippets.FinalScore
    }

    It 'lists every candidate not shown, in input order, with its reason' {
        $first.NotShown.SnippetId | Should -Be 'KB-3', 'KB-4', 'KB-6'
        $first.NotShownCount | Should -Be 3
        $excluded = $first.NotShown[0]
        $excluded.Reason | Should -Be 'Excluded'
        "$($excluded.Rule)" | Should -Be 'exclude(category=internal-*)'
        $excluded.Detail | Should -Match 'excluded by exclude\(category=internal-\*\)'
        $excluded.RelevanceScore | Should -Be 0.95
        foreach ($cut in $first.NotShown[1, 2]) {
            $cut.Reason | Should -Be 'Window'
            $cut.RankedPosition | Should -BeGreaterThan 3
            $cut.Detail | Should -Match 'below position 3'
        }
        ($first.NotShown | Where-Object SnippetId -EQ 'KB-6').RankedPosition | Should -Be 5
    }

    It 'gives an excluded candidate the warning Test-RankingPayload gives' {
        $same = New-HistoryRank 'hist-boost' | Test-RankingPayload -BoostDirective $rules -MaxResultWindow 3
        $first.NotShown[0].Detail | Should -Be ($same.Warnings | Where-Object Code -EQ 'Excluded').Message
    }

    It 'keeps metadata read-only and readable like every metadata object' {
        $first.Snippets[0].Metadata.category | Should -Not -BeNullOrEmpty
        $first.NotShown[0].Metadata.category | Should -Be 'internal-draft'
        $first.NotShown[0].Metadata | Should -BeOfType System.Collections.IDictionary
        { $first.NotShown[0].Metadata['category'] = 'x' } | Should -Throw
        { $first.Snippets[0].Metadata['category'] = 'x' } | Should -Throw
    }

    It 'explains a session that was never sent: each invalid candidate with its error, the others with the session''s' {
        $invalid.Status | Should -Be 'InvalidRanking'
        $entry = @(Get-RankingHistory hist-invalid)
        $entry.Count | Should -Be 1
        $entry[0].Status | Should -Be 'InvalidRanking'
        $entry[0].Snippets | Should -BeNullOrEmpty
        $entry[0].RankingChecksum | Should -BeNullOrEmpty
        $entry[0].NotShown.SnippetId | Should -Be 'KB-1', 'KB-1', 'KB-2'
        $entry[0].NotShown.Reason | Should -Be 'Invalid', 'Invalid', 'SessionInvalid'
        $entry[0].NotShown[0].Detail | Should -Match "snippet 'KB-1' appears twice"
        $entry[0].NotShown[2].Detail | Should -Be 'the session was invalid: see Errors'
        $entry[0].Errors[0].Message | Should -Match "snippet 'KB-1' appears twice"
    }

    It 'shows an invalid session''s errors once in Format-List, not on every sound candidate' {
        $entry = @(Get-RankingHistory hist-invalid)[0]
        $lines = @(($entry | Format-List | Out-String -Width 120) -split '\r?\n')
        $errorLine = $lines | Where-Object { $_ -match '^Errors\s*: ' }
        $errorLine | Should -Match 'DuplicateSnippetId'
        $lines -join "`n" | Should -Match ([regex]::Escape('KB-2 (SessionInvalid): the session was invalid: see Errors'))
        # The error names KB-1 twice (its two rows): once in Errors, once per invalid row, never on KB-2.
        @($lines | Where-Object { $_ -match 'DuplicateSnippetId' }).Count | Should -Be 1
    }

    It 'names a held-back row''s error' {
        $entry = @(Get-RankingHistory hist-held)
        $entry.Count | Should -Be 1
        $held = $entry[0].NotShown | Where-Object Reason -EQ 'HeldBack'
        $held.SnippetId | Should -Be 'KB-2'
        $held.Detail | Should -Match 'relevance'
    }

    It 'gives each session of an experiment its arm, and the arm''s rules' {
        $entries = @(Get-RankingHistory -SessionId $experimentSessions)
        $entries.Count | Should -Be $experimentSessions.Count
        foreach ($entry in $entries) {
            $result = $armed | Where-Object SessionId -EQ $entry.SessionId
            $entry.Experiment | Should -Be 'hist-exp'
            $entry.Arm | Should -Be $result.Arm
            $entry.Snippets.SnippetId | Should -Be $result.Ranking.SnippetId
            $entry.Directives.Count | Should -Be $(if ($result.Arm -eq 'Treatment') { 2 } else { 1 })
        }
        @($entries.Arm | Sort-Object -Unique).Count | Should -Be 2 -Because 'both arms must be present for this test to mean anything'
    }

    It 'takes session ids from piped results' {
        @($armed | Select-Object -First 2 | Get-RankingHistory).SessionId | Should -Be @($armed | Select-Object -First 2).SessionId
    }

    It 'takes session ids piped as strings' {
        @('hist-invalid', 'hist-held' | Get-RankingHistory).SessionId | Should -Be 'hist-invalid', 'hist-held'
    }

    It 'matches -SessionId as a wildcard pattern when no session has that exact id' {
        $matched = @(Get-RankingHistory 'hist-exp-*')
        $matched.SessionId | Sort-Object | Should -Be ($experimentSessions | Sort-Object)
        @(Get-RankingHistory 'hist-inv?lid').SessionId | Should -Be 'hist-invalid'
    }

    It 'takes an id that holds wildcard characters as it is when the log holds that session' {
        @(Get-RankingHistory 'hist-[1]').SessionId | Should -Be 'hist-[1]'
        @(Get-RankingHistory 'hist-[12]').SessionId | Should -Be 'hist-1'
    }

    It 'says a pattern matched no session' {
        $none = @(Get-RankingHistory 'no-such-*' -ErrorVariable missing -ErrorAction SilentlyContinue)
        $none | Should -BeNullOrEmpty
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'RankingHistoryNotFound,*'
        $missing[0].Exception.Message | Should -Match ([regex]::Escape("no ranking of a session matching 'no-such-*'"))
    }

    It 'keeps to -Since and -Until' {
        $between = $history[1].Timestamp.UtcDateTime
        @(Get-RankingHistory hist-boost -Until $between).Timestamp | Should -Be $history[0].Timestamp
        @(Get-RankingHistory hist-boost -Since $between).Timestamp | Should -Be $history[1].Timestamp
    }

    It 'refuses a reversed range as InvalidTimeRange' {
        { Get-RankingHistory hist-boost -Since (Get-Date) -Until (Get-Date).AddDays(-1) } |
            Should -Throw -ErrorId 'InvalidTimeRange,CXoneRanking.PowerShell.Cmdlets.GetRankingHistoryCommand'
    }

    It 'completes -SessionId from the newest entries of the log' {
        $completions = Get-Completion "Get-RankingHistory -AuditPath '$audit' -SessionId hist-b"
        $completions.CompletionText | Should -Contain 'hist-boost'
        (Get-Completion "Get-RankingHistory -Path '$audit' hist-inv").CompletionText | Should -Be 'hist-invalid'
    }

    It 'says which session the log does not hold, and goes on with the others' {
        $found = @(Get-RankingHistory -SessionId no-such-session, hist-invalid -ErrorVariable missing -ErrorAction SilentlyContinue)
        $found.SessionId | Should -Be 'hist-invalid'
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'RankingHistoryNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].Exception.Message | Should -Match "'no-such-session'"
        $missing[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'shows the table at 120 columns and the detail in Format-List' {
        $table = @(($history | Out-String -Width 120) -split '\r?\n')
        ($table | Where-Object { $_.Length -gt 120 }) | Should -BeNullOrEmpty
        $table -join "`n" | Should -Match 'KB-1 0.9'
        $table[1] | Should -Match '\bSessionId\b'
        $table -join "`n" | Should -Match 'hist-boost'
        $list = ($first | Format-List | Out-String -Width 120)
        $list | Should -Match ([regex]::Escape('exclude(category=internal-*)'))
        $list | Should -Match 'KB-6 \(Window\)'
        $list | Should -Match ([regex]::Escape('x rule(category=escalation) 1.5'))
    }
}

Describe 'Get-RankingHistory on a log edited since' {
    It 'warns that a ranking no longer replays to what was sent, and explains the replay' {
        $edited = Join-Path $TestDrive 'edited-audit'
        Copy-Item $audit $edited -Recurse
        # KB-4's relevance raised from 0.5 to 0.99: the replay now shows it, which was not sent.
        foreach ($file in Get-ChildItem $edited -Filter *.jsonl) {
            $lines = [System.IO.File]::ReadAllLines($file.FullName) | ForEach-Object {
                if ($_ -like '*"session_id":"hist-boost"*"candidates"*') { $_.Replace('{"id":"KB-4","r":0.5', '{"id":"KB-4","r":0.99') } else { $_ }
            }
            [System.IO.File]::WriteAllLines($file.FullName, [string[]] $lines)
        }
        $entries = @(Get-RankingHistory hist-boost -AuditPath $edited -WarningVariable warned -WarningAction SilentlyContinue)

        $entries[0].Reproduced | Should -BeFalse
        $entries[0].Snippets.SnippetId | Should -Contain 'KB-4'
        $entries[1].Reproduced | Should -BeTrue
        # The edit also breaks the entry's own hash: one warning for that, one for the replay.
        @($warned).Count | Should -Be 2
        "$($warned[0])" | Should -Match "does not match its hash"
        "$($warned[1])" | Should -Match "does not replay to what the log says was sent"
    }
}

Describe 'Get-RankingHistory on entries changed, unreadable or named with control characters (attacker3 F1, F4, F7)' {
    BeforeAll {
        # A copy of the log with one line of the first hist-boost ranking (its write-ahead entry) changed, hash untouched.
        function Copy-EditedLog([string] $Name, [string] $From, [string] $To) {
            $copy = Join-Path $TestDrive $Name
            Copy-Item $audit $copy -Recurse
            $done = $false
            foreach ($file in Get-ChildItem $copy -Filter *.jsonl) {
                $lines = [System.IO.File]::ReadAllLines($file.FullName) | ForEach-Object {
                    if (-not $done -and $_ -like '*"session_id":"hist-boost"*"candidates"*') { $done = $true; $_.Replace($From, $To) } else { $_ }
                }
                [System.IO.File]::WriteAllLines($file.FullName, [string[]] $lines)
            }
            $copy
        }
    }

    It 'marks every ranking of an unedited log Verified' {
        @(Get-RankingHistory hist-boost -AuditPath $audit).Verified | Should -Not -Contain $false
    }

    It 'says an entry changed after it was written does not match its hash, though its replay is unchanged' {
        # KB-6 (relevance 0.2) is cut by the window of 3 either way: the replay cannot see this edit.
        $edited = Copy-EditedLog 'hash-audit' '{"id":"KB-6","r":0.2' '{"id":"KB-6","r":0.0001'

        $entries = @(Get-RankingHistory hist-boost -AuditPath $edited -WarningVariable warned -WarningAction SilentlyContinue)

        ($entries[0].Reproduced, $entries[0].Verified) | Should -Be @($true, $false)
        $entries[1].Verified | Should -BeTrue
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike ("*session 'hist-boost' at {0:u} does not match its hash*" -f $entries[0].Timestamp)
        (Test-RankingAuditLog -AuditPath $edited).IsValid | Should -BeFalse
    }

    It 'counts a ranking whose recorded candidates cannot be read apart, with the problem, and the metrics still count it' {
        $edited = Copy-EditedLog 'unreadable-audit' '{"id":"KB-4","r":0.5' '{"id":"KB-4","r":"abc"'

        $entries = @(Get-RankingHistory hist-boost -AuditPath $edited -WarningVariable warned -WarningAction SilentlyContinue)

        $entries.Count | Should -Be 1
        "$warned" | Should -Match "Skipped 1 ranking\(s\) of session 'hist-boost' whose recorded candidates could not be read"
        "$warned" | Should -Match '"r" is not a number'
        "$warned" | Should -Not -Match 'version 0\.2'
        "$warned" | Should -Not -Match 'not an audit entry'
        (Get-RankingMetrics -AuditPath $edited -WarningAction SilentlyContinue).Succeeded | Should -Be (Get-RankingMetrics -AuditPath $audit).Succeeded
    }

    It 'shows the control characters of a session id it does not hold escaped, never raw' {
        $hostile = "x`e]0;pwned`a`e[2J`ny"

        Get-RankingHistory -SessionId $hostile -AuditPath $audit -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'RankingHistoryNotFound,*'
        $failed[0].Exception.Message | Should -Not -Match '[\x00-\x08\x0A-\x1F\x7F]'
        $failed[0].Exception.Message.Contains("session 'x\u001B]0;pwned\u0007\u001B[2J\u000Ay'") | Should -BeTrue
    }
}

Describe 'Get-RankingHistory on rankings logged before candidates were' {
    BeforeAll {
        # Entries as version 0.2 wrote them: ids shown, no candidates, no directive set.
        $script:old = Join-Path $TestDrive 'old-audit'
        Copy-Item $audit $old -Recurse
        $writer = [CXoneRanking.Audit.AuditLogWriter]::new($old)
        foreach ($id in 'hist-boost', 'hist-boost', 'old-only') {
            $entry = [CXoneRanking.AuditEntry]::Ranking('ranking.submitted', $id, [datetimeoffset]::UtcNow)
            $entry.Status = 'Succeeded'
            $entry.Snippets = [string[]] @('KB-1')
            $entry.SnippetCount = 1
            $writer.Append($entry)
        }
    }

    It 'skips them, says how many, and still explains the others' {
        $entries = @(Get-RankingHistory hist-boost -AuditPath $old -WarningVariable warned -WarningAction SilentlyContinue)
        $entries.Count | Should -Be 2
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match "Skipped 2 ranking\(s\) of session 'hist-boost'"
    }

    It 'says so for a session with only such rankings, without an error' {
        $entries = @(Get-RankingHistory old-only -AuditPath $old -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable failed)
        $entries | Should -BeNullOrEmpty
        $failed | Should -BeNullOrEmpty
        "$($warned[0])" | Should -Match "Skipped 1 ranking\(s\) of session 'old-only'"
    }
}

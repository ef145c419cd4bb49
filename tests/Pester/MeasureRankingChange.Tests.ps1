#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Measure-RankingChange as a new user tries it (issue 23, "Done when"): a log of a few thousand
# sessions ranked against the local emulator under three directive sets over time, with clicks
# drawn from a known position-based click model, then proposals whose true effect is known: one
# that helps (Likely better, and its interval holds the true lift), one that hurts (Likely worse),
# the rules in force (No clear difference, zero lift), one that puts never-shown snippets on top
# (Cannot tell). And its bad input: an invalid directive, a reversed range, an empty log, old entries.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest

    $clientSecret = 'WhatIf-Pester-Secret-3f9b'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'pester', '--client-secret', $clientSecret
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force
    $auditDir = Join-Path $TestDrive 'audit'
    $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir

    # The truth: examination by position and attractiveness by snippet. KB-5 answers best but its
    # relevance ranks it sixth; KB-9 is never shown (its relevance keeps it out of the window of 5).
    $script:examination = 1.0, 0.6, 0.4, 0.3, 0.2
    $script:attractiveness = @{ 'KB-1' = 0.15; 'KB-2' = 0.1; 'KB-3' = 0.12; 'KB-4' = 0.1; 'KB-5' = 0.6; 'KB-6' = 0.05; 'KB-7' = 0.1; 'KB-8' = 0.1; 'KB-9' = 0.9 }
    $random = [System.Random]::new(20261207)

    # A session's nine candidates as rows, the scores moved a little from session to session.
    function New-CandidateRow([string] $SessionId) {
        $base = 0.88, 0.84, 0.8, 0.76, 0.66, 0.72, 0.62, 0.58, 0.3
        for ($i = 1; $i -le 9; $i++) {
            [pscustomobject]@{ session_id = $SessionId; snippet_id = "KB-$i"; relevance_score = [string][math]::Round($base[$i - 1] + ($random.NextDouble() - 0.5) * 0.2, 4) }
        }
    }

    # Submits the sessions with the rules and records the clicks the true model draws on what was shown.
    function Submit-Period([object[]] $Rows, [object[]] $Rules) {
        $results = @($Rows | New-SnippetRank | Submit-SnippetRanking -BoostDirective $Rules -MaxResultWindow 5 -ThrottleLimit 8)
        $clicks = foreach ($result in $results | Where-Object Succeeded | Sort-Object SessionId) {
            foreach ($snippet in $result.Ranking) {
                if ($random.NextDouble() -lt $examination[$snippet.Position - 1] * $attractiveness[$snippet.SnippetId]) {
                    [pscustomobject]@{ session_id = $result.SessionId; snippet_id = $snippet.SnippetId; rank_position = $snippet.Position }
                }
            }
        }
        $clicks | Add-SnippetClick -AuditPath $auditDir
        @($results | Where-Object Succeeded | ForEach-Object { , @($_.Ranking.SnippetId) })
    }

    # The expected click-through of lists under the true model: examined attractiveness over impressions.
    function Get-TrueClickThrough([object[]] $Lists) {
        $clicks = 0.0; $shown = 0
        foreach ($list in $Lists) {
            for ($k = 0; $k -lt $list.Count; $k++) { $clicks += $examination[$k] * $attractiveness[$list[$k]] }
            $shown += $list.Count
        }
        $clicks / $shown
    }

    # The lists the proposal gives the same candidates, as Test-RankingPayload ranks them.
    function Get-ProposedList([object[]] $Rows, [object[]] $Rules) {
        @($Rows | New-SnippetRank | Test-RankingPayload -BoostDirective $Rules -MaxResultWindow 5 |
            ForEach-Object { , @(if ($_.IsValid) { $_.Payload.Snippets.SnippetId }) })
    }

    $script:sessionsPerPeriod = 800
    $script:rules = @(
        , @()
        , @(New-BoostDirective -SnippetId KB-3 -Factor 1.4)
        , @(New-BoostDirective -SnippetId KB-7 -Factor 1.5; New-BoostDirective -SnippetId KB-1 -Factor 0.7)
    )
    $script:rows = [System.Collections.Generic.List[object]]::new()
    $script:logged = [System.Collections.Generic.List[object]]::new()
    $number = 0
    foreach ($period in 0..2) {
        if ($period -eq 2) { $script:lastPeriod = Get-Date }
        $periodRows = @(foreach ($s in 1..$sessionsPerPeriod) { New-CandidateRow ('call-{0:00000}' -f ++$number) })
        $rows.AddRange($periodRows)
        $lists = Submit-Period $periodRows $rules[$period]
        $logged.AddRange([object[]]$lists)
        if ($period -eq 2) { $script:lastLists = $lists; $script:lastRows = $periodRows }
    }

    $script:helpful = @(New-BoostDirective -SnippetId KB-5 -Factor 3)
    $script:harmful = @(New-BoostDirective -SnippetId KB-6 -Factor 3; New-BoostDirective -SnippetId KB-5 -Exclude)
    $script:neverShown = @(New-BoostDirective -SnippetId KB-9 -Factor 10)
    $script:helpfulEstimate = Measure-RankingChange -BoostDirective $helpful -AuditPath $auditDir -Resamples 100
    $script:helpfulTruth = (Get-TrueClickThrough (Get-ProposedList $rows $helpful)) - (Get-TrueClickThrough $logged)
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Measure-RankingChange on a log with known truth' {
    It 'counts what happened as Get-RankingExperiment counts it' {
        $metrics = Get-RankingMetrics -AuditPath $auditDir
        $helpfulEstimate.Sessions | Should -Be (3 * $sessionsPerPeriod)
        $helpfulEstimate.LoggedImpressions | Should -Be $metrics.Impressions
        $helpfulEstimate.LoggedClickThroughRate | Should -Be ($metrics.ClickedImpressions / $metrics.Impressions)
    }

    It 'says Likely better for a helpful proposal, and its interval holds the true lift' {
        $helpfulTruth | Should -BeGreaterThan 0.02 -Because 'the simulation must make the proposal clearly better for this test to mean anything'
        $helpfulEstimate.Verdict | Should -BeLike 'Likely better*'
        $helpfulEstimate.ClickThroughLiftLow | Should -BeLessOrEqual $helpfulTruth
        $helpfulEstimate.ClickThroughLiftHigh | Should -BeGreaterOrEqual $helpfulTruth
        $helpfulEstimate.Coverage | Should -BeGreaterOrEqual 0.9
        $helpfulEstimate.Moved[0].SnippetId | Should -Be 'KB-5' -Because 'KB-5 moves from sixth to first'
    }

    It 'holds the true proposed click-through within its estimate''s interval' {
        $truth = Get-TrueClickThrough (Get-ProposedList $rows $helpful)
        $helpfulEstimate.EstimatedClickThroughRateLow | Should -BeLessOrEqual $truth
        $helpfulEstimate.EstimatedClickThroughRateHigh | Should -BeGreaterOrEqual $truth
    }

    It 'says Likely worse for a harmful proposal' {
        $estimate = Measure-RankingChange -BoostDirective $harmful -AuditPath $auditDir -Resamples 100
        $estimate.Verdict | Should -BeLike 'Likely worse*'
        $estimate.ClickThroughLiftHigh | Should -BeLessThan 0
    }

    It 'says No clear difference, with zero lift, for the rules in force over their period' {
        $estimate = Measure-RankingChange -BoostDirective $rules[2] -AuditPath $auditDir -Since $lastPeriod -Resamples 100
        $estimate.Sessions | Should -Be $sessionsPerPeriod
        $estimate.Verdict | Should -BeLike 'No clear difference*'
        $estimate.ClickThroughLift | Should -Be 0
        $estimate.MeanReciprocalRankLift | Should -Be 0
    }

    It 'says Cannot tell for a proposal that puts a never-shown snippet on top, and keeps the figures' {
        $estimate = Measure-RankingChange -BoostDirective $neverShown -AuditPath $auditDir -Resamples 100
        $estimate.Verdict | Should -BeLike 'Cannot tell*'
        $estimate.Coverage | Should -BeLessThan 0.9
        $estimate.EstimatedClickThroughRate | Should -Not -BeNullOrEmpty
    }

    It 'gives the same figures for the same seed' {
        $again = Measure-RankingChange -BoostDirective $helpful -AuditPath $auditDir -Resamples 100
        $again.ClickThroughLiftLow | Should -Be $helpfulEstimate.ClickThroughLiftLow
        $again.ClickThroughLiftHigh | Should -Be $helpfulEstimate.ClickThroughLiftHigh
        $again.Method | Should -Match '100'
    }

    It 'takes a rules file as Submit-SnippetRanking does, and no rules as $null or @()' {
        $file = Join-Path $TestDrive 'helpful.json'
        $helpful | Export-BoostDirective -Path $file
        (Measure-RankingChange $file -AuditPath $auditDir -Resamples 100).ClickThroughLift | Should -Be $helpfulEstimate.ClickThroughLift
        $none = Measure-RankingChange $null -AuditPath $auditDir -Since $lastPeriod -Resamples 20
        $empty = Measure-RankingChange @() -AuditPath $auditDir -Since $lastPeriod -Resamples 20
        $none.ClickThroughLift | Should -Be $empty.ClickThroughLift
    }
}

Describe 'Measure-RankingChange says what it estimated (newcomer3 F1, F3, F4, F11)' {
    It 'with -KeepLoggedRules re-ranks each showing with its logged rules followed by the proposed ones' {
        $added = Measure-RankingChange $helpful -KeepLoggedRules -AuditPath $auditDir -Since $lastPeriod -Resamples 20 -WarningVariable w
        $spelledOut = Measure-RankingChange ($rules[2] + $helpful) -AuditPath $auditDir -Since $lastPeriod -Resamples 20
        $added.ClickThroughLift | Should -Be $spelledOut.ClickThroughLift
        $added.MeanReciprocalRankLift | Should -Be $spelledOut.MeanReciprocalRankLift
        $added.KeepLoggedRules | Should -BeTrue
        @($added.ProposedDirectives).Count | Should -Be 1
        $added.ProposedDirectives[0].SnippetId | Should -Be 'KB-5'
        $w | Should -BeNullOrEmpty -Because 'adding drops no rule'
    }

    It 'warns, and says in the Note, when the proposal drops rules that were in force' {
        $estimate = Measure-RankingChange $helpful -AuditPath $auditDir -Resamples 20 -WarningVariable w -WarningAction SilentlyContinue
        $dropped = @($w | Where-Object { "$_" -like '*replaces the rules*' })
        $dropped.Count | Should -Be 1
        "$($dropped[0])" | Should -BeLike '*rule(id=KB-7) 1.5*'
        "$($dropped[0])" | Should -BeLike "*$(2 * $sessionsPerPeriod) of $(3 * $sessionsPerPeriod) showings*"
        "$($dropped[0])" | Should -BeLike '*-KeepLoggedRules*'
        $estimate.Note | Should -BeLike "*$($dropped[0])*"
        $estimate.KeepLoggedRules | Should -BeFalse
    }

    It 'warns that an empty proposal holds no rule, and that with -KeepLoggedRules it changes nothing' {
        $none = Measure-RankingChange @() -AuditPath $auditDir -Since $lastPeriod -Resamples 20 -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -BeLike '*the proposal holds no rule*'
        $none.Note | Should -BeLike '*the proposal holds no rule*'
        $same = Measure-RankingChange $null -KeepLoggedRules -AuditPath $auditDir -Since $lastPeriod -Resamples 20 -WarningVariable w2 -WarningAction SilentlyContinue
        "$w2" | Should -BeLike '*the proposal holds no rule*no change*'
        $same.ClickThroughLift | Should -Be 0
    }

    It 'names a proposed rule that matches no candidate of any showing' {
        $estimate = Measure-RankingChange (New-BoostDirective -SnippetId KB-99 -Factor 5) -KeepLoggedRules -AuditPath $auditDir -Resamples 20 -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -BeLike '*rule(id=KB-99) 5*matches no candidate*'
        $estimate.Note | Should -BeLike '*rule(id=KB-99) 5*matches no candidate*'
    }

    It 'stops with a terminating AuditLogNotFound when the audit folder is missing, even under -ErrorAction SilentlyContinue' {
        $missing = Join-Path $TestDrive 'no-such-folder'
        { Measure-RankingChange $helpful -AuditPath $missing -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'AuditLogNotFound,CXoneRanking.PowerShell.Cmdlets.MeasureRankingChangeCommand'
    }

    It 'names each rules file a wildcard read, in Verbose and in the result' {
        $dir = Join-Path $TestDrive 'rule-files'
        $null = New-Item -ItemType Directory $dir
        $rules[1] | Export-BoostDirective -Path (Join-Path $dir 'rules-a.json')
        $helpful | Export-BoostDirective -Path (Join-Path $dir 'rules-b.json')
        $output = Measure-RankingChange (Join-Path $dir 'rules-*.json') -KeepLoggedRules -AuditPath $auditDir -Since $lastPeriod -Resamples 20 -Verbose 4>&1
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        ($verbose -like '*rules-a.json*').Count | Should -Be 1
        ($verbose -like '*rules-b.json*').Count | Should -Be 1
        $estimate = $output | Where-Object { $_ -is [CXoneRanking.RankingChangeEstimate] }
        @($estimate.DirectiveFiles | Split-Path -Leaf) | Should -Be 'rules-a.json', 'rules-b.json'
        @($estimate.ProposedDirectives).Count | Should -Be 2
    }
}

Describe 'Measure-RankingChange with bad input' {
    It 'takes a $null among the rules as no rule, as $null alone is (and so does Test-RankingPayload)' {
        $withNull = Measure-RankingChange -BoostDirective @($null, $helpful[0]) -AuditPath $auditDir -Since $lastPeriod -Resamples 20
        $withNull.ClickThroughLift | Should -Be (Measure-RankingChange $helpful -AuditPath $auditDir -Since $lastPeriod -Resamples 20).ClickThroughLift
        $ranked = New-SnippetRank -SessionId s -SnippetId KB-5 -RelevanceScore 0.5 | Test-RankingPayload -BoostDirective @($null, $helpful[0])
        $ranked.IsValid | Should -BeTrue
    }

    It 'refuses an invalid directive with the error Test-RankingPayload gives, before reading the log' {
        $invalid = [CXoneRanking.BoostDirective]@{ SnippetId = 'KB-1'; Factor = 20 }
        $payload = New-SnippetRank -SessionId s -SnippetId KB-1 -RelevanceScore 0.5 | Test-RankingPayload -BoostDirective $invalid
        $failure = { Measure-RankingChange -BoostDirective $invalid -AuditPath (Join-Path $TestDrive 'no-such-log') } |
            Should -Throw -ErrorId 'InvalidDirective,CXoneRanking.PowerShell.Cmdlets.MeasureRankingChangeCommand' -PassThru
        $failure.Exception.Message | Should -BeExactly $payload.Errors[0].Message
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'refuses a reversed range with InvalidTimeRange' {
        { Measure-RankingChange -BoostDirective $helpful -AuditPath $auditDir -Since (Get-Date) -Until (Get-Date).AddDays(-1) } |
            Should -Throw -ErrorId 'InvalidTimeRange,CXoneRanking.PowerShell.Cmdlets.MeasureRankingChangeCommand'
    }

    It 'says Cannot tell with Sessions 0, and warns why, on a log without rankings' {
        $clicksOnly = Join-Path $TestDrive 'clicks-only'
        Add-SnippetClick -SessionId s-1 -SnippetId KB-1 -RankPosition 1 -AuditPath $clicksOnly -WarningAction SilentlyContinue
        $estimate = Measure-RankingChange -BoostDirective $helpful -AuditPath $clicksOnly -WarningVariable warnings -WarningAction SilentlyContinue
        $estimate.Sessions | Should -Be 0
        $estimate.Verdict | Should -BeLike 'Cannot tell*'
        $warnings | Should -Not -BeNullOrEmpty
    }

    It 'names the error of a log edited so that a shown snippet id is empty, instead of a raw ArgumentException' {
        $edited = Join-Path $TestDrive 'edited'
        $null = 1..5 | ForEach-Object { New-CandidateRow "edited-$_" } | New-SnippetRank | Submit-SnippetRanking -AuditPath $edited -MaxResultWindow 5
        $file = @(Get-ChildItem $edited -Filter 'cxone-audit-*.jsonl')[0].FullName
        $lines = [IO.File]::ReadAllLines($file)
        $at = [Array]::FindIndex($lines, [Predicate[string]] { param($line) $line -like '*"event":"ranking.submitted"*' })
        $lines[$at] = $lines[$at] -replace '"snippets":\["KB-\d+"', '"snippets":[""'
        [IO.File]::WriteAllLines($file, $lines)

        $failure = { Measure-RankingChange -BoostDirective $helpful -AuditPath $edited -Resamples 20 } |
            Should -Throw -ErrorId 'RankingChangeNotEstimated,CXoneRanking.PowerShell.Cmdlets.MeasureRankingChangeCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'InvalidData'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Test-RankingAuditLog'
    }

    It 'leaves out showings logged before candidates were recorded, and counts them in the Note' {
        # A log as an older module wrote it: the same entries without what 0.3 adds, the chain re-hashed.
        $old = Join-Path $TestDrive 'old'
        $null = 1..12 | ForEach-Object { New-CandidateRow "old-$_" } | New-SnippetRank | Submit-SnippetRanking -AuditPath $old -MaxResultWindow 5
        $file = @(Get-ChildItem $old -Filter 'cxone-audit-*.jsonl')[0].FullName
        $previous = '0' * 64
        $sha = [System.Security.Cryptography.SHA256]::Create()
        $lines = foreach ($line in [IO.File]::ReadAllLines($file) | Where-Object { $_ }) {
            $entry = $line | ConvertFrom-Json
            if ($entry.event -eq 'ranking.directives') { continue }
            foreach ($name in 'candidates', 'directive_set', 'overflow', 'normalize', 'hash') { $entry.PSObject.Properties.Remove($name) }
            $entry.prev_hash = $previous
            $json = $entry | ConvertTo-Json -Compress -Depth 10
            $previous = [Convert]::ToHexString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($previous + $json))).ToLowerInvariant()
            $json.Substring(0, $json.Length - 1) + ',"hash":"' + $previous + '"}'
        }
        [IO.File]::WriteAllLines($file, [string[]]$lines)
        (Test-RankingAuditLog -AuditPath $old).IsValid | Should -BeTrue -Because 'the rewritten log must read as an older module wrote it'
        $null = 1..30 | ForEach-Object { New-CandidateRow "new-$_" } | New-SnippetRank | Submit-SnippetRanking -AuditPath $old -MaxResultWindow 5

        $estimate = Measure-RankingChange -BoostDirective $helpful -AuditPath $old -Resamples 20 -WarningAction SilentlyContinue
        $estimate.Sessions | Should -Be 30
        $estimate.Note | Should -Match '12 showings logged before candidates were recorded were left out'
    }
}

Describe 'Export-RankingReport -ProposedDirective' {
    BeforeAll {
        $report = Join-Path $TestDrive 'what-if.html'
        Export-RankingReport -AuditPath $auditDir -Path $report -ProposedDirective $helpful
        $script:reportDoc = [xml]((Get-Content $report -Raw) -replace '^<!DOCTYPE html>\s*', '')
        $script:defaultEstimate = Measure-RankingChange -BoostDirective $helpful -AuditPath $auditDir
    }

    It 'adds a what-if section with the figures and verdict Measure-RankingChange gives' {
        $section = $reportDoc.SelectSingleNode('//section[@id="what-if"]')
        $section | Should -Not -BeNullOrEmpty
        $figure = { param($key) [double]::Parse($section.SelectSingleNode(".//*[@data-metric='$key']").GetAttribute('data-value'), [cultureinfo]::InvariantCulture) }
        & $figure 'what-if-sessions' | Should -Be $defaultEstimate.Sessions
        & $figure 'what-if-ctr-lift' | Should -Be $defaultEstimate.ClickThroughLift
        & $figure 'what-if-coverage' | Should -Be $defaultEstimate.Coverage
        $section.SelectSingleNode('.//*[@data-verdict]').GetAttribute('data-verdict') | Should -BeExactly $defaultEstimate.Verdict
        $svg = $section.SelectSingleNode('.//svg')
        $svg.GetAttribute('role') | Should -Be 'img'
        $svg.title | Should -Not -BeNullOrEmpty
        $section.InnerText | Should -Match 'KB-5'
    }

    It 'has no what-if section without -ProposedDirective' {
        $plain = Join-Path $TestDrive 'plain.html'
        Export-RankingReport -AuditPath $auditDir -Path $plain
        Get-Content $plain -Raw | Should -Not -Match 'id="what-if"'
    }

    It 'refuses an invalid proposal before reading the log, and writes nothing' {
        $refused = Join-Path $TestDrive 'refused.html'
        { Export-RankingReport -AuditPath $auditDir -Path $refused -ProposedDirective ([CXoneRanking.BoostDirective]@{ SnippetId = 'KB-1'; Factor = 0 }) } |
            Should -Throw -ErrorId 'InvalidDirective,CXoneRanking.PowerShell.Cmdlets.ExportRankingReportCommand'
        $refused | Should -Not -Exist
    }
}

Describe 'Ctrl+C during Measure-RankingChange' {
    It 'stops while it resamples, with no output and no error' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument($env:CXONERANKING_MODULE_PATH).Invoke()
            $ps.Commands.Clear()
            # A million resamples would take many minutes: the stop must come from the token, not the end of the work.
            $null = $ps.AddCommand('Measure-RankingChange').AddParameter('BoostDirective', $helpful).AddParameter('AuditPath', $auditDir).
                AddParameter('Resamples', 100000)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $noInput.Complete()
            $null = $ps.BeginInvoke($noInput, $output)
            Wait-Until { @($ps.Streams.Progress | Where-Object { $_.StatusDescription -like 'Resampling*' }).Count -gt 0 } -TimeoutSeconds 60
            $stop = Measure-Command { $ps.Stop() }
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $stop.TotalSeconds | Should -BeLessThan 5 -Because 'the issue asks for 2 s; 5 leaves room for a loaded machine, as AuditReadStop does'
            @($output) | Should -BeNullOrEmpty
            @($ps.Streams.Error) | Should -BeNullOrEmpty
        }
        finally {
            $ps.Dispose()
        }
    }
}

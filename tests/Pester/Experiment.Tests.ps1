#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Ranking experiments end to end against the local CXone emulator (docs/experiments.md): arms
# assigned by the documented hash, kept on a second submission and recorded in results and audit
# entries; clicks simulated from a known position-based click model, then Get-RankingExperiment
# must find a large true lift, claim none in an A/A experiment, and keep two experiments apart.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientSecret = 'Experiment-Pester-Secret-5e1a'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'pester', '--client-secret', $clientSecret
    $auditDir = Join-Path $TestDrive 'audit'
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force
    $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir

    # The arm as docs/experiments.md defines it, computed here independently of the module.
    function Get-ExpectedArm([string] $Experiment, [string] $SessionId, [int] $Percent = 50) {
        $digest = [System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes("$Experiment`n$SessionId"))
        [uint64] $value = 0
        for ($i = 0; $i -lt 8; $i++) { $value = $value * 256 + $digest[$i] }
        if ($value % 10000 -lt $Percent * 100) { 'Treatment' } else { 'Control' }
    }

    # Five snippets; the engine ranks KB-1 first and KB-5 last by relevance score.
    function New-SessionRanks([string] $SessionId) {
        for ($i = 1; $i -le 5; $i++) { New-SnippetRank -SessionId $SessionId -SnippetId "KB-$i" -RelevanceScore (1 - $i / 10) }
    }

    # The known click model: examination 1/position times attractiveness (KB-5 0.6, the rest 0.15).
    # Control shows KB-5 last (CTR 0.0865), Treatment boosts it to the top (CTR 0.1585): a true lift of 0.072.
    $script:trueLift = 0.072
    function New-SimulatedClick($Results, [int] $Seed) {
        # Results come in the order sessions finish: sorted, each session gets the same draws every run.
        $random = [System.Random]::new($Seed)
        foreach ($result in $Results | Sort-Object SessionId) {
            foreach ($snippet in $result.Ranking) {
                $attractiveness = if ($snippet.SnippetId -eq 'KB-5') { 0.6 } else { 0.15 }
                if ($random.NextDouble() -lt $attractiveness / $snippet.Position) {
                    [pscustomobject]@{ session_id = $result.SessionId; snippet_id = $snippet.SnippetId; rank_position = $snippet.Position }
                }
            }
        }
    }

    $boostKb5 = New-BoostDirective -SnippetId KB-5 -Factor 3
    $abSessions = 1..300 | ForEach-Object { 'ab-{0:000}' -f $_ }
    $script:ab = @($abSessions | ForEach-Object { New-SessionRanks $_ } |
        Submit-SnippetRanking -Experiment pester-ab -TreatmentDirective $boostKb5 -ThrottleLimit 8)
    $script:abClicks = @(New-SimulatedClick $ab 20261204)
    $abClicks | Add-SnippetClick -Path $auditDir

    # A/A: the treatment directive matches nothing, so both arms rank alike.
    $aaSessions = 1..200 | ForEach-Object { 'aa-{0:000}' -f $_ }
    $script:aa = @($aaSessions | ForEach-Object { New-SessionRanks $_ } |
        Submit-SnippetRanking -Experiment pester-aa -TreatmentDirective (New-BoostDirective -SnippetId 'NO-SUCH-*' -Factor 3) -ThrottleLimit 8)
    New-SimulatedClick $aa 7 | Add-SnippetClick -Path $auditDir
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Submit-SnippetRanking -Experiment' {
    It 'submits every session, each labelled with the experiment and the arm of the documented hash' {
        $ab.Count | Should -Be 300
        @($ab | Where-Object { -not $_.Succeeded }).Count | Should -Be 0
        foreach ($result in $ab) {
            $result.Experiment | Should -BeExactly 'pester-ab'
            $result.Arm | Should -BeExactly (Get-ExpectedArm 'pester-ab' $result.SessionId) -Because "session $($result.SessionId)"
        }
    }

    It 'splits sessions near the default 50%' {
        $share = @($ab | Where-Object Arm -eq 'Treatment').Count / $ab.Count
        $share | Should -BeGreaterThan 0.40
        $share | Should -BeLessThan 0.60
    }

    It 'ranks Control with -BoostDirective alone and Treatment with the treatment directives after it' {
        ($ab | Where-Object Arm -eq 'Control' | Select-Object -First 1).Ranking[4].SnippetId | Should -Be 'KB-5'
        ($ab | Where-Object Arm -eq 'Treatment' | Select-Object -First 1).Ranking[0].SnippetId | Should -Be 'KB-5'
    }

    It 'records the experiment and the arm in each ranking entry of the audit log' {
        $entries = Get-ChildItem $auditDir -Filter 'cxone-audit-*.jsonl' | Get-Content | ConvertFrom-Json |
            Where-Object { $_.event -eq 'ranking.submitted' -and $_.experiment -eq 'pester-ab' }
        @($entries).Count | Should -Be 300
        $first = $entries | Select-Object -First 1
        $first.arm | Should -BeExactly (Get-ExpectedArm 'pester-ab' $first.session_id)
        (Test-RankingAuditLog -Path $auditDir).IsValid | Should -BeTrue
    }

    It 'records them in the write-ahead entries too' {
        $sending = @(Get-ChildItem $auditDir -Filter 'cxone-audit-*.jsonl' | Get-Content | ConvertFrom-Json |
            Where-Object { $_.event -eq 'ranking.sending' -and $_.experiment -eq 'pester-ab' })
        $sending.Count | Should -Be 300
        $sending | Where-Object { $_.arm -cne (Get-ExpectedArm 'pester-ab' $_.session_id) } | Should -BeNullOrEmpty
    }

    It 'keeps each session in its arm when it is submitted again' {
        $again = @($aaSessions | Select-Object -First 20 | ForEach-Object { New-SessionRanks $_ } |
            Submit-SnippetRanking -Experiment pester-aa -TreatmentDirective (New-BoostDirective -SnippetId 'NO-SUCH-*' -Factor 3) -ThrottleLimit 8)
        $before = @{}
        foreach ($result in $aa) { $before[$result.SessionId] = $result.Arm }
        foreach ($result in $again) { $result.Arm | Should -BeExactly $before[$result.SessionId] }
    }

    It 'says each session''s arm under -WhatIf' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -Path $transcript
        try { $output = @(New-SessionRanks 'ab-001' | Submit-SnippetRanking -Experiment pester-ab -TreatmentDirective $boostKb5 -WhatIf) }
        finally { $null = Stop-Transcript }
        $output | Should -BeNullOrEmpty
        $arm = Get-ExpectedArm 'pester-ab' 'ab-001'
        Get-Content $transcript -Raw | Should -Match "What if: .*session 'ab-001' \(experiment 'pester-ab', arm $arm\)"
    }

    It 'refuses -TreatmentDirective without -Experiment with a named error' {
        { New-SessionRanks 'x-1' | Submit-SnippetRanking -TreatmentDirective $boostKb5 -WhatIf } |
            Should -Throw -ErrorId 'ExperimentNameMissing,CXoneRanking.PowerShell.Cmdlets.SubmitSnippetRankingCommand'
    }
}

Describe 'Get-RankingExperiment' {
    BeforeAll { $abResult = Get-RankingExperiment -Name pester-ab -Path $auditDir }

    It 'counts each arm''s click-through exactly as observed clicks over impressions' {
        $treatment = @($ab | Where-Object Arm -eq 'Treatment')
        $treatmentIds = [System.Collections.Generic.HashSet[string]]::new([string[]] $treatment.SessionId)
        $clicks = @($abClicks | Where-Object { $treatmentIds.Contains($_.session_id) }).Count
        $abResult.Treatment.Sessions | Should -Be $treatment.Count
        $abResult.Treatment.Impressions | Should -Be ($treatment.Count * 5)
        $abResult.Treatment.Clicks | Should -Be $clicks
        $abResult.Treatment.ClickThroughRate | Should -Be ($clicks / ($treatment.Count * 5))
        $abResult.Control.Sessions + $abResult.Treatment.Sessions | Should -Be 300
    }

    It 'finds a large true lift with an interval that holds it' {
        $abResult.PValue | Should -BeLessThan 0.01
        $abResult.ClickThroughLiftLow | Should -BeLessThan $trueLift
        $abResult.ClickThroughLiftHigh | Should -BeGreaterThan $trueLift
        $abResult.ClickThroughLiftLow | Should -BeGreaterThan 0
        $abResult.MeanReciprocalRankLift | Should -BeGreaterThan 0
        $verdict = '^Treatment \+\d+\.\d pts CTR \(95% interval \+\d+\.\d to \+\d+\.\d\), p (<|=) 0\.\d{3}, \d+ control vs \d+ treatment sessions$'
        $abResult.Verdict | Should -Match $verdict
    }

    It 'claims no lift in an A/A experiment' {
        $aaResult = Get-RankingExperiment -Name pester-aa -Path $auditDir
        $aaResult.PValue | Should -BeGreaterThan 0.05
        $aaResult.ClickThroughLiftLow | Should -BeLessThan 0
        $aaResult.ClickThroughLiftHigh | Should -BeGreaterThan 0
        $aaResult.Verdict | Should -BeLike 'No significant difference:*'
    }

    It 'keeps two experiments in one log apart, one line each without -Name' {
        $all = @(Get-RankingExperiment -Path $auditDir)
        $all.Experiment | Should -Be 'pester-aa', 'pester-ab'
        ($all | Where-Object Experiment -eq 'pester-aa' | ForEach-Object { $_.Control.Sessions + $_.Treatment.Sessions }) | Should -Be 200
        $table = $all | Format-Table | Out-String -Width 250
        $table | Should -Match 'pester-ab .*Treatment \+'
        $table | Should -Match 'pester-aa .*No significant difference'
    }

    It 'adds the experiments, with their lift intervals, to Export-RankingReport' {
        $file = Join-Path $TestDrive 'report.html'
        Export-RankingReport -AuditPath $auditDir -Path $file
        $html = Get-Content $file -Raw
        $html | Should -Match '<section id="experiments">'
        $html | Should -Match '<g data-experiment="pester-ab" data-lift="'
        $html | Should -Match '<g data-experiment="pester-aa" data-lift="'
    }

    It 'gives a named non-terminating error for an experiment the log does not hold' {
        $result = Get-RankingExperiment -Name no-such, pester-ab -Path $auditDir -ErrorVariable problems -ErrorAction SilentlyContinue
        @($result).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ExperimentNotFound,*'
    }
}

Describe 'Get-RankingExperiment on too little or no data' {
    BeforeAll {
        $small = Join-Path $TestDrive 'small-experiment'
        $writer = [CXoneRanking.Audit.AuditLogWriter]::new($small)
        # 2 control vs 2 treatment sessions: every Treatment session clicked at position 1, no Control session clicked.
        foreach ($pair in @(@('t-1', 'Treatment'), @('t-2', 'Treatment'), @('c-1', 'Control'), @('c-2', 'Control'))) {
            $entry = [CXoneRanking.AuditEntry]::Ranking('ranking.submitted', $pair[0], [datetimeoffset]'2026-11-20T09:00:00Z')
            $entry.Snippets = [string[]]('KB-1', 'KB-2', 'KB-3', 'KB-4', 'KB-5')
            $entry.Experiment = 'tiny'
            $entry.Arm = $pair[1]
            $writer.Append($entry)
        }
        $writer.Append([CXoneRanking.AuditEntry]::Click('t-1', 'KB-1', 1, [datetimeoffset]'2026-11-20T09:00:10Z'))
        $writer.Append([CXoneRanking.AuditEntry]::Click('t-2', 'KB-1', 1, [datetimeoffset]'2026-11-20T09:00:10Z'))
    }

    It 'says Not enough data for 2 control vs 2 treatment sessions instead of a certain +20 points' {
        $result = Get-RankingExperiment -Name tiny -Path $small
        $result.Verdict | Should -BeLike 'Not enough data: 2 control vs 2 treatment sessions, 2 with a click (a verdict needs at least 10 sessions in each arm*'
        $result.PValue | Should -BeNullOrEmpty
        $result.ClickThroughLiftLow | Should -BeNullOrEmpty
        $result.Treatment.ClickThroughRate | Should -Be 0.2
    }

    It 'warns, naming the log and how to start an experiment, when the log holds none' {
        $none = Join-Path $TestDrive 'no-experiment'
        $entry = [CXoneRanking.AuditEntry]::Ranking('ranking.submitted', 's-1', [datetimeoffset]'2026-11-20T09:00:00Z')
        $entry.Snippets = [string[]]('KB-1')
        [CXoneRanking.Audit.AuditLogWriter]::new($none).Append($entry)
        $result = @(Get-RankingExperiment -Path $none -WarningVariable warnings -WarningAction SilentlyContinue)
        $result.Count | Should -Be 0
        "$($warnings[0])" | Should -Match "^No experiment in the audit log in '.+': .*Submit-SnippetRanking -Experiment"
    }
}

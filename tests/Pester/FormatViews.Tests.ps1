#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The default views of module/*.Format.ps1xml, as an admin sees them at a prompt: every type a
# cmdlet emits has one; each is rendered from real output (the local emulator, a small audit log)
# at 120 and at 80 columns. At 120 every column is there and the figure that matters shows; at 80
# the figure still shows, and only the last (widest) column is cut. Rankings and submission results
# in an experiment show their arm; Expert search results their title; the import summary Skipped;
# a held-back session's stand-in rank says it is held back and shows its row error.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force
    Disconnect-CXone

    $key = 'views-key'
    $secret = 'Views-Expert-Secret-2b7e'
    $clientSecret = 'Views-Client-Secret-9d3a'
    $emulator = Start-CXoneEmulator -ArgumentList '--expert-key', $key, '--expert-secret', $secret, '--expert-history', '40', '--seed', '3',
        '--client-id', 'views', '--client-secret', $clientSecret
    $audit = Join-Path $TestDrive 'audit'
    $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId views -ClientSecret (ConvertTo-SecureString $clientSecret -AsPlainText -Force) -AuditPath $audit -PassThru
    $expert = Connect-CXoneExpert -Site $emulator.Uri -Credential ([pscredential]::new($key, (ConvertTo-SecureString $secret -AsPlainText -Force))) -User '=admin' -AuditPath $audit -PassThru

    # Realistic widths: ids as contact centres write them, and a long first problem.
    function New-ViewRank([string] $SessionId) {
        1..3 | ForEach-Object { New-SnippetRank -SessionId $SessionId -SnippetId "KB-2026-BILLING-00$_" -RelevanceScore (1 - $_ / 10) -Metadata @{ category = 'billing'; region = 'emea' } }
    }
    $sessionA = 'call-2026-12-07-000123'
    $ranking = New-ViewRank $sessionA | Test-RankingPayload
    $invalid = 0.7, 0.4 | ForEach-Object { New-SnippetRank -SessionId 'call-2026-12-07-000999' -SnippetId 'KB-2026-BILLING-009' -RelevanceScore $_ } | Test-RankingPayload
    $inExperiment = New-ViewRank 'call-2026-12-07-000124' | Test-RankingPayload -Experiment views-exp
    $submitted = New-ViewRank $sessionA | Submit-SnippetRanking -Confirm:$false
    $experimentSessions = 1..6 | ForEach-Object { "call-2026-12-07-00020$_" }
    $submittedInExperiment = @($experimentSessions | ForEach-Object { New-ViewRank $_ } |
        Submit-SnippetRanking -Experiment views-exp -TreatmentDirective (New-BoostDirective -SnippetId 'KB-2026-BILLING-003' -Factor 3) -Confirm:$false)
    $click = Add-SnippetClick -SessionId $sessionA -SnippetId 'KB-2026-BILLING-001' -RankPosition 1 -PassThru
    $experimentSessions | Select-Object -First 4 | ForEach-Object { Add-SnippetClick -SessionId $_ -SnippetId 'KB-2026-BILLING-001' -RankPosition 1 }
    $metrics = Get-RankingMetrics
    $experimentResult = Get-RankingExperiment -Name views-exp
    $suggestion = @(Get-SnippetBoostSuggestion -MinImpressions 1)[0]
    $examination = @(Get-SnippetBoostSuggestion -MinImpressions 1 -Examination)[0]
    # A ranking that excludes one snippet and cuts another at the window, explained from the log.
    $null = New-ViewRank 'call-2026-12-07-000300' |
        Submit-SnippetRanking -MaxResultWindow 1 -BoostDirective (New-BoostDirective -SnippetId 'KB-2026-BILLING-001' -Exclude) -Confirm:$false
    $history = @(Get-RankingHistory -SessionId 'call-2026-12-07-000300')[0]
    $historyInExperiment = @(Get-RankingHistory -SessionId $submittedInExperiment[0].SessionId)[0]
    $whatIf = Measure-RankingChange -BoostDirective (New-BoostDirective -SnippetId 'KB-2026-BILLING-003' -Factor 3) -Resamples 20 -WarningAction SilentlyContinue
    $directive = New-BoostDirective -MetadataKey category -Value billing -Factor 1.5
    $searchRank = @(Search-CXoneExpert -Query refund -SessionId $sessionA)[0]
    # A session held back whole by a refused row: the stand-in rank the row leaves in the pipeline.
    $heldBackRows = @(
        [pscustomobject]@{ session_id = 'call-2026-12-07-000777'; snippet_id = 'KB-2026-BILLING-001'; relevance_score = '0.8' }
        [pscustomobject]@{ session_id = 'call-2026-12-07-000777'; snippet_id = 'KB-2026-BILLING-002'; relevance_score = 'abc' }
    ) | New-SnippetRank -InvalidRowAction DropSession -ErrorAction SilentlyContinue
    $heldBack = @($heldBackRows | Where-Object RowError)[0]
    $import = Import-CXoneExpertSearchLog -Since (Get-Date).AddDays(-40)
    $verification = Test-RankingAuditLog
    $policy = Get-RankingAuditPolicy
    $exported = @(Export-RankingAuditLog -AuditPath $audit -Destination (Join-Path $TestDrive 'export') -Format JsonLines)[0]
    $torn = Join-Path $TestDrive 'torn'
    $null = New-Item -ItemType Directory $torn
    Copy-Item (Join-Path $audit '*') $torn
    Add-Content -LiteralPath (Get-ChildItem $torn -Filter *.jsonl | Sort-Object Name | Select-Object -Last 1).FullName -Value '{"torn'
    $tornLine = @((Test-RankingAuditLog -AuditPath $torn).TornLines)[0]

    # One sample per view's type name, with what must show at any width (the figure that matters).
    $script:samples = [ordered]@{
        'CXoneRanking.SessionRanking'                      = @{ Item = $invalid; Shows = 'call-2026-12-07-000999', 'False' }
        'CXoneRanking.SessionRanking#Experiment'           = @{ Item = $inExperiment; Shows = 'call-2026-12-07-000124', 'True', $inExperiment.Arm }
        'CXoneRanking.RankedSnippet'                       = @{ Item = $ranking.Snippets[0]; Shows = 'KB-2026-BILLING-001', '0.9' }
        'CXoneRanking.SnippetRank'                         = @{ Item = @(New-ViewRank $sessionA)[0]; Shows = 'KB-2026-BILLING-001', '0.9' }
        'CXoneRanking.SnippetRank#HeldBack'                = @{ Item = $heldBack; Shows = 'KB-2026-BILLING-002', 'held back' }
        'CXoneRanking.SnippetRank#ExpertSearch'            = @{ Item = $searchRank; Shows = $searchRank.SnippetId, $searchRank.RelevanceScore.ToString('0.0###', [cultureinfo]::InvariantCulture) }
        'CXoneRanking.BoostDirective'                      = @{ Item = $directive; Shows = 'category', 'billing', 'boost x1.5' }
        'CXoneRanking.RankingIssue'                        = @{ Item = $invalid.Errors[0]; Shows = 'DuplicateSnippetId' }
        'CXoneRanking.RankingSubmissionResult'             = @{ Item = $submitted; Shows = $sessionA, 'Succeeded' }
        'CXoneRanking.RankingSubmissionResult#Experiment'  = @{ Item = $submittedInExperiment[0]; Shows = $submittedInExperiment[0].SessionId, $submittedInExperiment[0].Arm, 'Succeeded' }
        'CXoneRanking.CXoneConnection'                     = @{ Item = $connection; Shows = $emulator.Uri.Host }
        'CXoneRanking.ExpertConnection'                    = @{ Item = $expert; Shows = $emulator.Uri.Host, '=admin' }
        'CXoneRanking.RankingMetrics'                      = @{ Item = $metrics; Shows = 'ClickThroughRate', 'MeanReciprocalRank' }
        'CXoneRanking.PositionClickThrough'                = @{ Item = $metrics.ClickThroughRateByPosition[0]; Shows = 'Impressions' }
        'CXoneRanking.SnippetClickSummary'                 = @{ Item = $metrics.TopSnippets[0]; Shows = 'KB-2026-BILLING-001' }
        'CXoneRanking.AuditVerificationResult'             = @{ Item = $verification; Shows = 'IsValid', 'True' }
        'CXoneRanking.AuditPolicy'                         = @{ Item = $policy; Shows = 'RetentionDays', '400', 'none' }
        'CXoneRanking.AuditExportDay'                      = @{ Item = $exported; Shows = 'Written', 'Entries' }
        'CXoneRanking.SkippedLine'                         = @{ Item = $tornLine; Shows = 'Line' }
        'CXoneRanking.AuditEntry'                          = @{ Item = $click; Shows = 'click', $sessionA }
        'CXoneRanking.RankingExperimentResult'             = @{ Item = $experimentResult; Shows = 'views-exp' }
        'CXoneRanking.Experiments.ArmSummary'              = @{ Item = $experimentResult.Control; Shows = 'Control' }
        'CXoneRanking.ExpertImportSummary'                 = @{ Item = $import; Shows = 'Skipped', [string]$import.Searches }
        'CXoneRanking.BoostSuggestion'                     = @{ Item = $suggestion; Shows = $suggestion.SnippetId }
        'CXoneRanking.PositionExamination'                 = @{ Item = $examination; Shows = 'Examination' }
        'CXoneRanking.RankingHistoryEntry'                 = @{ Item = $historyInExperiment; Shows = $historyInExperiment.SessionId, 'Succeeded' }
        'CXoneRanking.NotShownCandidate'                   = @{ Item = $history.NotShown[0]; Shows = 'KB-2026-BILLING-001', 'Excluded' }
        'CXoneRanking.RankingChangeEstimate'               = @{ Item = $whatIf; Shows = 'Verdict', 'CTRLift', 'Coverage' }
        'CXoneRanking.WhatIf.MovedSnippet'                 = @{ Item = @($whatIf.Moved)[0]; Shows = @($whatIf.Moved)[0].SnippetId }
    }

    # Every view of the module's format files: its type name and, for a table, its column labels.
    $script:views = foreach ($file in (Import-PowerShellDataFile $env:CXONERANKING_MODULE_PATH).FormatsToProcess) {
        $xml = [xml](Get-Content -Raw (Join-Path (Split-Path $env:CXONERANKING_MODULE_PATH) $file))
        foreach ($view in $xml.Configuration.ViewDefinitions.View) {
            [pscustomobject]@{
                TypeName = $view.ViewSelectedBy.TypeName
                Name     = $view.Name
                Labels   = @(if ($view.TableControl) { $view.TableControl.TableHeaders.TableColumnHeader.Label })
            }
        }
    }

    # The view of each type that PowerShell picks by default: the first in the files.
    function Get-DefaultView([string] $TypeName) { @($script:views | Where-Object TypeName -EQ $TypeName)[0] }

    function Get-Rendered($Item, [int] $Width) { @(($Item | Out-String -Width $Width) -split '\r?\n' | ForEach-Object TrimEnd) }

    # Whether a long text shows whole (cut by no ellipsis), wrapped or not: compared without white space.
    function Test-ShownWhole($Item, [string] $Text, [int] $Width = 120) {
        ((Get-Rendered $Item $Width) -join '') -replace '\s' -replace '…' | Should -Match ([regex]::Escape($Text -replace '\s'))
        (Get-Rendered $Item $Width) -join "`n" | Should -Not -Match '…'
    }
}

AfterAll {
    Disconnect-CXone
    Disconnect-CXoneExpert
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'the default views' {
    It 'cover every type a cmdlet declares as its output' {
        $module = Get-Module CXoneRanking
        $missing = foreach ($command in $module.ExportedCmdlets.Values) {
            foreach ($type in $command.OutputType.Type | Where-Object { $_ -and $_.Namespace -like 'CXoneRanking*' }) {
                if (-not (Get-FormatData -TypeName $type.FullName)) { "$($command.Name): $($type.FullName)" }
            }
        }
        $missing | Should -BeNullOrEmpty
    }

    It 'are each rendered here from real output' {
        @($script:views.TypeName | Select-Object -Unique | Where-Object { -not $script:samples.Contains($_) }) | Should -BeNullOrEmpty
        foreach ($name in $script:samples.Keys) {
            $script:samples[$name].Item | Should -Not -BeNullOrEmpty -Because "the sample of $name"
            $script:samples[$name].Item.PSObject.TypeNames[0] | Should -Be $name -Because 'the sample must select that view'
        }
    }

    It 'shows <_> whole at 120 columns, with the figure that matters' -ForEach @(
        'CXoneRanking.SessionRanking', 'CXoneRanking.SessionRanking#Experiment', 'CXoneRanking.RankedSnippet', 'CXoneRanking.SnippetRank',
        'CXoneRanking.SnippetRank#ExpertSearch', 'CXoneRanking.SnippetRank#HeldBack', 'CXoneRanking.BoostDirective', 'CXoneRanking.RankingIssue', 'CXoneRanking.RankingSubmissionResult',
        'CXoneRanking.RankingSubmissionResult#Experiment', 'CXoneRanking.CXoneConnection', 'CXoneRanking.ExpertConnection', 'CXoneRanking.RankingMetrics',
        'CXoneRanking.PositionClickThrough', 'CXoneRanking.SnippetClickSummary', 'CXoneRanking.AuditVerificationResult', 'CXoneRanking.SkippedLine',
        'CXoneRanking.AuditPolicy', 'CXoneRanking.AuditEntry', 'CXoneRanking.RankingExperimentResult', 'CXoneRanking.Experiments.ArmSummary', 'CXoneRanking.ExpertImportSummary',
        'CXoneRanking.BoostSuggestion', 'CXoneRanking.PositionExamination', 'CXoneRanking.RankingHistoryEntry', 'CXoneRanking.NotShownCandidate',
        'CXoneRanking.RankingChangeEstimate', 'CXoneRanking.WhatIf.MovedSnippet', 'CXoneRanking.AuditExportDay') {
        $sample = $script:samples[$_]
        $lines = Get-Rendered $sample.Item 120
        $text = $lines -join "`n"
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        foreach ($shown in $sample.Shows) { $text | Should -Match ([regex]::Escape($shown)) }
        $view = Get-DefaultView $_
        if ($view.Labels) {
            $header = $lines | Where-Object { $_ -match '\S' } | Select-Object -First 1
            foreach ($label in $view.Labels) { $header | Should -Match "(^|\s)$([regex]::Escape($label))(\s|$)" -Because "column $label of $_ must be whole at 120" }
        }
    }

    It 'keeps the figure at 80 columns and cuts only the last column of <_>' -ForEach @(
        'CXoneRanking.SessionRanking', 'CXoneRanking.SessionRanking#Experiment', 'CXoneRanking.RankedSnippet', 'CXoneRanking.SnippetRank',
        'CXoneRanking.SnippetRank#ExpertSearch', 'CXoneRanking.SnippetRank#HeldBack', 'CXoneRanking.BoostDirective', 'CXoneRanking.RankingIssue', 'CXoneRanking.RankingSubmissionResult',
        'CXoneRanking.RankingSubmissionResult#Experiment', 'CXoneRanking.PositionClickThrough', 'CXoneRanking.SnippetClickSummary',
        'CXoneRanking.SkippedLine', 'CXoneRanking.AuditPolicy', 'CXoneRanking.AuditEntry', 'CXoneRanking.RankingExperimentResult', 'CXoneRanking.Experiments.ArmSummary',
        'CXoneRanking.ExpertImportSummary', 'CXoneRanking.BoostSuggestion', 'CXoneRanking.PositionExamination',
        'CXoneRanking.RankingHistoryEntry', 'CXoneRanking.NotShownCandidate', 'CXoneRanking.WhatIf.MovedSnippet', 'CXoneRanking.AuditExportDay') {
        $sample = $script:samples[$_]
        $lines = Get-Rendered $sample.Item 80
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        foreach ($shown in $sample.Shows) { ($lines -join "`n") | Should -Match ([regex]::Escape($shown)) }
        $view = Get-DefaultView $_
        $header = $lines | Where-Object { $_ -match '\S' } | Select-Object -First 1
        foreach ($label in $view.Labels | Select-Object -SkipLast 1) {
            $header | Should -Match "(^|\s)$([regex]::Escape($label))(\s|$)" -Because "only the last column of $_ may be cut at 80"
        }
    }
}

Describe 'the what-if estimate''s list view wraps at spaces (newcomer3 F13)' {
    It 'keeps every word and number of its <_>-column list whole, and says points, not pts' -ForEach 120, 80 {
        $width = $_
        $lines = @(Get-Rendered $whatIf $width)
        $lines | Where-Object { $_.Length -gt $width } | Should -BeNullOrEmpty
        # Each value line, label or not, as the text it shows: joined with spaces, it must read as the properties read.
        $shown = ($lines | ForEach-Object { ($_ -replace '^\S*\s*:\s', '').Trim() }) -join ' '
        $shown | Should -Match ([regex]::Escape(($whatIf.Verdict -replace '\s+', ' ')))
        $shown | Should -Match ([regex]::Escape(("$($whatIf.Method)" -replace '\s+', ' ')))
        $shown | Should -Match ([regex]::Escape(($whatIf.Note -replace '\s+', ' ')))
        $shown | Should -Match 'seed 20261207;'
        $shown | Should -Match ' points '
        $shown | Should -Not -Match '\bpts\b'
    }
}

Describe 'long text in the default views (#18)' {
    It 'shows a duplicate''s second input number whole at 120 and 80 columns' {
        $message = $invalid.Errors[0].Message
        $message | Should -Match 'input 2 \('
        Test-ShownWhole $invalid $message 120
        Test-ShownWhole $invalid $message 80
    }

    It 'shows the reason a session is held back whole under -InvalidRowAction DropSession' {
        $held = 'session_id,snippet_id,relevance_score', 'call-2026-12-07-000777,KB-2026-BILLING-001,0.9', 'call-2026-12-07-000777,KB-2026-BILLING-002,abc' |
            ConvertFrom-Csv | New-SnippetRank -InvalidRowAction DropSession -ErrorAction SilentlyContinue | Test-RankingPayload
        $held.Errors[0].Message | Should -Match 'relevance score'
        Test-ShownWhole $held $held.Errors[0].Message 120
    }

    It 'shows the error of an invalid submission whole, in and out of an experiment' {
        $sent = $invalid | Submit-SnippetRanking -Confirm:$false -ErrorAction SilentlyContinue
        $sent.Status | Should -Be 'InvalidRanking'
        Test-ShownWhole $sent $sent.Error 120
        $armed = $invalid | Submit-SnippetRanking -Experiment views-exp -Confirm:$false -ErrorAction SilentlyContinue
        Test-ShownWhole $armed $armed.Error 120
    }

    It 'shows a learning note whole' {
        $noted = @(Get-SnippetBoostSuggestion -MinImpressions 1 | Where-Object Note)
        $noted | Should -Not -BeNullOrEmpty -Because 'the sample log must give a note for this test to mean anything'
        Test-ShownWhole $noted[0] $noted[0].Note 120
    }

    It 'says "now" for an open end of the metrics filter, in the one date format of the views' {
        $filtered = Get-RankingMetrics -Since ([datetime]::new(2026, 11, 7, 20, 8, 29, [DateTimeKind]::Utc)) -WarningAction SilentlyContinue
        $line = (Get-Rendered $filtered 120) | Where-Object { $_ -match '^Filter\s*:' }
        $line | Should -Match 'since 2026-11-07 20:08:29Z, until now$'
    }

    It 'shows the import period in the same format (yyyy-MM-dd HH:mm:ssZ, UTC)' {
        (Get-Rendered $import 120) -join "`n" | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ \.\. (now|\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ)'
    }
}

Describe 'the ranking history views' {
    It 'show what was shown with its explanation and every candidate not shown with its reason, in Format-List' {
        $text = ($history | Format-List | Out-String -Width 120)
        $text | Should -Match ([regex]::Escape("KB-2026-BILLING-001 (Excluded): snippet 'KB-2026-BILLING-001' excluded by exclude(id=KB-2026-BILLING-001)"))
        $text | Should -Match ([regex]::Escape('KB-2026-BILLING-003 (Window): ranked 2, below position 1: dropped by the window'))
        $text | Should -Match ([regex]::Escape('1. KB-2026-BILLING-002 0.8: 0.8 x boost 1.0 = 0.8'))
        ($text -split '\r?\n' | Where-Object { $_.Length -gt 120 }) | Should -BeNullOrEmpty
    }

    It 'name the session of each ranking in the table, and its top snippet whole at 120 columns (#23 newcomer3 F6)' {
        $lines = Get-Rendered @($history, $historyInExperiment) 120
        $lines[1] | Should -Match '^Timestamp\s+SessionId\s+Status\s'
        $lines -join "`n" | Should -Match ([regex]::Escape("call-2026-12-07-000300 Succeeded"))
        $top = $historyInExperiment.Snippets[0]
        $lines -join "`n" | Should -Match ([regex]::Escape("$($top.SnippetId) $($top.FinalScore.ToString('0.0###', [cultureinfo]::InvariantCulture))"))
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
    }

    It 'leave the history objects as they are for scripts' {
        $history | Should -BeOfType CXoneRanking.RankingHistoryEntry
        $history.NotShown[0] | Should -BeOfType CXoneRanking.NotShownCandidate
        $history.Snippets[0] | Should -BeOfType CXoneRanking.RankedSnippet
    }
}

Describe 'the experiment and Expert tables' {
    It 'show the arm of a ranking and a submission in an experiment, and no arm column outside one' {
        (Get-Rendered $inExperiment 120)[1] | Should -Match '\bArm\b'
        (Get-Rendered $submittedInExperiment[0] 120)[1] | Should -Match '\bArm\b'
        (Get-Rendered $ranking 120)[1] | Should -Not -Match '\bArm\b'
        (Get-Rendered $submitted 120)[1] | Should -Not -Match '\bArm\b'
    }

    It 'leave the objects as they are for scripts' {
        $inExperiment | Should -BeOfType CXoneRanking.SessionRanking
        $submittedInExperiment[0] | Should -BeOfType CXoneRanking.RankingSubmissionResult
        $searchRank | Should -BeOfType CXoneRanking.SnippetRank
        ($searchRank | Test-RankingPayload).IsValid | Should -BeTrue
    }

    It 'show a held-back session''s stand-in rank as held back, with its row error, and an ordinary rank without' {
        $text = (Get-Rendered $heldBack 120) -join "`n"
        $text | Should -Match '\bRowError\b'
        $text | Should -Match 'held back'
        $text | Should -Match ([regex]::Escape($heldBack.RowError.Substring(0, 30)))
        $text | Should -Not -Match '\bRelevanceScore\b'
        (Get-Rendered @($heldBackRows)[0] 120) -join "`n" | Should -Not -Match '\bRowError\b'
        $heldBack | Should -BeOfType CXoneRanking.SnippetRank
        ($heldBackRows | Test-RankingPayload).Errors.Code | Should -Contain 'SessionHeldBack'
    }

    It 'show the title of an Expert search result' {
        (Get-Rendered $searchRank 120) -join "`n" | Should -Match ([regex]::Escape($searchRank.Metadata['title'].Substring(0, [math]::Min(20, $searchRank.Metadata['title'].Length))))
    }
}

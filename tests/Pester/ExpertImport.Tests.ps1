#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Import-CXoneExpertSearchLog end to end: a seeded month of 1,200 searches (several pages of the
# search log) gives exactly the clicks, impressions, click-through by position, mean reciprocal
# rank and top page the emulator's own history implies; importing again changes nothing; the
# chain stays valid; learning and the report say what they could not use (docs/expert.md#impressions).

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $key = 'expert-import-key'
    $secret = 'Expert-Import-Secret-6f1d'
    $emulator = Start-CXoneEmulator -ArgumentList '--expert-key', $key, '--expert-secret', $secret, '--expert-history', '1200', '--seed', '7'
    $token = [pscredential]::new($key, (ConvertTo-SecureString $secret -AsPlainText -Force))
    $audit = Join-Path $TestDrive 'audit'
    Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin'
    $since = (Get-Date).AddDays(-32)

    # The truth, from the emulator's own history: each search shows min(results, 10).
    $history = @((Invoke-RestMethod "$($emulator.Uri)_emulator/expert/history").searches)
    $shown = @($history | ForEach-Object { [math]::Min([int]$_.count_results, 10) })
    $selections = @($history | ForEach-Object { $_.selections })
    $truth = @{
        Impressions = ($shown | Measure-Object -Sum).Sum
        Clicks      = $selections.Count
        ByPosition  = @(1..10 | ForEach-Object {
                $k = $_
                '{0}:{1}/{2}' -f $k, @($selections | Where-Object position -eq $k).Count, @($shown | Where-Object { $_ -ge $k }).Count
            } | Where-Object { $_ -notmatch ':0/0$' })
        # Selections are in position order and time order, so a search's first click is its best position.
        Mrr         = (@($history | Where-Object { [int]$_.count_results -gt 0 } | ForEach-Object {
                    $first = @($_.selections | Where-Object position -ge 1 | Sort-Object selected_at, position)[0]
                    if ($first) { 1.0 / $first.position } else { 0.0 }
                }) | Measure-Object -Average).Average
        TopPage     = ($selections | Group-Object page_id |
                Sort-Object @{ e = 'Count'; Descending = $true }, @{ e = { [string]$_.Name } } | Select-Object -First 1)
    }
}

AfterAll {
    Disconnect-CXoneExpert
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Import-CXoneExpertSearchLog' {
    It 'imports every search of the month, over more than one page of the log' {
        $summary = Import-CXoneExpertSearchLog -Since $since -Path $audit

        $history.Count | Should -Be 1200
        $summary.Searches | Should -Be 1200
        $summary.Clicks | Should -Be $truth.Clicks
        $summary.Skipped | Should -Be 0
        $pages = @((Invoke-RestMethod "$($emulator.Uri)_emulator/journal").entries | Where-Object route -eq 'site/query/log')
        $pages.Count | Should -BeGreaterThan 2
    }

    It 'gives exactly the clicks, impressions, click-through by position, MRR and top page the log implies' {
        $m = Get-RankingMetrics -Path $audit

        $m.ImportedSearches | Should -Be 1200
        $m.Submissions | Should -Be 0
        $m.Impressions | Should -Be $truth.Impressions
        $m.Clicks | Should -Be $truth.Clicks
        $m.ClickThroughRate | Should -Be ($truth.Clicks / $truth.Impressions)
        @($m.ClickThroughRateByPosition | ForEach-Object { '{0}:{1}/{2}' -f $_.Position, $_.Clicks, $_.Impressions }) | Should -Be $truth.ByPosition
        [math]::Round($m.MeanReciprocalRank, 12) | Should -Be ([math]::Round($truth.Mrr, 12))
        $m.TopSnippets[0].SnippetId | Should -Be $truth.TopPage.Name
        $m.TopSnippets[0].Clicks | Should -Be $truth.TopPage.Count
    }

    It 'never reports per-page impressions of imported searches as zero' {
        $m = Get-RankingMetrics -Path $audit

        $m.TopSnippets.Impressions | Where-Object { $null -ne $_ } | Should -BeNullOrEmpty
        $m.Note | Should -Match 'unknown'
        ($m | Out-String) | Should -Match 'unknown'
    }

    It 'changes nothing when the same range is imported again' {
        $before = Get-ChildItem -LiteralPath $audit -File | Get-FileHash

        $again = Import-CXoneExpertSearchLog -Since $since -Path $audit

        $again.Searches, $again.Clicks, $again.Skipped | Should -Be 0, 0, 1200
        (Get-ChildItem -LiteralPath $audit -File | Get-FileHash).Hash | Should -Be $before.Hash
    }

    It 'keeps the audit chain valid' {
        (Test-RankingAuditLog -Path $audit).IsValid | Should -BeTrue
    }

    It 'leaves imported searches out of learning and says how many' {
        $suggestions = @(Get-SnippetBoostSuggestion -Path $audit -MinImpressions 1 -WarningVariable warnings -WarningAction SilentlyContinue)

        $suggestions.Count | Should -Be 0
        $warnings | Should -Match 'Left out 1200 imported Expert search'
    }

    It 'gives the report the same caveat' {
        $report = Join-Path $TestDrive 'report.html'

        Export-RankingReport -AuditPath $audit -Path $report

        Get-Content -LiteralPath $report -Raw | Should -Match 'imported Expert search'
    }

    It 'refuses a range whose start is not before its end' {
        { Import-CXoneExpertSearchLog -Since (Get-Date) -Until (Get-Date).AddDays(-1) -Path $audit } |
            Should -Throw -ErrorId 'InvalidRange,CXoneRanking.PowerShell.Cmdlets.ImportCXoneExpertSearchLogCommand'
    }

    It 'fails with ExpertSearchLogFailed and PermissionDenied for a user who may not read the log' {
        $agent = Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=agent' -PassThru

        $failure = { Import-CXoneExpertSearchLog -Connection $agent -Path $audit } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'ExpertSearchLogFailed,*'
        $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}

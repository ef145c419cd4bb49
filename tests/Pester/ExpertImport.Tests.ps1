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

        $again = Import-CXoneExpertSearchLog -Since $since -Path $audit -Verbose 4>&1 | Tee-Object -Variable said |
            Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }

        $again.Searches, $again.Clicks, $again.Skipped | Should -Be 0, 0, 1200
        # Which were skipped and why, at -Verbose (#23): the first ten by query id, then how many more.
        $skipped = @($said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^Skipped 1200 search' })
        $skipped.Count | Should -Be 1
        $skipped[0].Message | Should -Match 'already in the audit log'
        $skipped[0].Message | Should -Match "query \d+ '[^']*' of \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ"
        $skipped[0].Message | Should -Match 'and 1190 more\.$'
        $again.SkippedExamples.Count | Should -Be 10
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
            Should -Throw -ErrorId 'InvalidTimeRange,CXoneRanking.PowerShell.Cmdlets.ImportCXoneExpertSearchLogCommand'
    }

    It 'fails with ExpertSearchLogFailed and PermissionDenied for a user who may not read the log' {
        $agent = Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=agent' -PassThru

        $failure = { Import-CXoneExpertSearchLog -Connection $agent -Path $audit } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'ExpertSearchLogFailed,*'
        $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}

# The tests below load exact histories, replacing the seeded month above, and sign in as the admin
# again (the last test above left an agent's connection current).
Describe 'Import-CXoneExpertSearchLog: selections made after their search was imported' {
    BeforeAll {
        Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin'
        $late = Join-Path $TestDrive 'late'
        $searchedAt = [datetimeoffset]::UtcNow.AddMinutes(-10).ToString('o')
        $null = Invoke-EmulatorControl $emulator -Method Post -Path '_emulator/expert/history' -Body @{
            searches = @(@{ query = 'refund'; searched_at = $searchedAt; user_id = 3 })
        }
    }

    It 'imports a selection made after its search was imported, on the next run, once' {
        $first = Import-CXoneExpertSearchLog -Path $late
        # An agent opens a result: the site tracks the selection against the search logged 10 minutes ago.
        Invoke-RestMethod -Method Post "$($emulator.Uri)@api/deki/site/query/1?pageid=102&rank=0.8&position=2&type=page" | Out-Null
        $second = Import-CXoneExpertSearchLog -Path $late
        $hashes = (Get-ChildItem -LiteralPath $late -File | Get-FileHash).Hash
        $third = Import-CXoneExpertSearchLog -Path $late

        $first.Searches, $first.Clicks, $first.Skipped | Should -Be 1, 0, 0
        $second.Searches, $second.Clicks, $second.Skipped | Should -Be 0, 1, 1
        $third.Searches, $third.Clicks, $third.Skipped | Should -Be 0, 0, 1
        (Get-ChildItem -LiteralPath $late -File | Get-FileHash).Hash | Should -Be $hashes
    }

    It 'counts the late click against its search in the metrics, and keeps the chain valid' {
        $m = Get-RankingMetrics -Path $late

        $m.ImportedSearches, $m.Clicks | Should -Be 1, 1
        @($m.ClickThroughRateByPosition | Where-Object Clicks -gt 0).Position | Should -Be 2
        (Test-RankingAuditLog -Path $late).IsValid | Should -BeTrue
    }
}

Describe 'Import-CXoneExpertSearchLog: a log page over the answer cap' {
    BeforeAll {
        Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin'
        # 600 searches of 850 distinct characters each: a page of 500 is well over 1 MiB.
        $now = [datetimeoffset]::UtcNow
        $null = Invoke-EmulatorControl $emulator -Method Post -Path '_emulator/expert/history' -Body @{
            searches = @(1..600 | ForEach-Object {
                    $n = $_
                    $words = (1..200 | ForEach-Object { 'term{0}x{1}' -f $n, $_ }) -join ' '
                    @{ query = $words.Substring(0, 850); searched_at = $now.AddMinutes(-$n).ToString('o'); user_id = 3 }
                })
        }
    }

    It 'asks for smaller pages by itself and imports every search' {
        $mark = Get-EmulatorJournalMark $emulator

        $summary = Import-CXoneExpertSearchLog -Path (Join-Path $TestDrive 'large')

        $summary.Searches | Should -Be 600
        $reads = @((Invoke-RestMethod "$($emulator.Uri)_emulator/journal").entries | Where-Object { $_.route -eq 'site/query/log' -and $_.sequence -gt $mark })
        $reads.Count | Should -BeGreaterThan 2
    }

    It 'asks for -PageSize searches a request' {
        $mark = Get-EmulatorJournalMark $emulator

        $summary = Import-CXoneExpertSearchLog -Path (Join-Path $TestDrive 'paged') -PageSize 50

        $summary.Searches | Should -Be 600
        $reads = @((Invoke-RestMethod "$($emulator.Uri)_emulator/journal").entries | Where-Object { $_.route -eq 'site/query/log' -and $_.sequence -gt $mark })
        $reads.detail | Should -Be (@('50') * 12 + '0')
    }

    It 'refuses a -PageSize outside 1..1000 by name' {
        { Import-CXoneExpertSearchLog -Path (Join-Path $TestDrive 'paged') -PageSize 0 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,CXoneRanking.PowerShell.Cmdlets.ImportCXoneExpertSearchLogCommand'
    }
}

Describe 'Import-CXoneExpertSearchLog -WhatIf and -Confirm' {
    BeforeAll { Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' }

    It 'reads the site log and says what would be imported, writing nothing' {
        $dry = Join-Path $TestDrive 'dry'

        $summary = Import-CXoneExpertSearchLog -Path $dry -WhatIf

        $summary.WhatIf | Should -BeTrue
        $summary.Searches, $summary.EntriesWritten | Should -Be 600, 0
        @(Get-ChildItem -LiteralPath $dry -File -Recurse -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'says what an import after an earlier one would add' {
        $imported = Join-Path $TestDrive 'imported'
        $null = Import-CXoneExpertSearchLog -Path $imported
        $hashes = (Get-ChildItem -LiteralPath $imported -File | Get-FileHash).Hash

        $summary = Import-CXoneExpertSearchLog -Path $imported -WhatIf

        $summary.Searches, $summary.Clicks, $summary.Skipped | Should -Be 0, 0, 600
        (Get-ChildItem -LiteralPath $imported -File | Get-FileHash).Hash | Should -Be $hashes
    }

    It 'takes -Confirm, and imports with -Confirm:$false' {
        $summary = Import-CXoneExpertSearchLog -Path (Join-Path $TestDrive 'confirmed') -Confirm:$false

        (Get-Command Import-CXoneExpertSearchLog).Parameters.Keys | Should -Contain 'Confirm'
        $summary.Searches, $summary.EntriesWritten | Should -Be 600, 600
    }
}

Describe 'Import-CXoneExpertSearchLog: ranges checked once the defaults are filled in' {
    BeforeAll { Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' }

    It 'refuses <name> as InvalidTimeRange' -ForEach @(
        @{ name = '-Since a second ahead (the default -Until ends with the current second)'; Since = { (Get-Date).AddSeconds(2) }; Until = $null }
        @{ name = 'a -Since in the future'; Since = { (Get-Date).AddDays(1) }; Until = $null }
        @{ name = '-Since [datetime]::MaxValue'; Since = { [datetime]::MaxValue }; Until = $null }
        @{ name = '-Until [datetime]::MinValue'; Since = $null; Until = { [datetime]::MinValue } }
    ) {
        $arguments = @{ Path = (Join-Path $TestDrive 'ranges') }
        if ($Since) { $arguments.Since = & $Since }
        if ($Until) { $arguments.Until = & $Until }

        $failure = { Import-CXoneExpertSearchLog @arguments } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be 'InvalidTimeRange,CXoneRanking.PowerShell.Cmdlets.ImportCXoneExpertSearchLogCommand'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'imports nothing, without an error, for -Until <until>' -ForEach @(
        @{ until = '0001-01-15' }
        @{ until = '0001-01-01 00:00:01' }
    ) {
        $summary = Import-CXoneExpertSearchLog -Until $until -Path (Join-Path $TestDrive 'ranges')

        $summary.Searches | Should -Be 0
    }

    It 'reads the whole log from -Since [datetime]::MinValue to -Until [datetime]::MaxValue' {
        $summary = Import-CXoneExpertSearchLog -Since ([datetime]::MinValue) -Until ([datetime]::MaxValue) -Path (Join-Path $TestDrive 'ranges') -WhatIf

        $summary.Searches | Should -Be 600
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The click model on the log of the field report: ten rankings and two clicks, none at position 1.
# It used to print an examination of 2,079 at position 2 and a relevance of 0.000 for every
# snippet, clicked or not; now every figure is a probability or a dash with its reason, in the
# objects, in the console tables and in the report.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force

    # Ten rankings of five snippets in their own sessions, a minute apart; -Rotate shows each
    # snippet at every position in turn (rankings vary), else the order never changes.
    function New-SmallLog([string] $Directory, [switch] $Rotate) {
        $ids = 'KB-1', 'KB-2', 'KB-3', 'KB-4', 'KB-5'
        $t0 = [datetimeoffset]'2026-11-01T08:00:00Z'
        $writer = [CXoneRanking.Audit.AuditLogWriter]::new($Directory)
        $shown = for ($s = 0; $s -lt 10; $s++) {
            $turn = if ($Rotate) { $s % 5 } else { 0 }
            $order = [string[]]@($ids[$turn..4]; if ($turn) { $ids[0..($turn - 1)] })
            $entry = [CXoneRanking.AuditEntry]::Ranking('ranking.submitted', "s-$s", $t0.AddMinutes($s))
            $entry.Snippets = $order
            $entry.SnippetCount = $order.Count
            $writer.Append($entry)
            , $order
        }
        # Two clicks: ranking 0 at position 2, ranking 3 at position 3.
        @(
            [pscustomobject]@{ session_id = 's-0'; snippet_id = $shown[0][1]; rank_position = 2; timestamp = '2026-11-01T08:00:30Z' }
            [pscustomobject]@{ session_id = 's-3'; snippet_id = $shown[3][2]; rank_position = 3; timestamp = '2026-11-01T08:03:30Z' }
        ) | Add-SnippetClick -Path $Directory
        @($shown[0][1], $shown[3][2])
    }

    # Each cell of a model column is a figure (maybe followed by a note in brackets) or a dash and a reason.
    function Get-ModelCell([xml] $Document, [string] $Section, [int] $Column) {
        @($Document.SelectNodes("//section[@id='$Section']//tbody/tr[th]") | ForEach-Object { @($_.td)[$Column].InnerText })
    }

    $script:dir = Join-Path $TestDrive 'rotated'
    $script:clicked = New-SmallLog -Directory $dir -Rotate
}

Describe 'Get-SnippetBoostSuggestion on ten rankings and two clicks, none at position 1' {
    BeforeAll {
        $script:output = @(Get-SnippetBoostSuggestion -Path $dir -Examination -MinImpressions 1 -Verbose 3>&1 4>&1)
        $script:curve = @($output | Where-Object { $_ -is [CXoneRanking.PositionExamination] })
        $script:suggestions = @(Get-SnippetBoostSuggestion -Path $dir -MinImpressions 1 3>&1)
    }

    It 'gives every examination within [0, 1], or none with a reason' {
        $curve.Count | Should -Be 5
        foreach ($position in $curve) {
            if ($null -eq $position.Examination) { $position.Note | Should -Not -BeNullOrEmpty }
            else { $position.Examination | Should -BeGreaterOrEqual 0; $position.Examination | Should -BeLessOrEqual 1 }
        }
        $curve[0].Examination | Should -BeNullOrEmpty
        $curve[0].Note | Should -Be 'no clicks at this position'
        $curve[1].Examination | Should -Be 1
        $curve[2].Examination | Should -BeGreaterThan 0
        $curve[2].Note | Should -Be 'relative to position 2: position 1 has no clicks'
    }

    It 'says what examination is relative to, and that the model settled' {
        $verbose = ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $verbose | Should -Match 'Examination by position \(position 2 = 1; position 1 has no clicks\): #1 –  #2 1\.00  #3 0\.'
        @($output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -BeNullOrEmpty
    }

    It 'estimates the clicked snippets above 0 and leaves the factor of the others at 1' {
        @($suggestions | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -BeNullOrEmpty
        foreach ($id in $clicked) {
            ($suggestions | Where-Object SnippetId -EQ $id).EstimatedRelevance | Should -BeGreaterThan 0
        }
        $unclicked = @($suggestions | Where-Object SnippetId -NotIn $clicked)
        $unclicked.Count | Should -Be 3
        $unclicked | ForEach-Object {
            $_.EstimatedRelevance | Should -BeNullOrEmpty
            $_.Factor | Should -Be 1
            $_.Note | Should -Match '^no clicks in about [\d.]+ looked-at impressions: too few to estimate'
        }
    }

    It 'shows a dash and the reason in the console tables' {
        $table = $curve | Out-String -Width 200
        $table | Should -Match 'Position\s+Impressions\s+Clicks\s+CTR\s+Examination\s+Note'
        $table | Should -Match '(?m)^\s+1\s+10\s+0\s+0\.0\s?%\s+–\s+no clicks at this position'
        ($suggestions | Out-String -Width 200) | Should -Match 'KB-\d\s+10\s+0\s+0\.0\s?%\s+–\s+1\.00\s+0\.00\s+no clicks in about'
    }
}

Describe 'Export-RankingReport on the same log' {
    BeforeAll {
        $file = Join-Path $TestDrive 'report.html'
        Export-RankingReport -AuditPath $dir -Path $file
        $script:doc = [xml]((Get-Content $file -Raw) -replace '^<!DOCTYPE html>\s*', '')
    }

    It 'shows no examination or relevance outside [0, 1], and a reason beside every dash' {
        $cells = @(Get-ModelCell $doc 'positions' 4) + @(Get-ModelCell $doc 'top-snippets' 4)
        $cells.Count | Should -Be 7
        foreach ($cell in $cells) {
            if ($cell -match '^(\d+\.\d+)') {
                [double]::Parse($Matches[1], [cultureinfo]::InvariantCulture) | Should -BeLessOrEqual 1
            }
            else { $cell | Should -Match '^– \(.+\)$' }
        }
        (Get-ModelCell $doc 'positions' 4)[1] | Should -Be '1.000 (the reference: position 1 has no clicks)'
    }
}

Describe 'A log whose rankings never change' {
    BeforeAll {
        $fixed = Join-Path $TestDrive 'fixed'
        $null = New-SmallLog -Directory $fixed
        $script:fixedCurve = @(Get-SnippetBoostSuggestion -Path $fixed -Examination 3>&1)
        $script:fixedSuggestions = @(Get-SnippetBoostSuggestion -Path $fixed -MinImpressions 1 3>&1)
    }

    It 'cannot tell position 3 from the snippet always shown there, and says so' {
        @($fixedCurve + $fixedSuggestions | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -BeNullOrEmpty
        $fixedCurve[2].Examination | Should -BeNullOrEmpty
        $fixedCurve[2].Note | Should -Be 'shares no snippet with position 2: cannot be compared'
        ($fixedSuggestions | Where-Object SnippetId -EQ 'KB-3').Note | Should -Be 'shown only at positions that cannot be compared with position 2'
        $fixedSuggestions.Factor | ForEach-Object { $_ | Should -Be 1 }
    }
}

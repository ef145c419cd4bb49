#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Export-RankingAuditLog at a prompt: both formats, -WhatIf, an incremental re-run, and its named errors.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $audit = Join-Path $TestDrive 'audit'
    1..6 | ForEach-Object { [pscustomobject]@{ session_id = "s-$_"; snippet_id = "KB-$_"; rank_position = 1 } } |
        Add-SnippetClick -AuditPath $audit
}

Describe 'Export-RankingAuditLog' {
    It 'writes one Parquet file per day in a day= partition and lists the day' {
        $destination = Join-Path $TestDrive 'parquet'
        $days = @(Export-RankingAuditLog $audit -Destination $destination)
        $days.Count | Should -Be 1
        $days[0].PSObject.TypeNames[0] | Should -Be 'CXoneRanking.AuditExportDay'
        "$($days[0].Action)" | Should -Be 'Written'
        $days[0].Entries | Should -Be 6
        $days[0].Path | Should -Match ('day=\d{4}-\d\d-\d\d[\\/]cxone-audit-\d{8}-[0-9a-f]{16}\.parquet$')
        Test-Path $days[0].Path | Should -BeTrue
        ($days | Format-Table | Out-String) | Should -Match 'Written'
    }

    It 'writes JSON Lines rows, one object per entry' {
        $destination = Join-Path $TestDrive 'jsonl'
        $day = Export-RankingAuditLog -AuditPath $audit -Destination $destination -Format JsonLines
        $rows = Get-Content $day.Path | ForEach-Object { $_ | ConvertFrom-Json }
        @($rows).Count | Should -Be 6
        $rows[0].event | Should -Be 'click'
        $rows[0].rank_position | Should -Be 1
    }

    It 'writes nothing when run again over an unchanged log' {
        $destination = Join-Path $TestDrive 'again'
        $null = Export-RankingAuditLog -AuditPath $audit -Destination $destination -Format JsonLines
        $before = Get-ChildItem $destination -Recurse -File | ForEach-Object { "$($_.FullName) $($_.LastWriteTimeUtc.Ticks)" }
        $day = Export-RankingAuditLog -AuditPath $audit -Destination $destination -Format JsonLines
        "$($day.Action)" | Should -Be 'Unchanged'
        Get-ChildItem $destination -Recurse -File | ForEach-Object { "$($_.FullName) $($_.LastWriteTimeUtc.Ticks)" } | Should -Be $before
    }

    It 'writes nothing with -WhatIf' {
        $destination = Join-Path $TestDrive 'whatif'
        $out = Export-RankingAuditLog -AuditPath $audit -Destination $destination -WhatIf
        $out | Should -BeNullOrEmpty
        @(Get-ChildItem $destination -Recurse -File -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'names a missing audit folder' {
        $out = Export-RankingAuditLog -AuditPath (Join-Path $TestDrive 'nowhere') -Destination (Join-Path $TestDrive 'x') -ErrorVariable failures -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuditLogNotFound,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        "$($failures[0])" | Should -BeLike "*nowhere*"
    }

    It 'refuses a destination that is a file, naming it' {
        $file = Join-Path $TestDrive 'a-file.txt'
        Set-Content $file 'x'
        $failure = { Export-RankingAuditLog -AuditPath $audit -Destination $file } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ExportDestinationIsFile,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$failure" | Should -BeLike '*a-file.txt*'
    }

    It 'names a day it cannot write, and goes on' {
        $destination = Join-Path $TestDrive 'blocked'
        $null = New-Item -ItemType Directory -Path $destination
        $stamp = (Get-ChildItem $audit -Filter 'cxone-audit-*.jsonl')[0].Name.Substring(12, 8)
        $day = [datetime]::ParseExact($stamp, 'yyyyMMdd', [cultureinfo]::InvariantCulture).ToString('yyyy-MM-dd')
        Set-Content (Join-Path $destination "day=$day") 'a file where the partition folder goes'
        $out = Export-RankingAuditLog -AuditPath $audit -Destination $destination -ErrorVariable failures -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuditExportFailed,*'
        $failures[0].CategoryInfo.Category | Should -Be 'WriteError'
        "$($failures[0])" | Should -BeLike "*$day*"
        @(Get-ChildItem $destination -Recurse -File -Filter '*.tmp' -Force).Count | Should -Be 0
    }

    It 'refuses -Since after -Until' {
        { Export-RankingAuditLog -AuditPath $audit -Destination (Join-Path $TestDrive 'r') -Since 2026-12-02 -Until 2026-12-01 } |
            Should -Throw -ErrorId 'InvalidTimeRange,*'
    }
}

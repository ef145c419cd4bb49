#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# A folder whose closed days are compressed (cxone-audit-*.jsonl.gz, docs/audit-log.md#compressed-closed-days) as a
# user meets it: Test-RankingAuditLog and Get-RankingMetrics read it like the raw files, and a damaged .gz is named.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force

    # Clicks of an earlier day, compressed (as housekeeping leaves them), then today's clicks chained after them.
    function New-CompressedLog {
        $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        1..6 | ForEach-Object { [pscustomobject]@{ session_id = "s-$_"; snippet_id = "KB-$_"; rank_position = $_ } } | Add-SnippetClick -AuditPath $dir 3>$null
        $today = Get-ChildItem -LiteralPath $dir -Filter 'cxone-audit-*.jsonl' | Select-Object -First 1
        $closed = Join-Path $dir 'cxone-audit-20261101.jsonl.gz'
        $raw = [IO.File]::ReadAllBytes($today.FullName)
        $file = [IO.File]::Create($closed)
        $gzip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::Optimal)
        $gzip.Write($raw, 0, $raw.Length)
        $gzip.Dispose()
        $file.Dispose()
        Remove-Item -LiteralPath $today.FullName
        Add-SnippetClick -SessionId 's-7' -SnippetId 'KB-7' -RankPosition 1 -AuditPath $dir 3>$null
        $dir
    }
}

Describe 'A folder with compressed days' {
    It 'verifies and gives the metrics of every entry, compressed or not' {
        $dir = New-CompressedLog

        $check = Test-RankingAuditLog -AuditPath $dir
        $metrics = Get-RankingMetrics -AuditPath $dir -WarningVariable warnings 3>$null

        $check.IsValid | Should -BeTrue
        $check.Entries, $check.Files | Should -Be 7, 2
        $metrics.Clicks | Should -Be 7
        $warnings | Where-Object { $_ -like 'Skipped*' } | Should -BeNullOrEmpty
    }

    It 'names a damaged compressed file, and neither cmdlet fails' {
        $dir = New-CompressedLog
        $gz = Join-Path $dir 'cxone-audit-20261101.jsonl.gz'
        $stream = [IO.File]::Open($gz, 'Open', 'Write')
        $stream.SetLength([long]($stream.Length * 0.6))
        $stream.Dispose()

        $check = Test-RankingAuditLog -AuditPath $dir -ErrorVariable errors
        $metrics = Get-RankingMetrics -AuditPath $dir -WarningVariable warnings -ErrorVariable +errors 3>$null

        $errors | Should -BeNullOrEmpty
        $check.IsValid | Should -BeFalse
        Split-Path -Leaf $check.FailedFile | Should -Be 'cxone-audit-20261101.jsonl.gz'
        $check.Reason | Should -BeLike 'the compressed file is damaged after line *'
        @($warnings | Where-Object { "$_" -like 'Skipped cxone-audit-20261101.jsonl.gz:*: the compressed file is damaged after line *' }).Count |
            Should -Be 1
        $metrics.Clicks | Should -BeLessThan 7
    }
}

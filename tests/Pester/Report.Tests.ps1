#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Export-RankingReport: the file is self-contained and well-formed, each chart is an accessible
# inline SVG, every figure it shows is the one Get-RankingMetrics returns for the same filters,
# a broken chain is announced, and strings from the log cannot inject markup.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    $dir = Join-Path $TestDrive 'audit'

    function Add-Ranking([string] $Event, [string] $Session, [long] $LatencyMs, [string] $At, [string[]] $Snippets, [string] $Status) {
        $entry = [CXoneRanking.AuditEntry]::Ranking($Event, $Session, [datetimeoffset]$At)
        $entry.LatencyMs = $LatencyMs
        if ($Status) { $entry.Status = $Status }
        if ($Snippets) {
            $entry.Snippets = $Snippets
            $entry.SnippetCount = $Snippets.Count
        }
        [CXoneRanking.Audit.AuditLogWriter]::new($dir).Append($entry)
    }

    # The reader of a report: the document as XML (the writer emits XHTML-compatible markup).
    function Read-Report([string] $File) {
        $text = Get-Content $File -Raw
        [xml]($text -replace '^<!DOCTYPE html>\s*', '')
    }

    function Get-Figure([xml] $Document, [string] $Key) {
        $node = $Document.SelectSingleNode("//*[@data-metric='$Key']")
        if ($null -eq $node) { throw "no figure '$Key' in the report" }
        $value = $node.GetAttribute('data-value')
        if ($value -eq '') { return $null }
        [double]::Parse($value, [cultureinfo]::InvariantCulture)
    }

    $script:hostile = '<script>alert("x")</script>&KB'
    Add-Ranking 'ranking.submitted' 's-a' 120 '2026-11-20T09:00:00Z' 'KB-1', 'KB-2', 'KB-3', $hostile -Status 'Succeeded'
    Add-Ranking 'ranking.submitted' 's-b' 80 '2026-11-20T10:00:00Z' 'KB-2', 'KB-1' -Status 'Succeeded'
    Add-Ranking 'ranking.failed' 's-c' 5000 '2026-11-21T09:00:00Z' -Status 'RateLimited'
    Add-Ranking 'ranking.failed' 's-e' 3000 '2026-11-21T09:30:00Z' -Status 'RateLimited'
    Add-Ranking 'ranking.cancelled' 's-f' 10 '2026-11-21T09:40:00Z' -Status 'Cancelled'
    Add-Ranking 'ranking.submitted' 's-d' 40 '2026-11-21T10:00:00Z' 'KB-5', 'KB-1', 'KB-2' -Status 'Succeeded'
    @(
        [pscustomobject]@{ session_id = 's-a'; snippet_id = $hostile; rank_position = 4; timestamp = '2026-11-20T09:00:10Z' }
        [pscustomobject]@{ session_id = 's-a'; snippet_id = 'KB-1'; rank_position = 1; timestamp = '2026-11-20T09:00:30Z' }
        [pscustomobject]@{ session_id = 's-b'; snippet_id = 'KB-1'; rank_position = 2; timestamp = '2026-11-20T10:00:05Z' }
        [pscustomobject]@{ session_id = 's-d'; snippet_id = 'KB-5'; rank_position = 1; timestamp = '2026-11-21T10:00:07Z' }
    ) | Add-SnippetClick -Path $dir

    $script:file = Join-Path $TestDrive 'report.html'
    $script:info = Export-RankingReport -AuditPath $dir -Path $file -Title 'Weekly <check>' -PassThru
    $script:html = Get-Content $file -Raw
    $script:doc = Read-Report $file
}

Describe 'Export-RankingReport writes one self-contained file' {
    It 'returns the file with -PassThru' {
        $info | Should -BeOfType ([System.IO.FileInfo])
        $info.FullName | Should -Be $file
    }

    It 'loads no script, stylesheet, font or image from anywhere' {
        $html | Should -Not -Match '<script'
        $html | Should -Not -Match 'https?://'
        $html | Should -Not -Match '<link|<img|@import|url\('
        $doc.html.head.style | Should -Not -BeNullOrEmpty
        $html | Should -Match '@media print'
    }

    It 'has three accessible inline SVG charts, each with a title, a description and a table beside it' {
        $charts = @($doc.SelectNodes('//svg'))
        $charts.Count | Should -Be 3
        foreach ($svg in $charts) {
            $svg.GetAttribute('role') | Should -Be 'img'
            $svg.title | Should -Not -BeNullOrEmpty
            $svg.desc | Should -Not -BeNullOrEmpty
            $svg.GetAttribute('aria-labelledby') | Should -Be "$($svg.id)-title $($svg.id)-desc"
            @($svg.SelectNodes('.//text[@class="axis-title"]')).Count | Should -Be 2
        }
        @($doc.SelectNodes('//section[@id="positions" or @id="over-time"]//table')).Count | Should -Be 2
    }

    It 'encodes the title and every snippet id from the log' {
        $doc.html.head.title | Should -Be 'Weekly <check>'
        $html | Should -Not -Match '<script>alert'
        $html | Should -Match '&lt;script&gt;alert'
        @($doc.SelectNodes('//section[@id="top-snippets"]//tbody/tr/th').InnerText) | Should -Contain $hostile
    }

    It 'lists failed submissions by cause' {
        $rows = @($doc.SelectNodes('//section[@id="summary"]//tbody/tr'))
        ($rows | ForEach-Object { $_.th.InnerText + '=' + $_.td.InnerText }) -join ';' | Should -Be 'RateLimited=2;Cancelled=1'
    }

    It 'shows the chain as verified' {
        $doc.SelectSingleNode('//section[@id="chain"]').GetAttribute('data-chain') | Should -Be 'valid'
    }
}

Describe 'The figures of Export-RankingReport equal Get-RankingMetrics' {
    It 'for <Name>' -ForEach @(
        @{ Name = 'the whole log'; Filter = @{} }
        @{ Name = 'two sessions'; Filter = @{ SessionId = 's-a', 's-c' } }
        @{ Name = 'a time range'; Filter = @{ Since = [datetime]'2026-11-20T09:30:00Z'; Until = [datetime]'2026-11-21T09:35:00Z' } }
        @{ Name = 'an empty range'; Filter = @{ Since = [datetime]'2030-01-01' } }
    ) {
        $out = Join-Path $TestDrive "filtered-$([guid]::NewGuid()).html"
        Export-RankingReport -AuditPath $dir -Path $out @Filter
        $m = Get-RankingMetrics -Path $dir @Filter
        $d = Read-Report $out
        foreach ($pair in @(
                @('submissions', $m.Submissions), @('succeeded', $m.Succeeded), @('failed', $m.Failed),
                @('cancelled', $m.Cancelled), @('impressions', $m.Impressions), @('clicks', $m.Clicks),
                @('ctr', $m.ClickThroughRate), @('mrr', $m.MeanReciprocalRank), @('average-latency', $m.AverageLatencyMs),
                @('p50', $m.P50LatencyMs), @('p95', $m.P95LatencyMs), @('p99', $m.P99LatencyMs))) {
            Get-Figure $d $pair[0] | Should -Be $pair[1] -Because "the report's $($pair[0]) must be Get-RankingMetrics'"
        }
        $positions = @($d.SelectNodes('//section[@id="positions"]//tbody/tr[th]') | ForEach-Object { $_.th.InnerText + ':' + ($_.td[0].InnerText -replace ',') + '/' + ($_.td[1].InnerText -replace ',') })
        $positions -join ' ' | Should -Be (@($m.ClickThroughRateByPosition | ForEach-Object { "$($_.Position):$($_.Impressions)/$($_.Clicks)" }) -join ' ')
        $top = @($d.SelectNodes('//section[@id="top-snippets"]//tbody/tr[th]') | ForEach-Object { $_.th.InnerText })
        $top -join '|' | Should -Be (@($m.TopSnippets.SnippetId) -join '|')
    }
}

Describe 'Export-RankingReport on a broken chain, an existing file and -WhatIf' {
    It 'puts a broken-chain alert at the top and warns' {
        $broken = Join-Path $TestDrive 'broken'
        Copy-Item $dir $broken -Recurse
        $log = Get-ChildItem $broken -Filter *.jsonl | Select-Object -First 1
        (Get-Content $log.FullName -Raw) -replace '"latency_ms":120', '"latency_ms":121' | Set-Content $log.FullName -NoNewline
        $out = Join-Path $TestDrive 'broken.html'
        Export-RankingReport -AuditPath $broken -Path $out -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings -join ' ' | Should -Match 'chain is broken'
        $d = Read-Report $out
        $banner = $d.SelectSingleNode('//main/*[1]')
        $banner.GetAttribute('data-chain') | Should -Be 'broken'
        $banner.GetAttribute('role') | Should -Be 'alert'
        $banner.InnerText | Should -Match 'AUDIT CHAIN BROKEN'
    }

    It 'refuses to replace a file without -Force, and replaces it with -Force' {
        $out = Join-Path $TestDrive 'exists.html'
        Set-Content $out 'old'
        Export-RankingReport -AuditPath $dir -Path $out -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Match '^ReportFileExists'
        Get-Content $out -Raw | Should -Match '^old'
        Export-RankingReport -AuditPath $dir -Path $out -Force
        Get-Content $out -Raw | Should -Match '<svg'
    }

    It 'writes nothing with -WhatIf, and resolves -Path against the PowerShell location' {
        Push-Location $TestDrive
        try {
            Export-RankingReport -AuditPath $dir -Path 'whatif.html' -WhatIf
            Test-Path (Join-Path $TestDrive 'whatif.html') | Should -BeFalse
            (Export-RankingReport -AuditPath $dir -Path 'relative.html' -PassThru).FullName | Should -Be (Join-Path $TestDrive 'relative.html')
        }
        finally { Pop-Location }
    }

    It 'names the missing folder of -OutFile, not a temporary file, before reading the log' {
        $missing = Join-Path $TestDrive 'nodir'
        Export-RankingReport -AuditPath $dir -Path (Join-Path $missing 'x.html') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Match '^ReportFolderNotFound'
        $errs[0].Exception.Message | Should -BeLike "*the folder '$missing' does not exist*"
        $errs[0].Exception.Message | Should -Not -Match '\.tmp'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Test-Path $missing | Should -BeFalse
    }

    It 'reports a missing log as AuditLogNotFound' {
        Export-RankingReport -AuditPath (Join-Path $TestDrive 'nowhere') -Path (Join-Path $TestDrive 'none.html') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Match '^AuditLogNotFound'
    }
}

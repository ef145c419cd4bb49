#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Issue 7's fuzzing at the cmdlets, where users meet it: a generated CSV of thousands of rows
# with every kind of bad cell, read under a de-DE culture; damaged directive files; audit logs
# with random bytes, torn and absurd lines. Bad input gives one named, non-terminating error
# (or a warning) per bad item, and everything good goes on. The property-based side is in
# tests/CXoneRanking.Core.Tests (RowReaderFuzzTests, DirectiveFileFuzzTests) and
# tests/CXoneRanking.Audit.Tests (AuditFuzzTests).

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force

    # Seeded, so a failure names a reproducible file.
    $random = [System.Random]::new(20261125)
    function Get-Pick([object[]] $From) { $From[$random.Next($From.Count)] }

    function New-AuditDirectory { Join-Path $TestDrive ([guid]::NewGuid().ToString('N')) }

    function Get-LogFile([string] $Directory) { @(Get-ChildItem -LiteralPath $Directory -Filter 'cxone-audit-*.jsonl' | Sort-Object Name) }
}

Describe 'New-SnippetRank over a generated CSV of 3,000 rows, under de-DE' {
    BeforeAll {
        $command = 'CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
        # Each bad kind: the column it spoils, the values it tries, and the error id it must give.
        $badKinds = @(
            @{ Column = 'relevance_score'; Id = 'InvalidRelevanceScore'; Tries = 'abc', '', '   ', 'NaN', 'Infinity', '-Infinity', '-0.1', '1.0001', '1e309', '0,5', '1,0', '0x1', '½' }
            @{ Column = 'snippet_id'; Id = 'InvalidSnippetId'; Tries = '', ('x' * 129), ('y' * 300), "ctl`u{0001}x", "bell`u{0007}", "tab`tid", "esc`u{001B}[0m", "del`u{007F}", "nel`u{0085}", "line`nbreak", "cr`rid" }
            @{ Column = 'boost_factor'; Id = 'InvalidBoostFactor'; Tries = '0', '-1', '10.5', 'x', 'NaN', '1e309', '0,5' }
            @{ Column = 'category'; Id = 'InvalidMetadata'; Tries = , ('c' * 1025) }
        )
        $goodScores = '0', '1', '0.5', '0.25', ' 0.75 ', '1e-1', '5E-1', '.5', '1.0', '0.0001', '+0.3'
        $goodBoosts = '', '1', '1.5', '10', '0.01', '2e0'

        $rows = [System.Collections.Generic.List[object]]::new()
        $expected = [System.Collections.Generic.SortedDictionary[int, string]]::new()   # row number -> error id, for the bad rows
        for ($i = 1; $i -le 3000; $i++) {
            $row = [ordered]@{
                row             = $i
                session_id      = 'fuzz-{0:D2}' -f ($i % 40)
                snippet_id      = "KB-$i"
                relevance_score = Get-Pick $goodScores
                boost_factor    = Get-Pick $goodBoosts
                category        = Get-Pick 'billing', 'tech', 'internal-faq', ''
            }
            if ($random.NextDouble() -lt 0.35) {
                $kind = Get-Pick $badKinds
                $row[$kind.Column] = Get-Pick $kind.Tries
                $expected[$i] = $kind.Id
            }
            $rows.Add([pscustomobject]$row)
        }
        $csv = Join-Path $TestDrive 'fuzz.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8

        $saved = [System.Globalization.CultureInfo]::CurrentCulture
        try {
            [System.Globalization.CultureInfo]::CurrentCulture = 'de-DE'
            $terminating = $null
            try {
                $ranks = @(Import-Csv -LiteralPath $csv | New-SnippetRank -MetadataProperty category -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
            }
            catch { $terminating = $_ }
            $reread = @(Import-Csv -LiteralPath $csv)
        }
        finally { [System.Globalization.CultureInfo]::CurrentCulture = $saved }
    }

    It 'reads the generated file back as written (the CSV round trip is not what is under test)' {
        $reread.Count | Should -Be 3000
        foreach ($i in 0, 1, 2999) { $reread[$i].snippet_id | Should -Be $rows[$i].snippet_id }
        $expected.Count | Should -BeGreaterThan 900
    }

    It 'never stops: no terminating error' {
        $terminating | Should -BeNullOrEmpty
    }

    It 'gives exactly one error per bad row, with the id of what is wrong' {
        $rowErrors.Count | Should -Be $expected.Count
        $byRow = @{}
        foreach ($record in $rowErrors) {
            $number = [int]$record.TargetObject.row
            $byRow.ContainsKey($number) | Should -BeFalse -Because "row $number must give one error, not two"
            $byRow[$number] = $record.FullyQualifiedErrorId
        }
        foreach ($number in $expected.Keys) {
            $byRow[$number] | Should -Be "$($expected[$number]),$command" -Because "row $number (snippet '$($rows[$number - 1].snippet_id)', score '$($rows[$number - 1].relevance_score)')"
        }
    }

    It 'counts the same errors by id as it was given bad rows by kind' {
        $given = $expected.Values | Group-Object -NoElement | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }
        $got = $rowErrors | Group-Object { $_.FullyQualifiedErrorId.Split(',')[0] } -NoElement | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }
        $got | Should -Be $given
        Write-Host "  bad rows tried: $($expected.Count) of 3000 ($($given -join ', '))" -ForegroundColor Cyan
    }

    It 'turns every good row into a rank, read with the invariant culture' {
        $ranks.Count | Should -Be (3000 - $expected.Count)
        $good = @($rows | Where-Object { -not $expected.ContainsKey([int]$_.row) })
        ($ranks.SnippetId) | Should -Be ($good.snippet_id)
        foreach ($pair in @(0..($good.Count - 1) | Get-Random -Count 200 -SetSeed 7)) {
            $ranks[$pair].RelevanceScore | Should -Be ([double]::Parse($good[$pair].relevance_score, [cultureinfo]::InvariantCulture))
        }
    }

    It 'ranks every session of the good rows cleanly' {
        $results = @($ranks | Test-RankingPayload -MaxResultWindow 50)
        $results.Count | Should -Be 40
        @($results | Where-Object { -not $_.IsValid }) | Should -BeNullOrEmpty
        $kept = ($ranks | Group-Object SessionId | ForEach-Object { [math]::Min($_.Count, 50) } | Measure-Object -Sum).Sum
        ($results | ForEach-Object { $_.Payload.Snippets.Count } | Measure-Object -Sum).Sum | Should -Be $kept
    }
}

Describe 'New-SnippetRank over 1,000 piped objects of random shapes' {
    BeforeAll {
        # Objects and hashtables whose columns come and go, in any order and letter case: what a
        # script that builds its rows by hand sends. Each row's own columns must count.
        $names = @{
            session = 'session_id', 'SessionId', 'SESSION_ID'
            id      = 'snippet_id', 'SnippetId', 'Id'
            score   = 'relevance_score', 'RelevanceScore', 'Score'
            boost   = 'boost_factor', 'BoostFactor', 'Boost'
        }
        $rows = [System.Collections.Generic.List[object]]::new()
        $expected = [System.Collections.Generic.List[object]]::new()
        for ($i = 1; $i -le 1000; $i++) {
            $cells = [System.Collections.Generic.List[object]]::new()
            $cells.Add(@((Get-Pick $names.session), ('shape-{0:D2}' -f ($i % 20))))
            $cells.Add(@((Get-Pick $names.id), "KB-$i"))
            $cells.Add(@((Get-Pick $names.score), '0.5'))
            $boost = 1.0
            $bad = $null
            switch ($random.Next(4)) {
                0 { }                                                                   # no boost column
                1 { $cells.Add(@((Get-Pick $names.boost), '')) }                       # an empty one
                2 { $boost = Get-Pick 0.5, 2, 10; $cells.Add(@((Get-Pick $names.boost), [string]$boost)) }
                3 { $cells.Add(@((Get-Pick $names.boost), (Get-Pick '11', '0', 'x'))); $bad = 'InvalidBoostFactor' }
            }
            $category = $null
            if ($random.Next(2) -eq 0) { $category = Get-Pick 'billing', 'tech'; $cells.Add(@('category', $category)) }
            if ($random.Next(2) -eq 0) { $cells.Add(@('comment', 'not a column the reader wants')) }
            $ordered = [ordered]@{}
            foreach ($cell in $cells | Sort-Object { $random.Next() }) { $ordered[$cell[0]] = $cell[1] }
            $rows.Add($(if ($random.Next(2) -eq 0) { [pscustomobject]$ordered } else { [hashtable]$ordered }))
            $expected.Add([pscustomobject]@{ Id = "KB-$i"; Boost = $boost; Category = $category; Error = $bad })
        }
        $ranks = @($rows | New-SnippetRank -MetadataProperty category -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
        $byId = @{}
        foreach ($rank in $ranks) { $byId[$rank.SnippetId] = $rank }
        Write-Host "  objects of random shapes: 1000, of which $(@($expected | Where-Object Error).Count) bad" -ForegroundColor Cyan
    }

    It 'gives exactly one error per bad row and a rank for every good one' {
        $bad = @($expected | Where-Object Error)
        $rowErrors.Count | Should -Be $bad.Count
        $ranks.Count | Should -Be (1000 - $bad.Count)
        @($rowErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'InvalidBoostFactor,*' }) | Should -BeNullOrEmpty
    }

    It 'reads each row''s own boost and metadata, whatever the rows before it looked like' {
        foreach ($row in $expected | Where-Object { -not $_.Error }) {
            $rank = $byId[$row.Id]
            $rank | Should -Not -BeNullOrEmpty -Because "$($row.Id) is a good row"
            $rank.BoostFactor | Should -Be $row.Boost -Because "$($row.Id) carries boost $($row.Boost)"
            $rank.Metadata['category'] | Should -Be $row.Category -Because "$($row.Id) carries category '$($row.Category)'"
        }
    }
}

Describe 'New-BoostDirective -Path over damaged directive files' {
    BeforeAll {
        $valid = '[{"metadata_key":"category","value":"billing*","factor":1.2},{"metadata_key":"category","value":"internal-*","exclude":true}]'
        $dir = Join-Path $TestDrive 'directives'
        $null = New-Item -ItemType Directory $dir
        [IO.File]::WriteAllText((Join-Path $dir 'a-valid.json'), $valid)
        # An empty file is no rules, not damage (what Export-BoostDirective leaves on a young log).
        [IO.File]::WriteAllBytes((Join-Path $dir 'a-empty.json'), [byte[]]@())
        $damaged = [ordered]@{
            'truncated'     = [Text.Encoding]::UTF8.GetBytes($valid.Substring(0, 40))
            'not-an-array'  = [Text.Encoding]::UTF8.GetBytes('{"metadata_key":"k"}')
            'wrong-type'    = [Text.Encoding]::UTF8.GetBytes('[{"metadata_key":"k","value":"v","factor":"big"}]')
            'unknown-key'   = [Text.Encoding]::UTF8.GetBytes('[{"metadata_key":"k","value":"v","factor":2,"color":"red"}]')
            'huge-factor'   = [Text.Encoding]::UTF8.GetBytes('[{"metadata_key":"k","value":"v","factor":1e400}]')
            'deep-nesting'  = [Text.Encoding]::ASCII.GetBytes(('[' * 5000) + (']' * 5000))
            'nul-bytes'     = [byte[]]::new(64)
        }
        foreach ($name in $damaged.Keys) { [IO.File]::WriteAllBytes((Join-Path $dir "b-$name.json"), $damaged[$name]) }
        # Bytes that are not UTF-8, and an escape JSON allows but UTF-16 cannot hold alone.
        $hostile = [ordered]@{
            'random-bytes'   = [byte[]](0..255 | ForEach-Object { $random.Next(256) })
            'invalid-utf8'   = [byte[]]([Text.Encoding]::ASCII.GetBytes('[{"metadata_key":"') + [byte[]](0xC3, 0x28) + [Text.Encoding]::ASCII.GetBytes('","value":"v","factor":2}]'))
            'lone-surrogate' = [Text.Encoding]::ASCII.GetBytes('[{"metadata_key":"\ud800","value":"v","factor":2}]')
        }
        $hostileDir = Join-Path $TestDrive 'hostile'
        $null = New-Item -ItemType Directory $hostileDir
        [IO.File]::WriteAllText((Join-Path $hostileDir 'a-valid.json'), $valid)
        foreach ($name in $hostile.Keys) { [IO.File]::WriteAllBytes((Join-Path $hostileDir "b-$name.json"), $hostile[$name]) }
        [IO.File]::WriteAllText((Join-Path $hostileDir 'c-valid.json'), $valid)
    }

    It 'refuses each damaged file with one InvalidDirectiveFile error naming it, and still reads the good one' {
        $rules = @(New-BoostDirective -Path (Join-Path $dir '*.json') -ErrorVariable fileErrors -ErrorAction SilentlyContinue)

        $rules.Count | Should -Be 2
        $fileErrors.Count | Should -Be $damaged.Count
        $fileErrors.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'InvalidDirectiveFile,CXoneRanking.PowerShell.Cmdlets.NewBoostDirectiveCommand'
        foreach ($name in $damaged.Keys) {
            @($fileErrors | Where-Object { $_.TargetObject -like "*b-$name.json" }).Count | Should -Be 1 -Because "b-$name.json is damaged"
        }
        @($fileErrors | Where-Object { $_.Exception.Message -notlike 'b-*.json:*' }) | Should -BeNullOrEmpty -Because 'each message starts with the file it is about'
    }

    # System.Text.Json throws InvalidOperationException for invalid UTF-8 or a lone surrogate
    # escape; BoostDirectiveFile must turn it into a DirectiveFileException.
    It 'refuses files with bytes that are not UTF-8, or a lone surrogate escape, the same way, and goes on to the next file' {
        $terminating = $null
        try { $rules = @(New-BoostDirective -Path (Join-Path $hostileDir '*.json') -ErrorVariable fileErrors -ErrorAction SilentlyContinue) }
        catch { $terminating = $_ }

        $terminating | Should -BeNullOrEmpty -Because "a bad file is an InvalidDirectiveFile error, not the end of the command ($(if ($terminating) { $terminating.Exception.GetType().Name + ': ' + $terminating.Exception.Message }))"
        $rules.Count | Should -Be 4 -Because 'both valid files are read, before and after the hostile ones'
        $fileErrors.Count | Should -Be $hostile.Count
        $fileErrors.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'InvalidDirectiveFile,CXoneRanking.PowerShell.Cmdlets.NewBoostDirectiveCommand'
    }
}

Describe 'Reading audit logs with damaged lines' {
    BeforeAll {
        function New-DamagedLog {
            $dir = New-AuditDirectory
            1..30 | ForEach-Object { [pscustomobject]@{ session_id = "s-$_"; snippet_id = "KB-$_"; rank_position = 1 + $_ % 5 } } |
                Add-SnippetClick -Path $dir
            $dir
        }

        # Lines that are not JSON: random bytes (never a newline), a torn entry, absurd nesting.
        function New-JunkLine {
            switch ($random.Next(4)) {
                # A control byte first: random bytes that happened to be JSON ("5") would be an entry-shaped line.
                0 { [byte[]](@(1) + @(1..($random.Next(1, 200)) | ForEach-Object { $b = $random.Next(256); if ($b -eq 10) { 32 } else { $b } })) }
                1 { [Text.Encoding]::UTF8.GetBytes('{"timestamp":"2026-11-25T19:07:58.123Z","event":"cli') }
                2 { [Text.Encoding]::ASCII.GetBytes(('[' * 3000) + (']' * 2999)) }
                default { [byte[]](0xFF, 0xFE, 0x00, 0x7B, 0x22, 0xC3) }
            }
        }

        function Add-JunkLine([string] $Directory, [int] $Count) {
            $file = (Get-LogFile $Directory)[-1].FullName
            $lines = [Collections.Generic.List[byte[]]]::new()
            $bytes = [IO.File]::ReadAllBytes($file)
            $start = 0
            for ($i = 0; $i -lt $bytes.Length; $i++) { if ($bytes[$i] -eq 10) { $lines.Add($bytes[$start..($i - 1)]); $start = $i + 1 } }
            $junk = 0
            for ($n = 0; $n -lt $Count; $n++) {
                $line = [byte[]](New-JunkLine)
                if ($line.Length -eq 0 -or -not ($line | Where-Object { $_ -notin 32, 9, 13 })) { $line = [byte[]](0x7E) }
                $lines.Insert($random.Next($lines.Count + 1), $line)
                $junk++
            }
            $out = [IO.MemoryStream]::new()
            foreach ($line in $lines) { $out.Write($line, 0, $line.Length); $out.WriteByte(10) }
            [IO.File]::WriteAllBytes($file, $out.ToArray())
            $junk
        }
    }

    It 'verifies the chain across <Junk> junk lines, reporting each as torn, never failing' -ForEach @(@{ Junk = 1 }, @{ Junk = 12 }, @{ Junk = 40 }) {
        $dir = New-DamagedLog
        $added = Add-JunkLine $dir $Junk

        $check = Test-RankingAuditLog -Path $dir -ErrorAction Stop

        $check.IsValid | Should -BeTrue -Because 'junk that is not JSON never breaks the chain'
        $check.Entries | Should -Be 30
        $check.TornLines.Count | Should -Be $added
    }

    It 'computes metrics from the entries around <Junk> junk lines, with warnings, never failing' -ForEach @(@{ Junk = 3 }, @{ Junk = 25 }) {
        $dir = New-DamagedLog
        $added = Add-JunkLine $dir $Junk

        $metrics = Get-RankingMetrics -Path $dir -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop

        $metrics.Clicks | Should -Be 30
        $warned.Count | Should -Be ([math]::Min($added, 10) + $(if ($added -gt 10) { 1 } else { 0 }))
        $warned[0].Message | Should -BeLike 'Skipped cxone-audit-*.jsonl:*'
    }

    It 'appends after junk and a torn last line, chaining to the last whole entry' {
        $dir = New-DamagedLog
        $null = Add-JunkLine $dir 5
        $file = (Get-LogFile $dir)[-1].FullName
        [IO.File]::AppendAllText($file, '{"timestamp":"2026-11-25T19:07:58.123Z","event":"click","sess')

        $entry = Add-SnippetClick -SessionId 'after-junk' -SnippetId 'KB-1' -RankPosition 1 -Path $dir -PassThru

        $check = Test-RankingAuditLog -Path $dir
        $check.IsValid | Should -BeTrue -Because $check.Reason
        $check.Entries | Should -Be 31
        $check.TornLines.Count | Should -Be 6
        $check.LastHash | Should -Be $entry.Hash
    }

    # One absurd (but well-formed) latency_ms in a damaged or hand-edited log must not overflow
    # the average of the latencies.
    It 'computes metrics from a log with an absurd latency_ms line instead of failing' {
        $dir = New-AuditDirectory
        1..3 | ForEach-Object { [pscustomobject]@{ session_id = "s-$_"; snippet_id = 'KB-1'; rank_position = 1 } } | Add-SnippetClick -Path $dir
        $file = (Get-LogFile $dir)[-1].FullName
        [IO.File]::AppendAllText($file, "{`"timestamp`":`"2026-11-25T19:07:58.123Z`",`"event`":`"ranking.failed`",`"session_id`":`"x`",`"latency_ms`":9223372036854775807}`n")
        [IO.File]::AppendAllText($file, "{`"timestamp`":`"2026-11-25T19:07:58.123Z`",`"event`":`"ranking.failed`",`"session_id`":`"y`",`"latency_ms`":1000}`n")

        $terminating = $null
        try { $metrics = Get-RankingMetrics -Path $dir -WarningAction SilentlyContinue } catch { $terminating = $_ }

        $terminating | Should -BeNullOrEmpty -Because "a damaged log is read with warnings, not a crash ($(if ($terminating) { $terminating.Exception.GetType().Name }))"
        $metrics.Failed | Should -Be 2
        $metrics.Clicks | Should -Be 3
    }
}

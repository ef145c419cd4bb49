#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-SnippetBoostSuggestion on a log drawn from a known position-based click model with a biased
# ranker (the mediocre KB-B is usually first, the best snippet KB-A usually last), then the loop
# the learned boosts are for: -AsDirective | Export-BoostDirective, New-BoostDirective -Path, and
# a ranking that changes because of them.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    $dir = Join-Path $TestDrive 'audit'
    $rng = [System.Random]::new(42)
    $relevance = @{ 'KB-A' = 0.6; 'KB-B' = 0.15; 'KB-C' = 0.3; 'KB-D' = 0.3; 'KB-E' = 0.3 }
    $examination = 1.0, 0.6, 0.4, 0.3, 0.2
    $biased = 'KB-B', 'KB-C', 'KB-D', 'KB-E', 'KB-A'
    $t0 = [datetimeoffset]'2026-11-01T08:00:00Z'
    $entries = [System.Collections.Generic.List[object]]::new()
    for ($s = 0; $s -lt 2000; $s++) {
        # Seven in ten sessions get the biased order; the rest a shuffle, which is what lets the
        # model tell position from snippet.
        $order = if ($rng.NextDouble() -lt 0.7) { $biased } else { $biased | Sort-Object { $rng.Next() } }
        $at = $t0.AddSeconds(10 * $s)
        $submitted = [CXoneRanking.AuditEntry]::Ranking('ranking.submitted', "s-$s", $at)
        $submitted.Snippets = [string[]]$order
        $entries.Add($submitted)
        for ($k = 0; $k -lt 5; $k++) {
            if ($rng.NextDouble() -lt $examination[$k] * $relevance[$order[$k]]) {
                $entries.Add([CXoneRanking.AuditEntry]::Click("s-$s", $order[$k], $k + 1, $at.AddSeconds($k + 1)))
            }
        }
    }
    [CXoneRanking.Audit.AuditLogWriter]::new($dir).Append([CXoneRanking.AuditEntry[]]$entries.ToArray())
}

Describe 'Get-SnippetBoostSuggestion' {
    BeforeAll { $suggestions = @(Get-SnippetBoostSuggestion -Path $dir) }

    It 'returns one CXoneRanking.BoostSuggestion per snippet, highest factor first' {
        $suggestions.Count | Should -Be 5
        $suggestions | ForEach-Object { $_ | Should -BeOfType ([CXoneRanking.BoostSuggestion]) }
        $suggestions[0].SnippetId | Should -Be 'KB-A'
        $suggestions[-1].SnippetId | Should -Be 'KB-B'
    }

    It 'sees through the position bias that flatters KB-B in raw click-through' {
        $b = $suggestions | Where-Object SnippetId -EQ 'KB-B'
        $c = $suggestions | Where-Object SnippetId -EQ 'KB-C'
        $b.ClickThroughRate | Should -BeGreaterThan ($suggestions | Where-Object SnippetId -EQ 'KB-E').ClickThroughRate
        $b.EstimatedRelevance | Should -BeLessThan $c.EstimatedRelevance
        $b.Factor | Should -BeLessThan 1
        ($suggestions | Where-Object SnippetId -EQ 'KB-A').Factor | Should -BeGreaterThan 1.4
    }

    It 'keeps factors within -MinFactor and -MaxFactor' {
        $bounded = @(Get-SnippetBoostSuggestion -Path $dir -MinFactor 0.9 -MaxFactor 1.1)
        $bounded.Factor | ForEach-Object { $_ | Should -BeGreaterOrEqual 0.9; $_ | Should -BeLessOrEqual 1.1 }
        $bounded[0].Factor | Should -Be 1.1
    }

    It 'suggests nothing for snippets shown fewer than -MinImpressions times' {
        Get-SnippetBoostSuggestion -Path $dir -MinImpressions 2001 | Should -BeNullOrEmpty
    }

    It 'learns only from the range given by -Since and -Until' {
        $early = @(Get-SnippetBoostSuggestion -Path $dir -Until ([datetime]'2026-11-01T08:00:00Z').ToUniversalTime().AddSeconds(10 * 100) -MinImpressions 1)
        $early[0].Impressions | Should -Be 100
    }

    It 'shows the examination curve with -Examination and in -Verbose' {
        $curve = @(Get-SnippetBoostSuggestion -Path $dir -Examination)
        $curve.Count | Should -Be 5
        $curve[0] | Should -BeOfType ([CXoneRanking.PositionExamination])
        $curve[0].Examination | Should -Be 1
        $curve[1].Examination | Should -BeGreaterThan 0.45
        $curve[1].Examination | Should -BeLessThan 0.75
        $verbose = Get-SnippetBoostSuggestion -Path $dir -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Examination by position \(position 1 = 1\): #1 1\.00  #2 0\.'
    }

    It 'shows suggestions and the curve as tables' {
        ($suggestions | Out-String) | Should -Match 'SnippetId\s+Impressions\s+Clicks\s+CTR\s+Relevance\s+Factor\s+Confidence'
        (Get-SnippetBoostSuggestion -Path $dir -Examination | Out-String) | Should -Match 'Position\s+Impressions\s+Clicks\s+CTR\s+Examination'
    }

    It 'reports a missing log folder as AuditLogNotFound' {
        Get-SnippetBoostSuggestion -Path (Join-Path $TestDrive 'nowhere') -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AuditLogNotFound,*'
    }
}

Describe 'Learned boosts, exported, read back and applied' {
    BeforeAll {
        $file = Join-Path $TestDrive 'learned.json'
        Get-SnippetBoostSuggestion -Path $dir -AsDirective | Export-BoostDirective -Path $file
        $rules = @(New-BoostDirective -Path $file)
    }

    It 'emits snippet-id directives with -AsDirective' {
        $directives = @(Get-SnippetBoostSuggestion -Path $dir -AsDirective)
        $directives | ForEach-Object { $_ | Should -BeOfType ([CXoneRanking.BoostDirective]) }
        $directives[0].ToString() | Should -Match '^rule\(id=KB-A\) 1\.\d+$'
    }

    It 'round-trips every directive through the JSON file' {
        $learned = @(Get-SnippetBoostSuggestion -Path $dir)
        $rules.Count | Should -Be 5
        foreach ($suggestion in $learned) {
            ($rules | Where-Object SnippetId -EQ $suggestion.SnippetId).Factor | Should -Be $suggestion.Factor
        }
        (Get-Content $file -Raw | ConvertFrom-Json)[0].snippet_id | Should -Be 'KB-A'
    }

    It 'changes the ranking: KB-A overtakes KB-B' {
        $ranks = @(
            New-SnippetRank KB-B 0.9 -SessionId s-x
            New-SnippetRank KB-A 0.6 -SessionId s-x
        )
        ($ranks | Test-RankingPayload).Payload.Snippets[0].SnippetId | Should -Be 'KB-B'
        $ranked = $ranks | Test-RankingPayload -BoostDirective $rules
        $ranked.Payload.Snippets[0].SnippetId | Should -Be 'KB-A'
        $ranked.Payload.Snippets[0].Explanation | Should -Match 'rule\(id=KB-A\)'
    }

    It 'refuses to replace a file without -Force, and replaces it with -Force' {
        New-BoostDirective -SnippetId 'KB-Z' -Factor 1.5 | Export-BoostDirective -Path $file -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'DirectiveFileExists,*'
        @(New-BoostDirective -Path $file).Count | Should -Be 5
        New-BoostDirective -SnippetId 'KB-Z' -Factor 1.5 | Export-BoostDirective -Path $file -Force
        (New-BoostDirective -Path $file).ToString() | Should -Be 'rule(id=KB-Z) 1.5'
    }

    It 'writes nothing with -WhatIf' {
        $other = Join-Path $TestDrive 'whatif.json'
        New-BoostDirective -SnippetId 'KB-Z' -Factor 1.5 | Export-BoostDirective -Path $other -WhatIf
        $other | Should -Not -Exist
    }

    It 'keeps an existing file when a quiet night has no rule to write, even with -Force, and says so' {
        $kept = Join-Path $TestDrive 'kept.json'
        New-BoostDirective -SnippetId 'KB-Z' -Factor 1.5 | Export-BoostDirective -Path $kept
        @() | Export-BoostDirective -Path $kept -Force -WarningVariable warned -WarningAction SilentlyContinue
        (New-BoostDirective -Path $kept).ToString() | Should -Be 'rule(id=KB-Z) 1.5'
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'nothing to write'
        "$($warned[0])" | Should -Match 'AllowEmpty'
    }

    It 'replaces an existing file with an empty list only with -AllowEmpty -Force' {
        $emptied = Join-Path $TestDrive 'emptied.json'
        New-BoostDirective -SnippetId 'KB-Z' -Factor 1.5 | Export-BoostDirective -Path $emptied
        @() | Export-BoostDirective -Path $emptied -Force -AllowEmpty
        (Get-Content -LiteralPath $emptied -Raw).Trim() | Should -Be '[]'
    }

    It 'writes an empty list to a file that does not exist yet, so the next step can read it' {
        $fresh = Join-Path $TestDrive 'fresh.json'
        @() | Export-BoostDirective -Path $fresh -WarningVariable warned -WarningAction SilentlyContinue
        (Get-Content -LiteralPath $fresh -Raw).Trim() | Should -Be '[]'
        # Said as the second run says it (newcomer3 F3): a later estimate of this file estimates no rule.
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'nothing to write'
        "$($warned[0])" | Should -Match 'empty list'
    }

    It 'writes no file when a piped directive is invalid' {
        $bad = Join-Path $TestDrive 'bad.json'
        $invalid = [CXoneRanking.BoostDirective]::new()
        @((New-BoostDirective -SnippetId 'KB-1' -Factor 1.2), $invalid) | Export-BoostDirective -Path $bad -ErrorVariable errs -ErrorAction SilentlyContinue
        @($errs.FullyQualifiedErrorId -replace ',.*') | Should -Be 'InvalidBoostDirective', 'DirectiveFileNotWritten'
        $bad | Should -Not -Exist
    }

    It 'round-trips hand-written metadata and id rules together' {
        $mixed = Join-Path $TestDrive 'mixed.json'
        @(
            New-BoostDirective -MetadataKey category -Value 'billing*' -Factor 1.25
            New-BoostDirective -MetadataKey category -Value 'internal-*' -Exclude
            New-BoostDirective -SnippetId 'KB-1*' -MetadataKey tier -Value gold -Factor 2
            New-BoostDirective -SnippetId 'KB-9' -Exclude
        ) | Export-BoostDirective -Path $mixed -PassThru | Should -BeOfType ([System.IO.FileInfo])
        (New-BoostDirective -Path $mixed | ForEach-Object ToString) |
            Should -Be 'rule(category=billing*) 1.25', 'exclude(category=internal-*)', 'rule(id=KB-1*, tier=gold) 2.0', 'exclude(id=KB-9)'
    }
}

Describe 'New-BoostDirective -SnippetId' {
    It 'matches snippet ids with wildcards, shown as rule(id=...)' {
        $rule = New-BoostDirective -SnippetId 'KB-1*' -Factor 1.2
        $rule.ToString() | Should -Be 'rule(id=KB-1*) 1.2'
        $ranked = @(New-SnippetRank KB-10 0.5 -SessionId s-1; New-SnippetRank KB-20 0.55 -SessionId s-1) | Test-RankingPayload -BoostDirective $rule
        $ranked.Payload.Snippets.SnippetId | Should -Be 'KB-10', 'KB-20'
    }

    It 'binds snippet_id and factor from piped rows' {
        $rules = 'snippet_id,factor', 'KB-1,1.5', 'KB-2,0.5' | ConvertFrom-Csv | New-BoostDirective
        ($rules | ForEach-Object ToString) | Should -Be 'rule(id=KB-1) 1.5', 'rule(id=KB-2) 0.5'
    }

    It 'excludes by id' {
        (New-BoostDirective -SnippetId 'KB-9' -Exclude).ToString() | Should -Be 'exclude(id=KB-9)'
    }
}

Describe 'Get-SnippetBoostSuggestion with nothing to learn' {
    It 'warns why there is nothing, and what would give something' {
        $empty = Join-Path $TestDrive 'nothing-learnable'
        $entry = [CXoneRanking.AuditEntry]::Ranking('ranking.submitted', 's-1', [datetimeoffset]'2026-11-20T09:00:00Z')
        $entry.Snippets = [string[]]('KB-1', 'KB-2')
        [CXoneRanking.Audit.AuditLogWriter]::new($empty).Append($entry)
        $result = @(Get-SnippetBoostSuggestion -Path $empty -WarningVariable warnings -WarningAction SilentlyContinue)
        $result.Count | Should -Be 0
        "$($warnings[-1])" | Should -Match '^No boost suggestion: no snippet was shown at least \d+ time\(s\) .*lower -MinImpressions'
    }

    It 'warns for a range without submissions' {
        $result = @(Get-SnippetBoostSuggestion -Path $dir -Since '2030-01-01' -WarningVariable warnings -WarningAction SilentlyContinue)
        $result.Count | Should -Be 0
        "$($warnings[-1])" | Should -Match '^No boost suggestion: the range holds no successful submission'
    }
}

Describe 'Get-SnippetBoostSuggestion -AsDirective' {
    It 'leaves out factors of 1, which would change nothing' {
        $all = @(Get-SnippetBoostSuggestion -Path $dir -MaxFactor 1.2)
        $directives = @(Get-SnippetBoostSuggestion -Path $dir -MaxFactor 1.2 -AsDirective)
        $directives.Count | Should -Be @($all | Where-Object Factor -NE 1).Count
        $directives.Count | Should -BeGreaterThan 0
        $directives.Factor | Should -Not -Contain 1
    }

    It 'writes no directive, and says why, when every factor is 1' {
        @(Get-SnippetBoostSuggestion -Path $dir -MinFactor 1 -MaxFactor 1).Factor | Select-Object -Unique | Should -Be 1
        $directives = @(Get-SnippetBoostSuggestion -Path $dir -MinFactor 1 -MaxFactor 1 -AsDirective -WarningVariable warnings -WarningAction SilentlyContinue)
        $directives.Count | Should -Be 0
        "$($warnings[-1])" | Should -Match '^All 5 suggestion\(s\) have factor 1 .*no directive to write'
    }
}

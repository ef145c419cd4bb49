#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What a user types at a prompt or in a pipeline, without a connection.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    $csv = Join-Path $TestDrive 'rankings.csv'
    @'
session_id,snippet_id,relevance_score,boost_factor,category
s-1,KB-001,0.92,1.2,billing
s-1,KB-002,0.85,1.0,technical
s-1,KB-003,0.78,1.1,account
s-2,KB-010,0.40,,billing
s-2,KB-011,0.65,1.5,spam
s-2,KB-012,0.55,1.0,general
'@ | Set-Content -Path $csv -Encoding utf8
}

Describe 'The laid-out module' {
    It 'exports exactly the documented cmdlets' {
        $expected = 'New-BoostDirective', 'New-SnippetRank', 'Test-RankingPayload'
        (Get-Command -Module CXoneRanking).Name | Sort-Object | Where-Object { $_ -in $expected } | Should -Be $expected
        (Get-Command -Module CXoneRanking).CommandType | Sort-Object -Unique | Should -Be 'Cmdlet'
    }

    It 'does not ship System.Management.Automation.dll' {
        Join-Path (Split-Path $env:CXONERANKING_MODULE_PATH) 'System.Management.Automation.dll' | Should -Not -Exist
    }

    It 'passes Test-ModuleManifest' {
        $manifest = Test-ModuleManifest $env:CXONERANKING_MODULE_PATH
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.CompatiblePSEditions | Should -Be 'Desktop', 'Core'
    }
}

Describe 'New-SnippetRank' {
    It 'builds a rank from parameters at the prompt' {
        $rank = New-SnippetRank -SnippetId KB-1 -RelevanceScore 0.9 -BoostFactor 1.5 -SessionId s-1 -Metadata @{ category = 'billing' }
        $rank | Should -BeOfType ([CXoneRanking.SnippetRank])
        $rank.SnippetId | Should -Be 'KB-1'
        $rank.BoostFactor | Should -Be 1.5
        $rank.Metadata['CATEGORY'] | Should -Be 'billing'
    }

    It 'reads CSV rows with invariant numbers under a de-DE culture' {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $ranks = Import-Csv $csv | New-SnippetRank -MetadataProperty category
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $ranks.Count | Should -Be 6
        $ranks[0].RelevanceScore | Should -Be 0.92
        $ranks[0].BoostFactor | Should -Be 1.2
        $ranks[3].BoostFactor | Should -Be 1.0 -Because 'an empty boost cell means no boost'
        $ranks[4].Metadata['category'] | Should -Be 'spam'
    }

    It 'matches columns case-insensitively on objects and hashtables' {
        $fromObject = [pscustomobject]@{ SESSIONID = 's'; ID = 'a'; SCORE = 0.5 } | New-SnippetRank
        $fromHashtable = @{ Session_Id = 's'; snippet_ID = 'b'; Relevance_Score = '0.25'; boost = 2 } | New-SnippetRank
        $fromObject.SnippetId | Should -Be 'a'
        $fromHashtable.RelevanceScore | Should -Be 0.25
        $fromHashtable.BoostFactor | Should -Be 2
    }

    It 'gives one named error per bad row, with the row as target, and goes on' {
        $rows = @(
            [pscustomobject]@{ session_id = 's'; snippet_id = 'good-1'; relevance_score = '0.5' }
            [pscustomobject]@{ session_id = 's'; snippet_id = 'bad-score'; relevance_score = 'abc' }
            [pscustomobject]@{ session_id = 's'; snippet_id = 'bad-comma'; relevance_score = '0,5' }
            [pscustomobject]@{ session_id = 's'; snippet_id = 'bad-range'; relevance_score = '1.0001' }
            [pscustomobject]@{ session_id = 's'; snippet_id = 'bad-boost'; relevance_score = '0.5'; boost_factor = '11' }
            [pscustomobject]@{ session_id = 's'; snippet_id = ''; relevance_score = '0.5' }
            [pscustomobject]@{ session_id = 's'; snippet_id = ('x' * 129); relevance_score = '0.5' }
            [pscustomobject]@{ session_id = 's'; snippet_id = "tab`there"; relevance_score = '0.5' }
            [pscustomobject]@{ session_id = 's'; snippet_id = 'good-2'; relevance_score = '1' }
        )
        $ranks = $rows | New-SnippetRank -ErrorVariable errs -ErrorAction SilentlyContinue
        $ranks.SnippetId | Should -Be 'good-1', 'good-2'
        $errs.Count | Should -Be 7
        $errs.FullyQualifiedErrorId | Should -Be @(
            'InvalidRelevanceScore,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            'InvalidRelevanceScore,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            'InvalidRelevanceScore,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            'InvalidBoostFactor,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            'InvalidSnippetId,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            'InvalidSnippetId,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
            'InvalidSnippetId,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
        )
        $errs[0].Exception.Message | Should -BeLike "input 2 (session 's', snippet 'bad-score'): relevance score 'abc' is not a number*"
        $errs[0].TargetObject | Should -Be $rows[1]
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'weights signal columns into the relevance score' {
        $rank = [pscustomobject]@{ session_id = 's'; snippet_id = 'a'; semantic = '0.9'; keyword = '0.5' } |
            New-SnippetRank -SignalWeight @{ semantic = 0.7; keyword = 0.3 }
        $rank.RelevanceScore | Should -BeGreaterThan 0.7799
        $rank.RelevanceScore | Should -BeLessThan 0.7801
    }

    It 'refuses signal weights that do not sum to 1 with a terminating error' {
        { [pscustomobject]@{ snippet_id = 'a' } | New-SnippetRank -SignalWeight @{ a = 0.5; b = 0.4 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSignalWeight,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
    }
}

Describe 'New-BoostDirective' {
    It 'creates boost and exclude rules' {
        $boost = New-BoostDirective -MetadataKey category -Value 'bill*' -Factor 1.5
        $exclude = New-BoostDirective category spam -Exclude
        $boost.Factor | Should -Be 1.5
        $exclude.Exclude | Should -BeTrue
    }

    It 'refuses a factor outside (0, 10]' {
        New-BoostDirective category x -Factor 0 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidBoostDirective,*'
    }

    It 'reads rules from a JSON file' {
        $file = Join-Path $TestDrive 'directives.json'
        '[{"metadata_key":"category","value":"billing","factor":1.5},{"metadata_key":"category","value":"spam","exclude":true}]' |
            Set-Content $file
        $rules = New-BoostDirective -Path $file
        $rules.Count | Should -Be 2
        $rules[1].Exclude | Should -BeTrue
    }

    It 'says where a bad JSON file is wrong, and which file' {
        $file = Join-Path $TestDrive 'bad.json'
        '[{"metadata_key":"category","value":"billing","factor":15}]' | Set-Content $file
        New-BoostDirective -Path $file -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidDirectiveFile,*'
        $errs[0].Exception.Message | Should -BeLike 'bad.json: rule 1 ($`[0`]): factor 15 is outside (0, 10]*'
        $errs[0].TargetObject | Should -Be $file
    }

    It 'reports a missing file as not found' {
        New-BoostDirective -Path (Join-Path $TestDrive 'none.json') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'DirectiveFileNotFound,*'
    }
}

Describe 'Test-RankingPayload' {
    It 'returns one result per session, in first-seen order, with the exact payload' {
        $results = Import-Csv $csv | New-SnippetRank -MetadataProperty category | Test-RankingPayload -MaxResultWindow 2
        $results.SessionId | Should -Be 's-1', 's-2'
        $results[0].IsValid | Should -BeTrue
        $results[0].Payload.Snippets.SnippetId | Should -Be 'KB-001', 'KB-003' -Because '0.78 x 1.1 = 0.858 beats 0.85'
        $results[0].Payload.ToJson() | Should -Match ('^' + [regex]::Escape('{"session_id":"s-1","max_result_window":2,"snippets":[{"snippet_id":"KB-001","relevance_score":1,'))
        $results[0].Warnings.Code | Should -Contain 'Truncated'
    }

    It 'applies directives read from a JSON file' {
        $file = Join-Path $TestDrive 'rules.json'
        '[{"metadata_key":"category","value":"spam","exclude":true},{"metadata_key":"category","value":"bill*","factor":2}]' | Set-Content $file
        $result = Import-Csv $csv | New-SnippetRank -MetadataProperty category |
            Test-RankingPayload -BoostDirective (New-BoostDirective -Path $file) | Where-Object SessionId -eq 's-2'
        $result.Payload.Snippets.SnippetId | Should -Be 'KB-010', 'KB-012'
        $result.Payload.Snippets[0].Explanation | Should -Be '0.4 x boost 1.0 x rule(category=bill*) 2.0 = 0.8'
    }

    It 'reports every problem of a session, not only the first' {
        $ranks = @(
            New-SnippetRank KB-1 0.9 -SessionId s
            New-SnippetRank KB-1 0.8 -SessionId s
            New-SnippetRank KB-2 0.9 -BoostFactor 2 -SessionId s
        )
        $result = $ranks | Test-RankingPayload -Overflow Error
        $result.IsValid | Should -BeFalse
        $result.Payload | Should -BeNullOrEmpty
        $result.Errors.Code | Should -Be 'DuplicateSnippetId', 'ScoreOverflow'
        $result.Errors[1].SnippetId | Should -Be 'KB-2'
    }

    It 'uses -SessionId for ranks that carry none' {
        (New-SnippetRank a 0.5 | Test-RankingPayload -SessionId fallback).SessionId | Should -Be 'fallback'
        (New-SnippetRank a 0.5 | Test-RankingPayload).Errors[0].Code | Should -Be 'MissingSessionId'
    }

    It '-Quiet returns one bool for everything' {
        Import-Csv $csv | New-SnippetRank | Test-RankingPayload -Quiet | Should -BeExactly $true
        @(New-SnippetRank a 0.5 -SessionId s; New-SnippetRank a 0.5 -SessionId s) | Test-RankingPayload -Quiet | Should -BeExactly $false
    }

    It 'says a line per session and each issue in -Verbose, and nothing without it' {
        $ranks = @(New-SnippetRank a 0.5 -SessionId s-1; New-SnippetRank a 0.4 -SessionId s-1; New-SnippetRank b 0.5 -SessionId s-2)
        $lines = @($ranks | Test-RankingPayload -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $lines[0] | Should -BeLike "Session 's-1': invalid, 0 snippet(s), 1 error(s), 0 warning(s)."
        $lines[1] | Should -BeLike '*appears twice*'
        $lines[2] | Should -BeLike "Session 's-2': valid, 1 snippet(s), 0 error(s)*"
        @($ranks | Test-RankingPayload 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
        & { $VerbosePreference = 'Continue'; @($ranks | Test-RankingPayload 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count } | Should -Be 3
    }

    It '-Normalize scales before boosts' {
        $result = @(New-SnippetRank a 0.2 -SessionId s; New-SnippetRank b 0.6 -SessionId s) | Test-RankingPayload -Normalize
        $result.Payload.Snippets.Score | Should -Be 1.0, 0.0
    }

    It 'refuses a window outside 1..50 at binding' {
        { New-SnippetRank a 0.5 -SessionId s | Test-RankingPayload -MaxResultWindow 51 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Formatting' {
    It 'renders results, ranked snippets, ranks and directives as tables' {
        $result = Import-Csv $csv | New-SnippetRank -MetadataProperty category | Test-RankingPayload
        ($result | Format-Table | Out-String) | Should -Match 'SessionId\s+IsValid\s+Snippets\s+Errors\s+Warnings\s+FirstProblem'
        ($result[0].Payload.Snippets | Out-String) | Should -Match '#\s+SnippetId\s+FinalScore\s+Relevance\s+Boost\s+Explanation'
        ($result[0].Payload.Snippets | Out-String) | Should -Match '1 KB-001\s+1\.0\s'
        (New-SnippetRank a 0.5 -Metadata @{ b = 2; a = 1 } | Out-String) | Should -Match 'a=1; b=2'
        (New-BoostDirective c x -Factor 1.5 | Out-String) | Should -Match 'boost x1\.5'
    }

    It 'shows a ranked snippet''s scores with the precision and decimal dot of its explanation, in <_>' -ForEach 'en-US', 'de-DE' {
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            $snippets = (New-SnippetRank KB-1 0.89 -BoostFactor 0.8 -SessionId s | Test-RankingPayload).Snippets
            $line = ($snippets | Out-String -Width 200) -split "`n" | Where-Object { $_ -match 'KB-1' }
            $line | Should -Match '^\s*1 KB-1\s+0\.712\s+0\.89\s+0\.8\s+0\.89 x boost 0\.8 = 0\.712\s*$'
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
    }
}

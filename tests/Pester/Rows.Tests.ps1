#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What a piped row becomes: metadata that answers member access whatever its count of keys, a refused
# row that holds its session back (-InvalidRowAction DropSession), row errors that name the session and
# the row counted alike by every cmdlet, -BoostDirective taking a path, and a rule that both boosts and
# excludes refused by name. Submit-SnippetRanking and Search-CXoneExpert run against the local emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator, $clientSecret, $secureSecret, $auditDir, $connection = Initialize-SubmitSuite $TestDrive

    # One rank per count of metadata keys: 0, 1 and 2, read from piped rows as a CSV would give them.
    function New-MetadataRank([string] $SessionId) {
        $row = [pscustomobject]@{ session_id = $SessionId; snippet_id = 'KB-1'; relevance_score = '0.5'; category = 'billing'; tier = 'gold' }
        @{
            0 = $row | New-SnippetRank
            1 = $row | New-SnippetRank -MetadataProperty category
            2 = $row | New-SnippetRank -MetadataProperty category, tier
        }
    }

    # What a script reads of one metadata object.
    function Read-Metadata($Metadata) {
        [pscustomobject]@{
            Dot   = $Metadata.category
            Index = $Metadata['category']
            Keys  = @($Metadata.Keys)
            Count = $Metadata.Count
            Json  = $Metadata | ConvertTo-Json -Compress
        }
    }

    function Assert-Metadata($Metadata, [int] $Keys) {
        $read = Read-Metadata $Metadata
        $expected = if ($Keys -gt 0) { 'billing' } else { $null }
        $read.Dot | Should -Be $expected -Because "member access on $Keys key(s)"
        $read.Index | Should -Be $expected -Because "indexing on $Keys key(s)"
        $read.Count | Should -Be $Keys
        $read.Keys.Count | Should -Be $Keys
        $json = $read.Json | ConvertFrom-Json -AsHashtable
        $json.Count | Should -Be $Keys -Because "ConvertTo-Json of $Keys key(s) gives $($read.Json)"
        if ($Keys -gt 0) { $json['category'] | Should -Be 'billing' }
    }
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Metadata on every output that carries it' {
    It 'answers .key, [key], .Keys, .Count and ConvertTo-Json alike on New-SnippetRank output with <_> key(s)' -ForEach 0, 1, 2 {
        Assert-Metadata (New-MetadataRank 'meta-new')[$_].Metadata $_
    }

    It 'answers alike on Test-RankingPayload snippets with <_> key(s)' -ForEach 0, 1, 2 {
        $result = (New-MetadataRank 'meta-test')[$_] | Test-RankingPayload
        Assert-Metadata $result.Snippets[0].Metadata $_
    }

    It 'answers alike on Submit-SnippetRanking results with <_> key(s)' -ForEach 0, 1, 2 {
        $result = (New-MetadataRank "meta-submit-$_")[$_] | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        Assert-Metadata $result.Ranking[0].Metadata $_
    }

    It 'reads as a Hashtable does for a missing key and refuses changes' {
        $metadata = ((New-MetadataRank 'meta-ro')[1] | Test-RankingPayload).Snippets[0].Metadata
        $metadata.missing | Should -BeNullOrEmpty
        $metadata['missing'] | Should -BeNullOrEmpty
        { $metadata['tier'] = 'gold' } | Should -Throw
    }
}

Describe 'Metadata of Search-CXoneExpert ranks' {
    BeforeAll {
        $key = 'rows-expert-key'
        $secret = 'Rows-Expert-Secret-77d1'
        $expertEmulator = Start-CXoneEmulator -ArgumentList '--expert-key', $key, '--expert-secret', $secret
        $token = [pscredential]::new($key, (ConvertTo-SecureString $secret -AsPlainText -Force))
        $null = Connect-CXoneExpert -Site $expertEmulator.Uri -Credential $token -User '=admin' -AuditPath (Join-Path $TestDrive 'expert-audit')
    }

    AfterAll {
        Disconnect-CXoneExpert
        if ($expertEmulator) { Stop-CXoneEmulator $expertEmulator }
    }

    It 'answers .key and [key] alike on the ranks and on their ranked snippets' {
        $ranks = @(Search-CXoneExpert -Query chargeback -SessionId rows-expert)
        $ranks.Count | Should -Be 1
        foreach ($metadata in @($ranks[0].Metadata, ($ranks | Test-RankingPayload).Snippets[0].Metadata)) {
            $metadata.title | Should -Not -BeNullOrEmpty
            $metadata.title | Should -Be $metadata['title']
            $metadata.Count | Should -Be @($metadata.Keys).Count
            ($metadata | ConvertTo-Json -Compress | ConvertFrom-Json -AsHashtable)['title'] | Should -Be $metadata.title
        }
    }
}

Describe 'A refused row under -InvalidRowAction' {
    BeforeAll {
        $rows = @(
            [pscustomobject]@{ session_id = 'hold-1'; snippet_id = 'KB-1'; relevance_score = '0.9' }
            [pscustomobject]@{ session_id = 'hold-1'; snippet_id = 'KB-2'; relevance_score = 'abc' }
            [pscustomobject]@{ session_id = 'hold-2'; snippet_id = 'KB-3'; relevance_score = '0.5' }
        )
    }

    It 'drops the row alone by default: the session is ranked without it' {
        $results = @($rows | New-SnippetRank -ErrorAction SilentlyContinue | Test-RankingPayload)
        $results.IsValid | Should -Be $true, $true
        $results[0].Snippets.SnippetId | Should -Be 'KB-1'
    }

    It 'with DropSession, reports the row and passes on a stand-in that makes Test-RankingPayload find its session invalid' {
        $ranks = @($rows | New-SnippetRank -InvalidRowAction DropSession -ErrorVariable refused -ErrorAction SilentlyContinue)

        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRelevanceScore,*'
        $refused[0].TargetObject | Should -Be $rows[1]
        $ranks.Count | Should -Be 3
        $ranks[1].SessionId | Should -Be 'hold-1'
        $ranks[1].RowError | Should -BeLike "InvalidRelevanceScore: input 2 (session 'hold-1', snippet 'KB-2'): *"
        $results = @($ranks | Test-RankingPayload)
        $results[0].IsValid | Should -BeFalse
        $results[0].Payload | Should -BeNullOrEmpty
        $results[0].Errors.Code | Should -Be 'SessionHeldBack'
        $results[0].Errors[0].Message | Should -BeLike "*input 2 (session 'hold-1', snippet 'KB-2')*"
        $results[1].IsValid | Should -BeTrue
        ($ranks | Test-RankingPayload -Quiet) | Should -BeFalse
    }

    It 'keeps the mark through Export-Csv and Import-Csv' {
        $file = Join-Path $TestDrive 'held.csv'
        $rows | New-SnippetRank -InvalidRowAction DropSession -ErrorAction SilentlyContinue | Export-Csv $file
        $results = @(Import-Csv $file | New-SnippetRank -ErrorVariable again | Test-RankingPayload)
        $again.Count | Should -Be 0 -Because 'the row was reported when it was first read'
        $results.IsValid | Should -Be $false, $true
        $results[0].Errors.Code | Should -Be 'SessionHeldBack'
    }

    It 'makes Submit-SnippetRanking send nothing for the session and audit it with the reason' {
        $results = @($rows | New-SnippetRank -InvalidRowAction DropSession -ErrorAction SilentlyContinue |
                Submit-SnippetRanking -ErrorVariable failed -ErrorAction SilentlyContinue)

        ($results | Sort-Object SessionId).Status | Should -Be 'InvalidRanking', 'Succeeded'
        Get-RankingPost $emulator 'hold-1' | Should -BeNullOrEmpty
        Get-RankingPost $emulator 'hold-2' | Should -Not -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 'hold-1'
        $failed[0].Exception.Message | Should -BeLike '*held back whole*input 2*'
        $entry = Get-AuditEntry $auditDir | Where-Object session_id -EQ 'hold-1'
        $entry.event | Should -Be 'ranking.failed'
        $entry.error | Should -BeLike "session 'hold-1' is held back whole (New-SnippetRank -InvalidRowAction DropSession) for its refused row: *input 2*; nothing was sent"
    }
}

Describe 'Row errors name the session and the row, counted alike by every cmdlet' {
    It 'numbers a row by its place in the whole input, in New-SnippetRank and Test-RankingPayload alike' {
        $rows = @(
            [pscustomobject]@{ session_id = 'n-1'; snippet_id = 'KB-1'; relevance_score = '0.9' }
            [pscustomobject]@{ session_id = 'n-2'; snippet_id = 'KB-2'; relevance_score = '0.8' }
            [pscustomobject]@{ session_id = 'n-2'; snippet_id = ''; relevance_score = '0.7' }
        )
        $null = $rows | New-SnippetRank -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].Exception.Message | Should -Be "input 3 (session 'n-2'): the snippet id is empty"
        $refused[0].TargetObject | Should -Be $rows[2]

        # The same third object, built in code: Test-RankingPayload numbers it 3 as well, not 2 within its session.
        $ranks = @(
            New-SnippetRank KB-1 0.9 -SessionId n-1
            New-SnippetRank KB-2 0.8 -SessionId n-2
            [CXoneRanking.SnippetRank]@{ SessionId = 'n-2'; SnippetId = ''; RelevanceScore = 0.7 }
        )
        $result = $ranks | Test-RankingPayload | Where-Object SessionId -EQ 'n-2'
        $result.Errors[0].Message | Should -Be "input 3 (session 'n-2'): the snippet id is empty"
        (Test-RankingPayload -InputObject $ranks | Where-Object SessionId -EQ 'n-2').Errors[0].Message |
            Should -Be $result.Errors[0].Message -Because 'an array given whole counts its items as piped objects'
    }

    It 'names the original row downstream: New-SnippetRank stamps InputNumber, Test-RankingPayload and Submit-SnippetRanking report it' {
        # Rows 2 and 3 are refused by New-SnippetRank, so row 5 is the third rank Test-RankingPayload receives.
        $rows = @(
            [pscustomobject]@{ session_id = 'o-1'; snippet_id = 'KB-1'; relevance_score = '0.9' }
            [pscustomobject]@{ session_id = 'o-1'; snippet_id = ''; relevance_score = '0.8' }
            [pscustomobject]@{ session_id = 'o-1'; snippet_id = 'KB-3'; relevance_score = '0,7' }
            [pscustomobject]@{ session_id = 'o-2'; snippet_id = 'KB-4'; relevance_score = '0.6' }
            [pscustomobject]@{ session_id = 'o-1'; snippet_id = 'KB-1'; relevance_score = '0.5' }
        )
        $ranks = @($rows | New-SnippetRank -ErrorAction SilentlyContinue)
        $ranks.InputNumber | Should -Be 1, 4, 5
        $expected = "snippet 'KB-1' appears twice in session 'o-1': input 1 (relevance 0.9, boost 1) and input 5 (relevance 0.5, boost 1)"
        ($ranks | Test-RankingPayload | Where-Object SessionId -EQ 'o-1').Errors[0].Message | Should -Be $expected
        $null = $ranks | Submit-SnippetRanking -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.Message | Should -BeLike "*$expected*"
        $failed[0].Exception.Message | Should -Not -BeLike '*input 3*'
    }

    It 'refuses a row without a session id as MissingSessionId, naming the row and its snippet, and ranks nothing for it' {
        $rows = @(
            [pscustomobject]@{ session_id = 'm-1'; snippet_id = 'KB-1'; relevance_score = '0.9' }
            [pscustomobject]@{ session_id = ''; snippet_id = 'KB-903'; relevance_score = '0.6' }
        )
        $ranks = @($rows | New-SnippetRank -ErrorVariable refused -ErrorAction SilentlyContinue)
        $ranks.SnippetId | Should -Be 'KB-1'
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'MissingSessionId,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
        $refused[0].Exception.Message | Should -BeLike "input 2 (no session, snippet 'KB-903'): *session id*-SessionId*"
        $refused[0].TargetObject | Should -Be $rows[1]
        ($ranks | Test-RankingPayload).SessionId | Should -Be 'm-1'

        $held = @($rows | New-SnippetRank -InvalidRowAction DropSession -ErrorAction SilentlyContinue)
        $held.SnippetId | Should -Be 'KB-1' -Because 'a row of no session has no session to hold back'
        ($rows | New-SnippetRank -SessionId fallback | Select-Object -Last 1).SessionId | Should -Be 'fallback'
    }

    It 'names the input of something that is not a rank' {
        $null = @((New-SnippetRank KB-1 0.9 -SessionId u-1), 'oops') | Test-RankingPayload -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedInput,*'
        $refused[0].Exception.Message | Should -BeLike 'Cannot rank input 2, a String*'
    }
}

Describe '-BoostDirective and -TreatmentDirective take a path' {
    BeforeAll {
        $folder = Join-Path $TestDrive 'rules'
        $null = New-Item $folder -ItemType Directory -Force
        '[{"metadata_key": "category", "value": "billing", "factor": 2.0}]' | Set-Content (Join-Path $folder 'boost.json')
        '[{"metadata_key": "category", "value": "spam", "exclude": true}]' | Set-Content (Join-Path $folder 'exclude.json')
        '[{"metadata_key": "category", "factor": 99}' | Set-Content (Join-Path $folder 'broken.json')
        $ranks = @(
            New-SnippetRank KB-1 0.4 -SessionId p-1 -Metadata @{ category = 'billing' }
            New-SnippetRank KB-2 0.6 -SessionId p-1 -Metadata @{ category = 'technical' }
            New-SnippetRank KB-3 0.9 -SessionId p-1 -Metadata @{ category = 'spam' }
        )
    }

    It 'reads a relative path against the PowerShell location, as New-BoostDirective -Path does' {
        $expected = $ranks | Test-RankingPayload -BoostDirective (New-BoostDirective -Path (Join-Path $folder 'boost.json'))
        Push-Location $folder
        try { $result = $ranks | Test-RankingPayload -BoostDirective ./boost.json }
        finally { Pop-Location }
        $result.Snippets.SnippetId | Should -Be 'KB-3', 'KB-1', 'KB-2'
        $result.ToJson() | Should -Be $expected.ToJson()
    }

    It 'takes a file, wildcards, and rules and paths mixed' {
        $fromFile = $ranks | Test-RankingPayload -BoostDirective (Get-Item (Join-Path $folder 'exclude.json'))
        $fromFile.Snippets.SnippetId | Should -Be 'KB-2', 'KB-1'
        $mixed = $ranks | Test-RankingPayload -BoostDirective (New-BoostDirective category technical 3), (Join-Path $folder 'ex*.json')
        $mixed.Snippets.SnippetId | Should -Be 'KB-2', 'KB-1'
        $mixed.Snippets[0].BoostFactor | Should -Be 3
    }

    It 'takes a path for -TreatmentDirective' {
        $result = $ranks | Test-RankingPayload -Experiment rows-exp -TreatmentPercent 99 -TreatmentDirective (Join-Path $folder 'boost.json')
        $result.Arm | Should -BeIn 'Control', 'Treatment'
        $second = if ($result.Arm -eq 'Treatment') { 'KB-1' } else { 'KB-2' }
        $result.Snippets[1].SnippetId | Should -Be $second -Because "the $($result.Arm) arm applies the file's boost only in Treatment"
    }

    It 'fails the binding with New-BoostDirective''s words for <Case>' -ForEach @(
        @{ Case = 'a missing file'; Name = 'missing.json'; Like = "*Cannot find path*missing.json*" }
        @{ Case = 'a broken file'; Name = 'broken.json'; Like = '*broken.json: not valid JSON*' }
    ) {
        { $ranks | Test-RankingPayload -BoostDirective (Join-Path $folder $Name) -ErrorAction Stop } |
            Should -Throw -ExpectedMessage $Like -ErrorId 'ParameterArgumentTransformationError,*'
    }
}

Describe 'An empty rule set means no rules' {
    # The learning loop on a new audit log: nothing to suggest, so the learned file holds no rules. The
    # documented next step must then rank as without directives, not fail with "The argument is null".
    BeforeAll {
        $folder = Join-Path $TestDrive 'empty-rules'
        $null = New-Item $folder -ItemType Directory -Force
        $newLog = Join-Path $TestDrive 'new-audit'
        $null = New-Item $newLog -ItemType Directory -Force
        Get-SnippetBoostSuggestion -AuditPath $newLog -AsDirective -WarningAction SilentlyContinue |
            Export-BoostDirective -Path (Join-Path $folder 'learned.json')
        Set-Content (Join-Path $folder 'blank.json') -Value '' -NoNewline
        $ranks = @(
            New-SnippetRank KB-1 0.4 -SessionId empty-1 -Metadata @{ category = 'billing' }
            New-SnippetRank KB-2 0.6 -SessionId empty-1 -Metadata @{ category = 'technical' }
        )
        $plain = $ranks | Test-RankingPayload
    }

    It 'Test-RankingPayload ranks as without directives for <Case>' -ForEach @(
        @{ Case = 'New-BoostDirective -Path of the learned file'; Form = 'cmdlet'; Name = 'learned.json' }
        @{ Case = 'the learned file''s path'; Form = 'path'; Name = 'learned.json' }
        @{ Case = 'New-BoostDirective -Path of an empty file'; Form = 'cmdlet'; Name = 'blank.json' }
        @{ Case = 'an empty file''s path'; Form = 'path'; Name = 'blank.json' }
    ) {
        Push-Location $folder
        try {
            $result = if ($Form -eq 'cmdlet') { $ranks | Test-RankingPayload -BoostDirective (New-BoostDirective -Path $Name) -ErrorAction Stop }
            else { $ranks | Test-RankingPayload -BoostDirective "./$Name" -ErrorAction Stop }
        }
        finally { Pop-Location }
        $result.IsValid | Should -BeTrue
        $result.ToJson() | Should -Be $plain.ToJson()
    }

    It 'takes an empty rule set for -TreatmentDirective, and $null or @() for either' {
        $treated = $ranks | Test-RankingPayload -Experiment empty-exp -TreatmentPercent 99 -TreatmentDirective (Join-Path $folder 'learned.json') -ErrorAction Stop
        $treated.Snippets.SnippetId | Should -Be 'KB-2', 'KB-1'
        ($ranks | Test-RankingPayload -BoostDirective $null -ErrorAction Stop).ToJson() | Should -Be $plain.ToJson()
        ($ranks | Test-RankingPayload -BoostDirective @() -TreatmentDirective $null -Experiment empty-exp -ErrorAction Stop).Snippets.SnippetId |
            Should -Be 'KB-2', 'KB-1'
    }

    It 'Submit-SnippetRanking sends the ranking as without directives for <Case>' -ForEach @(
        @{ Case = 'New-BoostDirective -Path of the learned file'; Form = 'cmdlet'; Target = 'empty-s1' }
        @{ Case = 'the learned file''s path'; Form = 'path'; Target = 'empty-s2' }
    ) {
        $file = Join-Path $folder 'learned.json'
        $session = @(
            New-SnippetRank KB-1 0.4 -SessionId $Target
            New-SnippetRank KB-2 0.6 -SessionId $Target
        )
        $result = if ($Form -eq 'cmdlet') { $session | Submit-SnippetRanking -BoostDirective (New-BoostDirective -Path $file) -ErrorAction Stop }
        else { $session | Submit-SnippetRanking -BoostDirective $file -ErrorAction Stop }
        $result.Status | Should -Be 'Succeeded'
        (Get-AppliedRanking $emulator $Target).payload.snippets.snippet_id | Should -Be 'KB-2', 'KB-1'
    }
}

Describe 'New-BoostDirective with both -Factor and -Exclude' {
    It 'says plainly that a rule either boosts or excludes, for <Case>' -ForEach @(
        @{ Case = 'a metadata rule'; Splat = @{ MetadataKey = 'category'; Value = 'spam'; Factor = 1.2; Exclude = $true } }
        @{ Case = 'a snippet id rule'; Splat = @{ SnippetId = 'KB-*'; Factor = 1.2; Exclude = $true } }
    ) {
        $rule = New-BoostDirective @Splat -ErrorVariable refused -ErrorAction SilentlyContinue
        $rule | Should -BeNullOrEmpty
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'BoostOrExclude,CXoneRanking.PowerShell.Cmdlets.NewBoostDirectiveCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[0].Exception.Message | Should -BeLike '*either boosts (-Factor) or excludes (-Exclude), not both*'
    }

    It 'refuses a CSV rule whose factor is not a number with its input number and value, and reads the other rules' {
        $file = Join-Path $TestDrive 'rules.csv'
        "metadata_key,value,factor`ncategory,billing,1.5`ncategory,returns,abc`ncategory,technical,`"0,8`"`ncategory,escalation,2" |
            Set-Content $file
        $rules = @(Import-Csv $file | New-BoostDirective -ErrorVariable refused -ErrorAction SilentlyContinue)
        $rules.Value | Should -Be 'billing', 'escalation'
        $rules.Factor | Should -Be 1.5, 2
        $refused.Count | Should -Be 2
        $refused[0].FullyQualifiedErrorId | Should -Be 'InvalidBoostDirective,CXoneRanking.PowerShell.Cmdlets.NewBoostDirectiveCommand'
        $refused[0].Exception.Message | Should -Be "Boost directive on 'category', input 2: factor 'abc' is not a number (write decimals with a dot, as in 0.5)."
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[1].Exception.Message | Should -BeLike "*input 3*"
    }

    It 'still makes a plain exclusion and a plain boost' {
        (New-BoostDirective category spam -Exclude).Exclude | Should -BeTrue
        (New-BoostDirective category billing 1.2).Factor | Should -Be 1.2
    }
}

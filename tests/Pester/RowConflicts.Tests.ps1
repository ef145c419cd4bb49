#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# A piped row that says one thing twice, or says it in a form the wire cannot carry, is refused by
# name and nothing is sent for it (attacker report F0, F6, F7, F9). Submit-SnippetRanking runs against
# the local emulator, so "nothing is sent" is what the emulator's journal shows.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator, $clientSecret, $secureSecret, $auditDir, $connection = Initialize-SubmitSuite $TestDrive
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Two columns for one field' {
    It 'refuses a CSV with snippet_id and id columns and sends nothing, not the row numbers' {
        $csv = Join-Path $TestDrive 'alias2.csv'
        Set-Content $csv -Value 'session_id,snippet_id,relevance_score,boost_factor,id,boost',
        'alias2-1,KB-10,0.95,1.5,1,', 'alias2-1,KB-11,0.40,1.0,2,'

        $results = @(Import-Csv $csv | New-SnippetRank -ErrorVariable refused -ErrorAction SilentlyContinue | Submit-SnippetRanking)

        $results | Should -BeNullOrEmpty
        Get-RankingPost $emulator 'alias2-1' | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -Be 'AmbiguousColumn,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand',
        'AmbiguousColumn,CXoneRanking.PowerShell.Cmdlets.NewSnippetRankCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $refused[0].Exception.Message |
            Should -Be "input 1 (session 'alias2-1'): the snippet id is given twice: columns 'snippet_id' and 'id'; rename or remove one"
        $refused[1].Exception.Message | Should -BeLike 'input 2 *'
    }

    It 'refuses a relevance_score beside a raw score column even where both hold the same value' {
        $rows = [pscustomobject]@{ session_id = 'alias-1'; snippet_id = 'KB-10'; relevance_score = '0.95'; score = '12' },
        [pscustomobject]@{ session_id = 'alias-1'; snippet_id = 'KB-11'; relevance_score = '0.4'; score = '0.4' }

        $ranks = @($rows | New-SnippetRank -ErrorVariable refused -ErrorAction SilentlyContinue)

        $ranks | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'AmbiguousColumn,*' }
        $refused[1].Exception.Message | Should -BeLike "*snippet 'KB-11'*relevance score is given twice: columns 'relevance_score' and 'score'*"
    }

    It 'refuses an object with SnippetId, snippet_id and Id' {
        $row = [pscustomobject]@{ session_id = 's'; snippet_id = 'A'; SnippetId = 'B'; Id = 'C'; relevance_score = '0.5' }
        $row | New-SnippetRank -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -BeLike 'AmbiguousColumn,*'
    }
}

Describe 'Metadata the wire cannot carry' {
    It 'refuses a nested table as a metadata value, naming its key, even when it came from command output' {
        New-SnippetRank K 0.5 -SessionId s -Metadata @{ a = @{ b = @(1, 2) } } -ErrorVariable nested -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        New-SnippetRank K 0.5 -SessionId s -Metadata @{ a = (Write-Output @{ b = 1 }) } -ErrorVariable wrapped -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        foreach ($refused in $nested, $wrapped) {
            $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidMetadata,*'
            $refused[0].Exception.Message | Should -BeLike "*the value of metadata key 'a' is a table*"
        }
    }

    It 'refuses metadata keys that differ only in case, so an exclude rule on either cannot miss; nothing is sent' {
        $metadata = [hashtable]::new([StringComparer]::Ordinal)
        $metadata['category'] = 'billing'
        $metadata['Category'] = 'internal-secret'
        $exclude = New-BoostDirective -MetadataKey category -Value 'internal-*' -Exclude

        $results = @(New-SnippetRank KB-1 0.5 -SessionId case-1 -Metadata $metadata -ErrorVariable refused -ErrorAction SilentlyContinue |
                Submit-SnippetRanking -BoostDirective $exclude)

        $results | Should -BeNullOrEmpty
        Get-RankingPost $emulator 'case-1' | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidMetadata,*'
        $refused[0].Exception.Message | Should -BeLike "*metadata keys '*ategory' and '*ategory' differ only in letter case*"
    }
}

Describe 'Text that is not valid Unicode' {
    It 'refuses a snippet id with a lone surrogate instead of sending U+FFFD' {
        New-SnippetRank "KB`u{D800}" 0.5 -SessionId s -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidSnippetId,*'
        $refused[0].Exception.Message | Should -BeLike '*unpaired surrogate U+D800 at position 3*'
    }

    It 'refuses a metadata value with a lone surrogate' {
        New-SnippetRank KB-1 0.5 -SessionId s -Metadata @{ k = "v`u{DC00}" } -ErrorVariable refused -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidMetadata,*'
    }

    It 'refuses a session id with a lone surrogate and sends nothing' {
        $result = New-SnippetRank KB-1 0.5 -SessionId "bad-`u{D800}" | Test-RankingPayload
        $result.IsValid | Should -BeFalse
        $result.Errors.Code | Should -Contain 'InvalidSessionId'
    }

    It 'accepts ids with whole surrogate pairs' {
        (New-SnippetRank "KB-`u{1F600}" 0.5 -SessionId "s-`u{1F600}" | Test-RankingPayload).IsValid | Should -BeTrue
    }
}

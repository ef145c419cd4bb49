#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# -WhatIf, connected and before connecting: says what would be sent, sends and audits nothing.
# One of the Submit.*.Tests.ps1 files (Submit-SnippetRanking end to end against the local CXone
# emulator). The emulator's journal and its /_emulator/rankings endpoint are the witnesses: they
# show what the module really sent. The helpers are in TestSupport.psm1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator, $clientSecret, $secureSecret, $auditDir, $connection = Initialize-SubmitSuite $TestDrive
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Submit-SnippetRanking -WhatIf' {
    BeforeAll {
        $whatIfAudit = Join-Path $TestDrive 'audit-whatif'
        $whatIfConnection = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $whatIfAudit -PassThru
    }
    AfterAll {
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }

    It 'says per session what would be sent, and sends and audits nothing' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $journalBefore = @(Get-Journal $emulator).Count
        $null = Start-Transcript -Path $transcript
        try {
            $output = @(@(New-TestRank 'wi-1' 3) + @(New-TestRank 'wi-2' 2) | Submit-SnippetRanking -WhatIf)
        }
        finally { $null = Stop-Transcript }

        $output | Should -BeNullOrEmpty -Because '-WhatIf returns no results'
        $text = Get-Content $transcript -Raw
        $text | Should -Match "What if: .*Submit a ranking of 3 snippet\(s\) \(KB-001, KB-002, KB-003\).*session 'wi-1'"
        $text | Should -Match "What if: .*Submit a ranking of 2 snippet\(s\) \(KB-001, KB-002\).*session 'wi-2'"
        @(Get-Journal $emulator).Count | Should -Be $journalBefore -Because 'nothing at all reaches the API'
        Get-RankingPost $emulator 'wi-1' | Should -BeNullOrEmpty
        Get-AppliedRanking $emulator 'wi-1' | Should -BeNullOrEmpty
        Get-AppliedRanking $emulator 'wi-2' | Should -BeNullOrEmpty
        @(Get-ChildItem -LiteralPath $whatIfAudit -Filter '*.jsonl' -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }
}

Describe 'Submit-SnippetRanking -WhatIf before connecting' {
    BeforeAll { Disconnect-CXone }
    AfterAll { $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir }

    It 'shows what would be sent without a connection, and does not fail' {
        $transcript = Join-Path $TestDrive 'whatif-offline.txt'
        $null = Start-Transcript -Path $transcript
        try { { New-TestRank 'wi-offline' 1 | Submit-SnippetRanking -WhatIf -ErrorAction Stop } | Should -Not -Throw }
        finally { $null = Stop-Transcript }
        Get-Content $transcript -Raw | Should -Match "What if: .*session 'wi-offline'"
        Get-RankingPost $emulator 'wi-offline' | Should -BeNullOrEmpty
    }
}

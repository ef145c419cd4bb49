#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What the log records of how a ranking came to be (docs/audit-log.md#how-a-ranking-came-to-be), as a
# user's pipelines write it: ranked by Submit-SnippetRanking itself, or piped from Test-RankingPayload.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator, $null, $null, $null, $connection = Initialize-SubmitSuite $TestDrive
    $rule = New-BoostDirective -MetadataKey category -Value billing -Factor 1.5

    function Get-RankingLine([string] $Directory) {
        @(Get-AuditEntry $Directory -IncludeWriteAhead | Where-Object event -Like 'ranking.*')
    }
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
}

Describe 'Submit-SnippetRanking records the candidates and options of each ranking' {
    It 'keeps them on a ranking piped from Test-RankingPayload: candidates, the rule set, window and normalization' {
        $audit = Join-Path $TestDrive 'piped'
        $ranks = @(New-TestRank 'o-1' 3) + @(New-SnippetRank -SessionId 'o-1' -SnippetId 'KB-9' -RelevanceScore 0.3 -Metadata @{ category = 'spam'; lang = 'en' })

        $result = $ranks | Test-RankingPayload -BoostDirective $rule -MaxResultWindow 2 -Normalize |
            Submit-SnippetRanking -Connection $connection -AuditPath $audit

        $result.Status | Should -Be 'Succeeded'
        $directives, $sending, $submitted = Get-RankingLine $audit
        $directives.event | Should -Be 'ranking.directives'
        $directives.directives[0].metadata_key, $directives.directives[0].factor | Should -Be 'category', 1.5
        $sending.event | Should -Be 'ranking.sending'
        $sending.directive_set | Should -Be $directives.directive_set
        $sending.max_window, $sending.normalize | Should -Be 2, $true
        $sending.candidates.id | Should -Be 'KB-001', 'KB-002', 'KB-003', 'KB-9'
        $sending.candidates[3].r, $sending.candidates[3].m.lang | Should -Be 0.3, 'en'
        $submitted.PSObject.Properties.Name | Should -Not -Contain 'candidates'
        (Test-RankingAuditLog -Path $audit).IsValid | Should -BeTrue
    }

    It 'records an invalid session''s candidates on its only entry, and the rule set once per run' {
        $audit = Join-Path $TestDrive 'invalid'
        $ranks = @(New-TestRank 'o-2' 2) + @(New-TestRank 'o-3' 2) +
            @(New-SnippetRank -SessionId 'o-4' -SnippetId 'KB-1' -RelevanceScore 0.5 | ForEach-Object { $_.RelevanceScore = [double]::NaN; $_ })

        $results = $ranks | Submit-SnippetRanking -Connection $connection -AuditPath $audit -BoostDirective $rule -ErrorAction SilentlyContinue

        ($results | Sort-Object SessionId).Status | Should -Be 'Succeeded', 'Succeeded', 'InvalidRanking'
        $lines = Get-RankingLine $audit
        @($lines | Where-Object event -EQ 'ranking.directives').Count | Should -Be 1
        $failed = $lines | Where-Object event -EQ 'ranking.failed'
        $failed.candidates[0].r | Should -Be 'NaN'
        $failed.directive_set | Should -Be ($lines | Where-Object event -EQ 'ranking.directives').directive_set
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The house rule for errors, checked on the failures an admin meets first: every ErrorRecord the
# module writes has a stable id (never System.*), a meaningful category (never NotSpecified) and a
# recommended action (ErrorDetails.RecommendedAction) that says what to do next. The cases are the
# common failure paths of the other suites: both Connect-* cmdlets failing to sign in or to reach
# the endpoint, a refused row, an invalid ranking, a failed submission and an audit folder that
# cannot be read or written. All run against the local emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    Disconnect-CXone

    $key = 'advice-key'
    $expertSecret = 'Advice-Expert-Secret-5c1e'
    $clientSecret = 'Advice-Client-Secret-7f20'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'advice', '--client-secret', $clientSecret,
        '--expert-key', $key, '--expert-secret', $expertSecret
    $secure = ConvertTo-SecureString $clientSecret -AsPlainText -Force
    $wrong = ConvertTo-SecureString 'Wrong-Advice-Secret-00' -AsPlainText -Force
    $audit = Join-Path $TestDrive 'audit'
    # One attempt per POST, so a scripted 500 is the session's outcome.
    $null = Connect-CXone -BaseUri $emulator.Uri -ClientId advice -ClientSecret $secure -AuditPath $audit -MaxAttempts 1
    $notAFolder = Join-Path $TestDrive 'not-a-folder'
    Set-Content -LiteralPath $notAFolder -Value 'a file where the audit folder should be'

    # The ErrorRecords a piece of script leaves: its non-terminating errors and the terminating one.
    function Get-ErrorRecord([scriptblock] $Script) {
        try { & $Script 2>&1 3>$null | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } }
        catch { $_ }
    }

    function New-AdviceRank([string] $SessionId) {
        New-SnippetRank -SessionId $SessionId -SnippetId KB-1 -RelevanceScore 0.9
        New-SnippetRank -SessionId $SessionId -SnippetId KB-2 -RelevanceScore 0.5
    }
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Disconnect-CXoneExpert -ErrorAction SilentlyContinue
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Every ErrorRecord on a common failure path' {
    It '<Case>: <Id> has a stable id, a category and a recommended action' -ForEach @(
        @{ Case = 'Connect-CXone with a wrong secret'; Id = 'AuthenticationFailed'
           Script = { Connect-CXone -BaseUri $emulator.Uri -ClientId advice -ClientSecret $wrong -PassThru } }
        @{ Case = 'Connect-CXone with nothing listening'; Id = 'TokenEndpointUnreachable'
           Script = { Connect-CXone -BaseUri "http://127.0.0.1:$(Get-FreePort)/" -ClientId advice -ClientSecret $secure -RequestTimeoutSec 5 -PassThru } }
        @{ Case = 'Connect-CXone with plain http to another host'; Id = 'InvalidConnectionSettings'
           Script = { Connect-CXone -BaseUri 'http://cxone.example.com/' -ClientId advice -ClientSecret $secure -PassThru } }
        @{ Case = 'Connect-CXoneExpert with a wrong secret'; Id = 'AuthenticationFailed'
           Script = { Connect-CXoneExpert -Site $emulator.Uri -Credential ([pscredential]::new($key, $wrong)) -User '=admin' -PassThru } }
        @{ Case = 'Connect-CXoneExpert with nothing listening'; Id = 'ExpertSiteUnreachable'
           Script = { Connect-CXoneExpert -Site "http://127.0.0.1:$(Get-FreePort)/" -Credential ([pscredential]::new($key, $wrong)) -User '=admin' -RequestTimeoutSec 5 -PassThru } }
        @{ Case = 'New-SnippetRank with a score that is not a number'; Id = '*'
           Script = { [pscustomobject]@{ session_id = 'row-1'; snippet_id = 'KB-1'; relevance_score = 'abc' } | New-SnippetRank } }
        @{ Case = 'Submit-SnippetRanking with an invalid ranking'; Id = 'InvalidRanking'
           Script = { 0.5, 0.4 | ForEach-Object { New-SnippetRank -SessionId dup-1 -SnippetId KB-1 -RelevanceScore $_ } | Submit-SnippetRanking } }
        @{ Case = 'Submit-SnippetRanking answered 500'; Id = 'EngineFailure'
           Script = { Set-Fault $emulator 'fail-1' @(500); New-AdviceRank 'fail-1' | Submit-SnippetRanking } }
        @{ Case = 'Submit-SnippetRanking with an audit folder that is a file'; Id = 'AuditUnavailable'
           Script = { New-AdviceRank 'audit-1' | Submit-SnippetRanking -AuditPath $notAFolder } }
        @{ Case = 'Add-SnippetClick with an audit folder that is a file'; Id = 'Audit*'
           Script = { Add-SnippetClick -AuditPath $notAFolder -SessionId s-1 -SnippetId KB-1 -RankPosition 1 } }
        @{ Case = 'Get-RankingMetrics on a missing audit folder'; Id = 'AuditLogNotFound'
           Script = { Get-RankingMetrics -AuditPath (Join-Path $TestDrive 'missing') } }
    ) {
        $records = @(Get-ErrorRecord $Script)
        $records.Count | Should -BeGreaterThan 0 -Because "$Case must fail"
        foreach ($record in $records) {
            $id = $record.FullyQualifiedErrorId.Split(',')[0]
            $id | Should -BeLike $Id
            $id | Should -Not -BeLike 'System.*'
            $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified' -Because "$id needs a meaningful category"
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty -Because "$id ($Case) must say what to do next"
        }
    }
}

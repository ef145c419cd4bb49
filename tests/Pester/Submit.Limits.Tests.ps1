#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The connection's limits: -MaxAttempts, -TotalTimeout, the circuit breaker and -RateLimit.
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

Describe 'Submit-SnippetRanking with -MaxAttempts 2 on the connection' {
    BeforeAll {
        $auditDir2 = Join-Path $TestDrive 'audit-max2'
        $connection2 = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir2 -MaxAttempts 2 -PassThru
    }
    AfterAll {
        # Back to the file's main connection for the Describes that follow.
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }

    It 'stops after 2 attempts of a persistent 500: EngineFailure, nothing applied' {
        Set-Fault $emulator 'max-500' @(500, 500, 500)
        $result = New-TestRank 'max-500' | Submit-SnippetRanking -Connection $connection2 -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'EngineFailure'
        $result.HttpStatus | Should -Be 500
        $result.Attempts | Should -Be 2
        (Get-RankingPost $emulator 'max-500').Count | Should -Be 2
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'EngineFailure*'
        $errors[0].TargetObject | Should -Be 'max-500'
        Get-AppliedRanking $emulator 'max-500' | Should -BeNullOrEmpty
        $entry = Get-AuditEntry $auditDir2 | Where-Object session_id -EQ 'max-500'
        $entry.event | Should -Be 'ranking.failed'
        $entry.attempts | Should -Be 2
    }

    It 'stops after 2 attempts of a persistent 429: RateLimited' {
        Set-Fault $emulator 'max-429' @(429, 429, 429)
        $result = New-TestRank 'max-429' | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'RateLimited'
        $result.HttpStatus | Should -Be 429
        $result.Attempts | Should -Be 2
        (Get-RankingPost $emulator 'max-429').Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RateLimited*'
        Get-AppliedRanking $emulator 'max-429' | Should -BeNullOrEmpty
    }

    It 'stops after 2 dropped connections: TransportFailure' {
        Set-Fault $emulator 'max-reset' @('reset', 'reset', 'reset')
        $result = New-TestRank 'max-reset' | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'TransportFailure'
        $result.HttpStatus | Should -BeNullOrEmpty
        $result.Attempts | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TransportFailure*'
        Get-AppliedRanking $emulator 'max-reset' | Should -BeNullOrEmpty
    }
}

Describe 'Submit-SnippetRanking within the connection''s limits' {
    AfterAll {
        $null = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $auditDir
    }

    It 'gives up at -TotalTimeout: TimedOut, audited, nothing applied' {
        $limitsAudit = Join-Path $TestDrive 'audit-total'
        $timed = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $limitsAudit -RequestTimeout 1 -TotalTimeout 2 -PassThru
        Set-SessionLock $emulator 'to-1' -Seconds 30
        try {
            $result = New-TestRank 'to-1' | Submit-SnippetRanking -Connection $timed -LockTimeout 60 -ErrorVariable errors -ErrorAction SilentlyContinue
        }
        finally { Set-SessionLock $emulator 'to-1' -Seconds 0 }
        $result.Status | Should -Be 'TimedOut'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TimedOut*'
        $errors[0].TargetObject | Should -Be 'to-1'
        $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        Get-AppliedRanking $emulator 'to-1' | Should -BeNullOrEmpty
        $entry = Get-AuditEntry $limitsAudit | Where-Object session_id -EQ 'to-1'
        $entry.event | Should -Be 'ranking.failed'
        $entry.status | Should -Be 'TimedOut'
    }

    It 'opens the circuit after repeated engine failures and stops sending: CircuitOpen' {
        $breakerAudit = Join-Path $TestDrive 'audit-breaker'
        $breaker = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath $breakerAudit -MaxAttempts 1 -PassThru
        $ids = 1..26 | ForEach-Object { 'cb-open-{0:00}' -f $_ }
        foreach ($id in $ids) { Set-Fault $emulator $id @(500) }

        $results = @($ids | ForEach-Object { New-TestRank $_ 1 } |
            Submit-SnippetRanking -Connection $breaker -ThrottleLimit 1 -ErrorVariable errors -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 26
        $open = @($results | Where-Object Status -EQ 'CircuitOpen')
        $open.Count | Should -BeGreaterThan 0 -Because 'twenty failures in a row must open the breaker'
        @($results | Where-Object Status -EQ 'EngineFailure').Count | Should -BeGreaterOrEqual 20
        foreach ($result in $open) {
            $result.Attempts | Should -Be 0
            Get-RankingPost $emulator $result.SessionId | Should -BeNullOrEmpty -Because 'an open circuit sends nothing'
        }
        @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'CircuitOpen*' }).Count | Should -Be $open.Count
        @(Get-AuditEntry $breakerAudit | Where-Object status -EQ 'CircuitOpen').Count | Should -Be $open.Count
    }

    It 'keeps to -RateLimit across concurrent sessions' {
        $limited = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'audit-rate') -RateLimit 2 -PassThru
        $ids = 1..6 | ForEach-Object { "rate-$_" }
        $results = @($ids | ForEach-Object { New-TestRank $_ 1 } | Submit-SnippetRanking -Connection $limited -ThrottleLimit 6)
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        $times = @($ids | ForEach-Object { (Get-RankingPost $emulator $_)[0].time } | Sort-Object)
        ($times[-1] - $times[0]).TotalSeconds | Should -BeGreaterOrEqual 1.5 -Because '6 requests at 2 per second cannot all leave at once'
    }
}

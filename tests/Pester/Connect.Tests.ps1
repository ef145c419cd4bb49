#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Connect-CXone and Disconnect-CXone end to end against the local CXone emulator: parameter sets,
# environment fallbacks in a fresh process, fail-fast errors, the token cache, and the rule that a
# connection lives in one runspace's session state unless it is handed over explicitly.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientId = 'connect-pester'
    $clientSecret = 'Connect-Pester-Secret-5b7e'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', $clientId, '--client-secret', $clientSecret
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force

    # These tests decide what the environment says; whatever the caller's shell had is put back after.
    $savedEnvironment = @{}
    foreach ($name in 'CXONE_ENV', 'CXONE_BASE_URI', 'CXONE_CLIENT_ID', 'CXONE_CLIENT_SECRET', 'CXONE_OAUTH_URL', 'CXONE_AUDIT_PATH') {
        $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }

    function Connect-Emulator {
        param([string] $AuditPath = (Join-Path $TestDrive 'audit'), [switch] $PassThru)
        Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath $AuditPath -PassThru:$PassThru
    }

}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Connect-CXone' {
    AfterEach { Disconnect-CXone }

    It 'gets a token at once and -PassThru returns the connection, with no secret in it' {
        $issuedBefore = Get-TokenIssuedCount $emulator
        $auditPath = Join-Path $TestDrive 'audit-passthru'

        $connection = Connect-Emulator -AuditPath $auditPath -PassThru

        $connection | Should -BeOfType ([CXoneRanking.CXoneConnection])
        Get-TokenIssuedCount $emulator | Should -Be ($issuedBefore + 1) -Because 'Connect-CXone signs in at once'
        $connection.BaseUri | Should -Be $emulator.Uri
        $connection.TokenUri | Should -Be ([uri] "$($emulator.Uri)oauth/token")
        $connection.ClientId | Should -Be $clientId
        $connection.Scopes | Should -Be @('agentassist:session:write', 'agentassist:snippet:write')
        $connection.AuditPath | Should -Be $auditPath
        $connection.MaxAttempts | Should -Be 5
        $connection.RequestTimeout | Should -Be ([timespan]::FromSeconds(30))
        $connection.IsDisconnected | Should -BeFalse
        $connection.TokenRequests | Should -Be 1
        $connection.TokenExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddSeconds(3000))
        $connection.TokenExpiresAt | Should -BeLessThan ([DateTimeOffset]::UtcNow.AddSeconds(3700))
        $global:CXoneRankingConnection | Should -Be $connection
        $text = ($connection.ToString(), ($connection | Format-List * | Out-String), ($connection | ConvertTo-Json -Depth 4)) -join "`n"
        $text | Should -Not -Match ([regex]::Escape($clientSecret))
    }

    It 'stores the connection without output when -PassThru is not given, and later cmdlets use it' {
        $output = Connect-Emulator
        $output | Should -BeNullOrEmpty
        $global:CXoneRankingConnection | Should -BeOfType ([CXoneRanking.CXoneConnection])
        (New-TestRank 'stored-1' 2 | Submit-SnippetRanking).Status | Should -Be 'Succeeded'
    }

    It 'takes a -Credential whose user name is the client id' {
        $credential = [pscredential]::new($clientId, $secureSecret)
        $connection = Connect-CXone -BaseUri $emulator.Uri -Credential $credential -AuditPath (Join-Path $TestDrive 'audit') -PassThru
        $connection.ClientId | Should -Be $clientId
        $connection.TokenRequests | Should -Be 1
    }

    It 'applies -MaxAttempts and -RequestTimeout to the connection' {
        $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -MaxAttempts 2 -RequestTimeout 7 -PassThru
        $connection.MaxAttempts | Should -Be 2
        $connection.RequestTimeout | Should -Be ([timespan]::FromSeconds(7))
    }

    It 'derives the token URI from the base URI''s scheme, host and port only' {
        $connection = Connect-CXone -BaseUri "$($emulator.Uri)tenant/a/" -ClientId $clientId -ClientSecret $secureSecret -PassThru
        $connection.TokenUri | Should -Be ([uri] "$($emulator.Uri)oauth/token")
    }

    It 'builds https://{env}.api.cxone.com from -Environment' {
        $connection = Connect-CXone -Environment 'acme-eu1' -TokenUri $emulator.TokenUri -ClientId $clientId -ClientSecret $secureSecret -PassThru
        $connection.BaseUri | Should -Be ([uri] 'https://acme-eu1.api.cxone.com/')
        $connection.TokenUri | Should -Be $emulator.TokenUri
    }

    It 'takes the token URI from CXONE_OAUTH_URL when -TokenUri is not given' {
        $env:CXONE_OAUTH_URL = "$($emulator.Uri)oauth/token"
        try {
            $connection = Connect-CXone -Environment 'acme-eu1' -ClientId $clientId -ClientSecret $secureSecret -PassThru
        }
        finally { $env:CXONE_OAUTH_URL = $null }
        $connection.TokenUri | Should -Be ([uri] $emulator.TokenUri)
    }

    It 'takes the environment name from CXONE_ENV' {
        $env:CXONE_ENV = 'acme-us2'
        try { $connection = Connect-CXone -TokenUri $emulator.TokenUri -ClientId $clientId -ClientSecret $secureSecret -PassThru }
        finally { $env:CXONE_ENV = $null }
        $connection.BaseUri | Should -Be ([uri] 'https://acme-us2.api.cxone.com/')
    }

    It 'prefers explicit parameters to the environment' {
        $env:CXONE_BASE_URI = "http://127.0.0.1:$(Get-FreePort)/"
        $env:CXONE_CLIENT_ID = 'someone-else'
        $env:CXONE_CLIENT_SECRET = 'not-this-one'
        $env:CXONE_AUDIT_PATH = Join-Path $TestDrive 'env-audit'
        try {
            $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'param-audit') -PassThru
        }
        finally { 'CXONE_BASE_URI', 'CXONE_CLIENT_ID', 'CXONE_CLIENT_SECRET', 'CXONE_AUDIT_PATH' | ForEach-Object { [Environment]::SetEnvironmentVariable($_, $null) } }
        $connection.BaseUri | Should -Be $emulator.Uri
        $connection.ClientId | Should -Be $clientId
        $connection.AuditPath | Should -Be (Join-Path $TestDrive 'param-audit')
    }

    It 'resolves a relative -AuditPath against the PowerShell location' {
        Push-Location $TestDrive
        try { $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath 'rel-audit' -PassThru }
        finally { Pop-Location }
        $connection.AuditPath | Should -Be (Join-Path $TestDrive 'rel-audit')
    }

    It 'does not close a connection handed out by -PassThru when another Connect-CXone replaces it as current' {
        # Two tenants in one script: every connected cmdlet takes -Connection for exactly this.
        $tenantA = Connect-Emulator -PassThru
        $tenantB = Connect-Emulator -PassThru
        $global:CXoneRankingConnection | Should -Be $tenantB
        $tenantA.IsDisconnected | Should -BeFalse -Because 'the caller still holds it and never disconnected it'
        $result = New-TestRank 'tenant-a' 2 | Submit-SnippetRanking -Connection $tenantA -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Succeeded'
        Disconnect-CXone -Connection $tenantA
    }

    It 'replaces the current connection on a second Connect-CXone' {
        $first = Connect-Emulator -PassThru
        $second = Connect-Emulator -PassThru
        $global:CXoneRankingConnection | Should -Be $second
        [object]::ReferenceEquals($first, $second) | Should -BeFalse
    }
}

Describe 'Connect-CXone failing fast' {
    BeforeEach { Disconnect-CXone }

    It 'refuses -Environment together with -BaseUri: InvalidConnectionSettings, nothing sent' {
        $before = @(Get-Journal $emulator).Count
        { Connect-CXone -Environment acme -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret } |
            Should -Throw -ErrorId 'InvalidConnectionSettings,*'
        @(Get-Journal $emulator).Count | Should -Be $before
    }

    It 'refuses plain http to a host that is not loopback: <Case>' -ForEach @(
        @{ Case = 'base URI'; BaseUri = 'http://cxone.example.com/'; TokenUri = $null }
        @{ Case = 'token URI'; BaseUri = $null; TokenUri = 'http://login.example.com/oauth/token' }
    ) {
        $arguments = @{ BaseUri = if ($BaseUri) { $BaseUri } else { $emulator.Uri }; ClientId = $clientId; ClientSecret = $secureSecret }
        if ($TokenUri) { $arguments.TokenUri = $TokenUri }
        $before = @(Get-Journal $emulator).Count
        $thrown = { Connect-CXone @arguments } | Should -Throw -ErrorId 'InvalidConnectionSettings,*' -PassThru
        $thrown.Exception.Message | Should -BeLike '*plain http*'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        @(Get-Journal $emulator).Count | Should -Be $before -Because 'the secret is never sent, not even to the emulator'
        $global:CXoneRankingConnection | Should -BeNullOrEmpty
    }

    It 'refuses a missing <Missing> with InvalidConnectionSettings' -ForEach @(
        @{ Missing = 'client id'; Arguments = @{ } ; Pattern = '*client id*' }
        @{ Missing = 'client secret'; Arguments = @{ ClientId = 'connect-pester' }; Pattern = '*client secret*' }
        @{ Missing = 'API address'; Arguments = @{ ClientId = 'connect-pester'; NoBase = $true }; Pattern = '*-Environment or -BaseUri*' }
    ) {
        $arguments = @{ BaseUri = $emulator.Uri } + $Arguments
        if ($arguments.NoBase) { $arguments.Remove('NoBase'); $arguments.Remove('BaseUri') }
        $thrown = { Connect-CXone @arguments } | Should -Throw -ErrorId 'InvalidConnectionSettings,*' -PassThru
        $thrown.Exception.Message | Should -BeLike $Pattern
    }

    It 'fails with AuthenticationFailed on a wrong secret, and never repeats the secret' {
        $wrong = 'Wrong-Secret-Do-Not-Echo-77'
        $thrown = { Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret (ConvertTo-SecureString $wrong -AsPlainText -Force) } |
            Should -Throw -ErrorId 'AuthenticationFailed,*' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $thrown.Exception.Message | Should -BeLike '*401*invalid_client*'
        ($thrown | Out-String) + ($thrown | Format-List * -Force | Out-String) | Should -Not -Match $wrong
        $last = @(Get-Journal $emulator)[-1]
        $last.outcome | Should -Be 'token_rejected'
        $last.detail | Should -Be 'invalid_client'
        $global:CXoneRankingConnection | Should -BeNullOrEmpty
    }

    It 'fails with AuthenticationFailed when the endpoint refuses the scope' {
        { Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -Scope 'agentassist:session:write' } |
            Should -Throw -ErrorId 'AuthenticationFailed,*'
        @(Get-Journal $emulator)[-1].detail | Should -Be 'invalid_scope'
    }

    It 'fails with TokenEndpointUnreachable when nothing listens' {
        $dead = "http://127.0.0.1:$(Get-FreePort)/"
        $thrown = { Connect-CXone -BaseUri $dead -ClientId $clientId -ClientSecret $secureSecret -RequestTimeout 5 } |
            Should -Throw -ErrorId 'TokenEndpointUnreachable,*' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'ConnectionError'
        $global:CXoneRankingConnection | Should -BeNullOrEmpty
    }

    It 'validates -MaxAttempts <Value> at binding' -ForEach @(@{ Value = 0 }, @{ Value = 21 }) {
        { Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -MaxAttempts $Value } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Disconnect-CXone' {
    It 'forgets the current connection: later cmdlets fail with a terminating NotConnected error' {
        $connection = Connect-Emulator -PassThru
        Disconnect-CXone
        $connection.IsDisconnected | Should -BeTrue
        $global:CXoneRankingConnection | Should -BeNullOrEmpty
        $thrown = { New-TestRank 'after-disconnect' 2 | Submit-SnippetRanking } | Should -Throw -ErrorId 'NotConnected,*' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'ConnectionError'
        Get-AppliedRanking $emulator 'after-disconnect' | Should -BeNullOrEmpty
    }

    It 'is quiet when there is nothing to forget' {
        Disconnect-CXone
        { Disconnect-CXone -ErrorAction Stop } | Should -Not -Throw
    }

    It 'closes a -Connection it is given and leaves the current one alone' {
        $other = Connect-Emulator -PassThru
        $current = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'audit') -PassThru
        try {
            $other | Disconnect-CXone
            $other.IsDisconnected | Should -BeTrue
            $current.IsDisconnected | Should -BeFalse
            $global:CXoneRankingConnection | Should -Be $current
            { New-TestRank 'closed-conn' 2 | Submit-SnippetRanking -Connection $other } | Should -Throw -ErrorId 'ConnectionClosed,*'
            Get-AppliedRanking $emulator 'closed-conn' | Should -BeNullOrEmpty
            (New-TestRank 'still-open' 2 | Submit-SnippetRanking).Status | Should -Be 'Succeeded'
        }
        finally { Disconnect-CXone }
    }
}

Describe 'Token renewal' {
    BeforeAll {
        $shortEmulator = Start-CXoneEmulator -ArgumentList '--client-id', $clientId, '--client-secret', $clientSecret, '--token-lifetime', '2'
    }
    AfterAll {
        Disconnect-CXone
        if ($shortEmulator) { Stop-CXoneEmulator $shortEmulator }
    }

    It 'renews a short-lived token past half its life, before the API can refuse it' {
        $connection = Connect-CXone -BaseUri $shortEmulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'audit') -PassThru
        $connection.TokenRequests | Should -Be 1
        Start-Sleep -Milliseconds 1300

        $result = New-TestRank 'renew-1' 2 | Submit-SnippetRanking

        $result.Status | Should -Be 'Succeeded'
        $result.Attempts | Should -Be 1 -Because 'the token was renewed before it was used, not after a 401'
        $connection.TokenRequests | Should -Be 2
        @(Get-Journal $shortEmulator | Where-Object status -EQ 401) | Should -BeNullOrEmpty
    }

    It 'recovers from a token that expired while idle without a failed submission' {
        $connection = Connect-CXone -BaseUri $shortEmulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath (Join-Path $TestDrive 'audit') -PassThru
        Start-Sleep -Milliseconds 2300
        $result = New-TestRank 'renew-2' 2 | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        $connection.TokenRequests | Should -Be 2
        (Get-AppliedRanking $shortEmulator 'renew-2').applied_count | Should -Be 1
    }
}

Describe 'Connections and runspaces' {
    BeforeAll {
        $parallelAudit = Join-Path $TestDrive 'audit-parallel'
    }
    AfterAll { Disconnect-CXone }

    It 'does not share the current connection with a new runspace' {
        $connection = Connect-Emulator -PassThru
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($modulePath)
                    Import-Module $modulePath
                    [pscustomobject]@{
                        Seen  = [bool] (Get-Variable -Name CXoneRankingConnection -Scope Global -ErrorAction SilentlyContinue)
                        Error = try {
                            New-SnippetRank -SessionId 'other-runspace' -SnippetId KB-1 -RelevanceScore 0.5 | Submit-SnippetRanking -ErrorAction Stop
                            'submitted'
                        }
                        catch { $_.FullyQualifiedErrorId }
                    }
                }).AddArgument($env:CXONERANKING_MODULE_PATH)
            $seen = $ps.Invoke()
        }
        finally { $ps.Dispose() }
        $seen[0].Seen | Should -BeFalse
        $seen[0].Error | Should -BeLike 'NotConnected,*'
        Get-AppliedRanking $emulator 'other-runspace' | Should -BeNullOrEmpty
        $global:CXoneRankingConnection | Should -Be $connection
    }

    It 'is not replaced or closed by a Connect-CXone in another runspace' {
        $connection = Connect-Emulator -PassThru
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($modulePath, $uri, $id, $secret)
                    Import-Module $modulePath
                    Connect-CXone -BaseUri $uri -ClientId $id -ClientSecret $secret -PassThru
                }).AddArgument($env:CXONERANKING_MODULE_PATH).AddArgument($emulator.Uri).AddArgument($clientId).AddArgument($secureSecret)
            $theirs = $ps.Invoke()[0]
        }
        finally { $ps.Dispose() }
        $theirs | Should -Not -BeNullOrEmpty
        [object]::ReferenceEquals($theirs, $connection) | Should -BeFalse
        $global:CXoneRankingConnection | Should -Be $connection
        $connection.IsDisconnected | Should -BeFalse
        (New-TestRank 'mine-still' 2 | Submit-SnippetRanking).Status | Should -Be 'Succeeded'
    }

    It 'submits from 4 ForEach-Object -Parallel runspaces through one connection object with one token request in all' {
        $issuedBefore = Get-TokenIssuedCount $emulator
        $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secureSecret -AuditPath $parallelAudit -PassThru
        $modulePath = $env:CXONERANKING_MODULE_PATH

        $results = @(1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:modulePath
                $conn = $using:connection
                [pscustomobject]@{
                    Seen   = [bool] (Get-Variable -Name CXoneRankingConnection -Scope Global -ErrorAction SilentlyContinue)
                    Result = New-SnippetRank -SessionId "parallel-$_" -SnippetId KB-1 -RelevanceScore 0.5 | Submit-SnippetRanking -Connection $conn
                }
            })

        $results.Count | Should -Be 4
        $results.Seen | Should -Not -Contain $true
        $results.Result.Status | Should -Be @('Succeeded', 'Succeeded', 'Succeeded', 'Succeeded')
        ($results.Result.SessionId | Sort-Object) | Should -Be @('parallel-1', 'parallel-2', 'parallel-3', 'parallel-4')
        $connection.TokenRequests | Should -Be 1
        Get-TokenIssuedCount $emulator | Should -Be ($issuedBefore + 1) -Because 'the connect was the only token request'
        1..4 | ForEach-Object { (Get-AppliedRanking $emulator "parallel-$_").applied_count | Should -Be 1 }
        $audit = Test-RankingAuditLog -Path $parallelAudit
        $audit.IsValid | Should -BeTrue
        $audit.Entries | Should -Be 8 -Because 'each session has a write-ahead entry and an outcome entry'
    }
}

Describe 'Unattended runs in a fresh process' {
    BeforeAll {
        $childAudit = Join-Path $TestDrive 'audit-child'
        $childScript = @'
$ErrorActionPreference = 'Stop'
$ErrorView = 'NormalView'
Import-Module $env:CXONERANKING_MODULE_PATH
Connect-CXone
$result = New-SnippetRank -SessionId env-1 -SnippetId KB-1 -RelevanceScore 0.8 | Submit-SnippetRanking
"STATUS=$($result.Status)"
if (-not $result.Succeeded) { exit 3 }
'@
    }

    It 'connects from CXONE_BASE_URI, CXONE_CLIENT_ID, CXONE_CLIENT_SECRET and CXONE_AUDIT_PATH, submits and exits 0' {
        $run = Invoke-ChildPwsh $childScript @{
            CXONE_BASE_URI      = "$($emulator.Uri)"
            CXONE_CLIENT_ID     = $clientId
            CXONE_CLIENT_SECRET = $clientSecret
            CXONE_AUDIT_PATH    = $childAudit
        }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.StdOut | Should -Match 'STATUS=Succeeded'
        (Get-AppliedRanking $emulator 'env-1').applied_count | Should -Be 1
        $entries = @(Get-ChildItem $childAudit -Filter 'cxone-audit-*.jsonl' | Get-Content | ConvertFrom-Json | Where-Object event -NE 'ranking.sending')
        $entries.Count | Should -Be 1
        $entries[0].session_id | Should -Be 'env-1'
        $entries[0].event | Should -Be 'ranking.submitted'
        $run.Output | Should -Not -Match ([regex]::Escape($clientSecret))
        Get-ChildItem $childAudit -File | Get-Content -Raw | Should -Not -Match ([regex]::Escape($clientSecret))
    }

    It 'exits non-zero with AuthenticationFailed on a wrong CXONE_CLIENT_SECRET, never showing it' {
        $wrong = 'Env-Wrong-Secret-31f9'
        $issuedBefore = Get-TokenIssuedCount $emulator
        $run = Invoke-ChildPwsh $childScript @{
            CXONE_BASE_URI      = "$($emulator.Uri)"
            CXONE_CLIENT_ID     = $clientId
            CXONE_CLIENT_SECRET = $wrong
            CXONE_AUDIT_PATH    = (Join-Path $TestDrive 'audit-child-wrong')
        }
        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'AuthenticationFailed'
        $run.Output | Should -Match 'invalid_client'
        $run.Output | Should -Not -Match 'STATUS='
        $run.Output | Should -Not -Match ([regex]::Escape($wrong))
        Get-TokenIssuedCount $emulator | Should -Be $issuedBefore
        Join-Path $TestDrive 'audit-child-wrong' | Should -Not -Exist
    }

    It 'exits non-zero with InvalidConnectionSettings when the environment names no secret' {
        $run = Invoke-ChildPwsh $childScript @{ CXONE_BASE_URI = "$($emulator.Uri)"; CXONE_CLIENT_ID = $clientId }
        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'InvalidConnectionSettings'
        $run.Output | Should -Match 'CXONE_CLIENT_SECRET'
    }
}

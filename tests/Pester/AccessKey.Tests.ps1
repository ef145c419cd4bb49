#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The access-key sign-in end to end against the local emulator: OpenID discovery, the password
# grant with HTTP Basic client authentication, the tenant id from the id token, the discovered API
# endpoint, refresh and its fall-back, a custom ranking path, environment fallbacks in a fresh
# process, and that no secret, refresh token or id token reaches any stream, file or error.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientId = 'access-key-app'
    $clientSecret = 'App-Secret:with%odd+chars-7c1d'
    $keyId = 'pester-key-id'
    $keySecret = 'Key-Secret-Pester-4e8a91'
    $tenantId = 'pester-tenant-0042'
    # A 2 s token renews about every second: the runs below see several refresh grants.
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', $clientId, '--client-secret', $clientSecret,
        '--access-key-id', $keyId, '--access-key-secret', $keySecret, '--tenant-id', $tenantId, '--token-lifetime', '2'
    $application = [pscredential]::new($clientId, (ConvertTo-SecureString $clientSecret -AsPlainText -Force))
    $accessKey = [pscredential]::new($keyId, (ConvertTo-SecureString $keySecret -AsPlainText -Force))
    $issuer = [uri] $emulator.Uri.GetLeftPart([UriPartial]::Authority)

    # The shapes of what the emulator issues: access tokens (43 base64url characters), refresh
    # tokens ("rt-" and 43 more) and id tokens (a JWT: "eyJ...").
    $accessTokenShape = '(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])'
    # A refresh token starts a word: 'Import-CXoneExpertSearchLog' in an error's command list is not one.
    $refreshTokenShape = '(?<![A-Za-z0-9_-])rt-[A-Za-z0-9_-]{20,}'
    $idTokenShape = 'eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+'

    $savedEnvironment = @{}
    foreach ($name in 'CXONE_ENV', 'CXONE_BASE_URI', 'CXONE_CLIENT_ID', 'CXONE_CLIENT_SECRET', 'CXONE_OAUTH_URL', 'CXONE_AUDIT_PATH',
        'CXONE_ISSUER', 'CXONE_ACCESS_KEY_ID', 'CXONE_ACCESS_KEY_SECRET') {
        $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }

}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Connect-CXone -AccessKey against the emulator' {
    BeforeEach { Reset-Emulator $emulator }
    AfterEach { Disconnect-CXone }

    It 'discovers the token endpoint, signs in with the password grant, and discovers the API endpoint for the tenant' {
        $connection = Connect-CXone -Issuer $issuer -AccessKey $accessKey -ClientId $clientId -ClientSecret $application.Password -AuditPath (Join-Path $TestDrive 'audit') -PassThru

        $connection.GrantType | Should -Be 'password'
        $connection.TenantId | Should -Be $tenantId
        $connection.BaseUri | Should -Be $emulator.Uri
        $connection.ApiEndpointDiscovered | Should -BeTrue
        $connection.TokenUri | Should -Be ([uri] "$($issuer)oauth/token")
        $connection.Issuer | Should -Be $issuer
        $connection.AccessKeyId | Should -Be $keyId
        $connection.ClientId | Should -Be $clientId
        "$connection" | Should -Match ([regex]::Escape($tenantId))
        $journal = Get-Journal $emulator
        @($journal | ForEach-Object { "$($_.path) $($_.outcome) $($_.detail)" }) | Should -Be @(
            '/.well-known/openid-configuration discovery openid-configuration'
            '/oauth/token token_issued password'
            '/.well-known/cxone-configuration discovery cxone-configuration')
    }

    It 'takes the application from -Credential and keeps a given -BaseUri' {
        $connection = Connect-CXone -Issuer $issuer -AccessKey $accessKey -Credential $application -BaseUri $emulator.Uri -PassThru
        $connection.ApiEndpointDiscovered | Should -BeFalse
        $connection.TenantId | Should -Be $tenantId
        @(Get-Journal $emulator | Where-Object path -Like '*cxone-configuration*').Count | Should -Be 0
    }

    It 'submits through a custom -RankingPathTemplate (the emulator serves its path in any letter case)' {
        $template = '/API/V2/AgentAssist/Sessions/{sessionId}/Snippets/Ranking'
        $connection = Connect-CXone -Issuer $issuer -AccessKey $accessKey -Credential $application -RankingPathTemplate $template -SessionPathTemplate '/API/V2/AgentAssist/Sessions/{sessionId}' -AuditPath (Join-Path $TestDrive 'audit-path') -PassThru
        $connection.RankingPathTemplate | Should -Be $template

        $result = New-SnippetRank -SessionId 'path a/b' -SnippetId KB-1 -RelevanceScore 0.7 | Submit-SnippetRanking
        $result.Status | Should -Be 'Succeeded'
        (Get-AppliedRanking $emulator 'path a/b').applied_count | Should -Be 1
        (Get-Journal $emulator | Where-Object outcome -EQ 'applied').path | Should -Be '/API/V2/AgentAssist/Sessions/path%20a%2Fb/Snippets/Ranking'
    }

    It 'refuses a template without exactly one {sessionId} before sending anything: <Template>' -ForEach @(
        @{ Template = '/api/sessions/ranking' }, @{ Template = '/a/{sessionId}/{sessionId}' }, @{ Template = 'https://elsewhere.example/{sessionId}' }) {
        { Connect-CXone -Issuer $issuer -AccessKey $accessKey -Credential $application -RankingPathTemplate $Template } |
            Should -Throw -ErrorId 'InvalidConnectionSettings,*'
        Get-Journal $emulator | Should -BeNullOrEmpty
    }

    It 'renews with the refresh token, and falls back to the access key when the refresh token is revoked' {
        $null = Connect-CXone -Issuer $issuer -AccessKey $accessKey -Credential $application -AuditPath (Join-Path $TestDrive 'audit-refresh')
        Start-Sleep -Milliseconds 1500
        (New-SnippetRank -SessionId refresh-1 -SnippetId KB-1 -RelevanceScore 0.5 | Submit-SnippetRanking).Status | Should -Be 'Succeeded'
        $null = Invoke-RestMethod -Method Post "$($emulator.Uri)_emulator/refresh-tokens/revoke"
        Start-Sleep -Milliseconds 1500
        (New-SnippetRank -SessionId refresh-2 -SnippetId KB-1 -RelevanceScore 0.5 | Submit-SnippetRanking).Status | Should -Be 'Succeeded'

        $grants = @(Get-Journal $emulator | Where-Object path -EQ '/oauth/token' | ForEach-Object { "$($_.outcome) $($_.detail)" })
        $grants | Should -Be @('token_issued password', 'token_issued refresh_token', 'token_rejected invalid_grant', 'token_issued password')
    }

    It 'fails with AuthenticationFailed on a wrong access key secret, naming neither secret' {
        $wrong = [pscredential]::new($keyId, (ConvertTo-SecureString 'Wrong-Key-Secret-77aa' -AsPlainText -Force))
        $thrown = { Connect-CXone -Issuer $issuer -AccessKey $wrong -Credential $application } | Should -Throw -ErrorId 'AuthenticationFailed,*' -PassThru
        "$thrown" | Should -Match 'invalid_grant'
        "$thrown" | Should -Not -Match 'Wrong-Key-Secret'
        "$thrown" | Should -Not -Match ([regex]::Escape($clientSecret))
    }
}

Describe 'An unattended access-key run in a fresh process' {
    It 'connects from CXONE_ISSUER, CXONE_ACCESS_KEY_ID/SECRET and CXONE_CLIENT_ID/SECRET, submits and exits 0' {
        Reset-Emulator $emulator
        $childAudit = Join-Path $TestDrive 'audit-child'
        $script = @'
$ErrorActionPreference = 'Stop'
$ErrorView = 'NormalView'
Import-Module $env:CXONERANKING_MODULE_PATH
$connection = Connect-CXone -PassThru -Verbose
"TENANT=$($connection.TenantId) GRANT=$($connection.GrantType)"
$result = New-SnippetRank -SessionId env-key-1 -SnippetId KB-1 -RelevanceScore 0.8 | Submit-SnippetRanking
"STATUS=$($result.Status)"
if (-not $result.Succeeded) { exit 3 }
'@
        $run = Invoke-ChildPwsh $script @{
            CXONE_ISSUER            = "$issuer"
            CXONE_ACCESS_KEY_ID     = $keyId
            CXONE_ACCESS_KEY_SECRET = $keySecret
            CXONE_CLIENT_ID         = $clientId
            CXONE_CLIENT_SECRET     = $clientSecret
            CXONE_AUDIT_PATH        = $childAudit
        }
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.StdOut | Should -Match "TENANT=$tenantId GRANT=password"
        $run.StdOut | Should -Match 'STATUS=Succeeded'
        (Get-AppliedRanking $emulator 'env-key-1').applied_count | Should -Be 1
        foreach ($text in $run.Output, ((Get-ChildItem $childAudit -File | Get-Content -Raw) -join "`n")) {
            $text.Contains($keySecret) | Should -BeFalse
            $text.Contains($clientSecret) | Should -BeFalse
            $text | Should -Not -Match $refreshTokenShape
            $text | Should -Not -Match $idTokenShape
        }
    }
}

Describe 'No access-key secret, refresh token or id token anywhere after a -Verbose -Debug run' {
    BeforeAll {
        Reset-Emulator $emulator
        $wrongKeySecret = 'Wrong-Key-Secret-Pester-19bc'
        $audit = Join-Path $TestDrive 'audit-secrets'
        $transcript = Join-Path $TestDrive 'transcript.txt'

        $Error.Clear()
        $records = [System.Collections.Generic.List[object]]::new()
        $common = @{ Verbose = $true; Debug = $true; WarningAction = 'Continue'; ErrorAction = 'Continue' }
        $null = Start-Transcript -LiteralPath $transcript
        try {
            $wrong = [pscredential]::new($keyId, (ConvertTo-SecureString $wrongKeySecret -AsPlainText -Force))
            try { Connect-CXone -Issuer $issuer -AccessKey $wrong -Credential $application @common *>&1 | ForEach-Object { $records.Add($_) } }
            catch { $records.Add($_) }

            $connection = Connect-CXone -Issuer $issuer -AccessKey $accessKey -Credential $application -AuditPath $audit -PassThru @common *>&1 |
                ForEach-Object { $records.Add($_); $_ } | Where-Object { $_ -is [CXoneRanking.CXoneConnection] }
            $rows = foreach ($s in 1..20 | ForEach-Object { 'key-sec-{0:D2}' -f $_ }) {
                foreach ($k in 1..3) { [pscustomobject]@{ session_id = $s; snippet_id = "KB-$k"; relevance_score = [string](1 - $k / 10) } }
            }
            $rows | New-SnippetRank | Submit-SnippetRanking -ThrottleLimit 2 @common *>&1 | ForEach-Object { $records.Add($_) }
            Start-Sleep -Milliseconds 1500
            New-SnippetRank -SessionId key-sec-late -SnippetId KB-1 -RelevanceScore 0.5 | Submit-SnippetRanking @common *>&1 | ForEach-Object { $records.Add($_) }
            Disconnect-CXone @common *>&1 | ForEach-Object { $records.Add($_) }
        }
        finally { $null = Stop-Transcript }

        $places = Get-SecretSearchPlace -Records $records -Transcript $transcript -Errors $Error -AuditDirectory $audit `
            -EmulatorUri $emulator.Uri -Connection $connection
        $secrets = @{ 'access key secret' = $keySecret; 'wrong access key secret' = $wrongKeySecret; 'client secret' = $clientSecret }
    }

    It 'ran the flow: a refused sign-in, a connection, refresh grants, 21 submissions' {
        @($records | Where-Object { $_ -is [CXoneRanking.RankingSubmissionResult] -and $_.Status -eq 'Succeeded' }).Count | Should -Be 21
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId | Should -Match '^AuthenticationFailed,'
        @(Get-Journal $emulator | Where-Object { $_.outcome -eq 'token_issued' -and $_.detail -eq 'refresh_token' }).Count | Should -BeGreaterThan 0
        $connection.TenantId | Should -Be $tenantId
    }

    It 'shows no <Name> in <Place>' -ForEach @(
        foreach ($place in 'the output, verbose, debug, warning and error streams', 'the transcript', '$Error as text', '$Error as JSON', '$Error as CliXml',
            'the audit files', 'the emulator journal', 'the connection') {
            foreach ($name in 'access key secret', 'wrong access key secret', 'client secret') { @{ Place = $place; Name = $name } }
        }
    ) {
        $places[$Place] | Should -Not -BeNullOrEmpty
        $places[$Place].Contains($secrets[$Name]) | Should -BeFalse
    }

    It 'shows nothing shaped like an access token, a refresh token, an id token or a Basic header in <Place>' -ForEach @(
        'the output, verbose, debug, warning and error streams', 'the transcript', '$Error as text', '$Error as JSON', '$Error as CliXml',
        'the audit files', 'the emulator journal', 'the connection' | ForEach-Object { @{ Place = $_ } }
    ) {
        [regex]::Matches($places[$Place], $accessTokenShape).Value | Should -BeNullOrEmpty
        $places[$Place] | Should -Not -Match $refreshTokenShape
        $places[$Place] | Should -Not -Match $idTokenShape
        $places[$Place] | Should -Not -Match '(Basic|Bearer)\s+[A-Za-z0-9_+/=-]{8}'
    }
}

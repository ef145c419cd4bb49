#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The real cmdlets against the hostile server (tests/CXoneRanking.Core.Tests/Hostile), not the
# emulator: a redirect is refused with a named error and the other host gets nothing, and a body
# cut short is a named connection error per item, never a raw exception (docs/reliability.md).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest

    Import-HostileServer
    $admin = '{"@id":"1","username":"admin"}'
    $token = [pscredential]::new('hostile-key', (ConvertTo-SecureString 'Hostile-Expert-Secret-77' -AsPlainText -Force))
    $clientSecret = ConvertTo-SecureString 'Hostile-Client-Secret-31' -AsPlainText -Force
    $servers = [System.Collections.Generic.List[object]]::new()

    function New-Server([object[]] $Answer) {
        $server = Start-HostileServer $Answer
        $servers.Add($server)
        $server
    }
    function Redirect([int] $Status, $To, [string] $Path) { [CXoneRanking.Tests.Hostile.HostileAnswer]::Redirect($Status, [uri]::new($To.Uri, $Path)) }
    function Answer([int] $Status, [string] $Body) { [CXoneRanking.Tests.Hostile.HostileAnswer]::Status($Status, $Body, 'application/json', [string[]] @()) }
    function CutBody { [CXoneRanking.Tests.Hostile.HostileAnswer]::CutBody(1000, '{"@id"') }
}

AfterAll {
    Disconnect-CXoneExpert
    Disconnect-CXone
    foreach ($server in $servers) { $server.Dispose() }
}

Describe 'Redirects to another host' {
    It 'Connect-CXoneExpert refuses a 302 with ExpertRedirectRefused and sends the other host nothing' {
        $other = New-Server @(Answer 200 $admin)
        $site = New-Server @(Redirect 302 $other '@api/deki/users/current')

        $failure = { Connect-CXoneExpert -Site $site.Uri -Credential $token -User '=admin' } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be 'ExpertRedirectRefused,CXoneRanking.PowerShell.Cmdlets.ConnectCXoneExpertCommand'
        $failure.CategoryInfo.Category | Should -Be 'SecurityError'
        $failure.Exception.Message | Should -BeLike "*$($other.Uri.Authority)/@api/deki/users/current*"
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $other.Requests.Count | Should -Be 0
    }

    It 'Connect-CXone refuses a 307 from the token endpoint with RedirectRefused and sends the other host no secret' {
        $other = New-Server @(Answer 200 '{"access_token":"t","expires_in":3600}')
        $tenant = New-Server @(Redirect 307 $other 'oauth/token')

        $failure = { Connect-CXone -BaseUri $tenant.Uri -TokenUri "$($tenant.Uri)oauth/token" -ClientId c -ClientSecret $clientSecret } |
            Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be 'RedirectRefused,CXoneRanking.PowerShell.Cmdlets.ConnectCXoneCommand'
        $failure.CategoryInfo.Category | Should -Be 'SecurityError'
        $failure.Exception.Message | Should -BeLike "*$($other.Uri.Authority)/oauth/token*"
        $other.Requests.Count | Should -Be 0
    }

    It 'Submit-SnippetRanking refuses a 307 from the ranking API with RedirectRefused and sends the ranking nowhere else' {
        $other = New-Server @(Answer 200 '{}')
        $tenant = New-Server @((Answer 200 '{"access_token":"t","expires_in":3600}'), (Redirect 307 $other 'ranking'))
        $connection = Connect-CXone -BaseUri $tenant.Uri -TokenUri "$($tenant.Uri)oauth/token" -ClientId c -ClientSecret $clientSecret `
            -AuditPath (Join-Path $TestDrive 'submit') -PassThru

        $result = New-TestRank redirected | Submit-SnippetRanking -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'RedirectRefused'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'RedirectRefused,*'
        $failures[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $failures[0].Exception.Message | Should -BeLike "*$($other.Uri.Authority)/ranking*"
        $other.Requests.Count | Should -Be 0
    }
}

Describe 'Answers cut short' {
    It 'Connect-CXoneExpert retries the read, then fails with ExpertSiteUnreachable' {
        $site = New-Server @(CutBody)

        $failure = { Connect-CXoneExpert -Site $site.Uri -Credential $token -User '=admin' -MaxAttempts 2 } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be 'ExpertSiteUnreachable,CXoneRanking.PowerShell.Cmdlets.ConnectCXoneExpertCommand'
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $site.Requests.Count | Should -Be 2
    }

    It 'Search-CXoneExpert gives one ExpertSearchFailed per query and still runs the next one' {
        $site = New-Server @((Answer 200 $admin), (CutBody))
        $connection = Connect-CXoneExpert -Site $site.Uri -Credential $token -User '=admin' -MaxAttempts 2 -PassThru

        $ranks = 'refund', 'vpn' | Search-CXoneExpert -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

        $ranks | Should -BeNullOrEmpty
        $failures.Count | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ExpertSearchFailed,*' }
        $failures | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'ConnectionError' }
        $site.Requests.Count | Should -Be 5 -Because 'sign-in, then two attempts for each query'
    }

    It 'Add-SnippetClick -Expert gives ExpertSelectionFailed, posts the selection once and keeps the click' {
        $site = New-Server @((Answer 200 $admin), (CutBody))
        $connection = Connect-CXoneExpert -Site $site.Uri -Credential $token -User '=admin' -PassThru
        $audit = Join-Path $TestDrive 'clicks'
        $row = [pscustomobject]@{ SnippetId = '9'; Position = 1; expert_query_id = '4'; expert_rank = '0.8' }

        $entry = $row | Add-SnippetClick -SessionId call-1 -Expert -ExpertConnection $connection -Path $audit -PassThru `
            -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ExpertSelectionFailed,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $entry.SnippetId | Should -Be '9'
        @($site.Requests | Where-Object Method -EQ 'POST').Count | Should -Be 1
    }

    It 'Import-CXoneExpertSearchLog says ExpertSearchLogFailed, not AuditWriteFailed' {
        $site = New-Server @((Answer 200 $admin), (CutBody))
        $connection = Connect-CXoneExpert -Site $site.Uri -Credential $token -User '=admin' -MaxAttempts 2 -PassThru

        $failure = { Import-CXoneExpertSearchLog -Connection $connection -Path (Join-Path $TestDrive 'import') } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'ExpertSearchLogFailed,*'
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'Connect-CXone fails with TokenEndpointUnreachable when the token answer is cut short' {
        $tenant = New-Server @(CutBody)

        { Connect-CXone -BaseUri $tenant.Uri -TokenUri "$($tenant.Uri)oauth/token" -ClientId c -ClientSecret $clientSecret } |
            Should -Throw -ErrorId 'TokenEndpointUnreachable,CXoneRanking.PowerShell.Cmdlets.ConnectCXoneCommand'
    }
}

Describe 'Absurd answers and addresses (hostile review F1, F2, F8)' {
    It 'Connect-CXone believes an expires_in of <ExpiresIn> for a day at most, and Submit-SnippetRanking then succeeds' -ForEach @(
        @{ ExpiresIn = '1e300' }, @{ ExpiresIn = '300000000000' }
    ) {
        $tenant = New-Server @((Answer 200 "{""access_token"":""t"",""expires_in"":$ExpiresIn}"), (Answer 200 '{}'))
        $connection = Connect-CXone -BaseUri $tenant.Uri -TokenUri "$($tenant.Uri)oauth/token" -ClientId c -ClientSecret $clientSecret `
            -AuditPath (Join-Path $TestDrive "long-$ExpiresIn") -PassThru

        $result = New-TestRank long-lived | Submit-SnippetRanking -Connection $connection

        $connection.TokenExpiresAt | Should -BeLessOrEqual ([datetimeoffset]::UtcNow.AddDays(1))
        $result.Status | Should -Be 'Succeeded'
    }

    It 'Connect-CXone refuses a token holding CR/LF by name and keeps the current connection' {
        $good = New-Server @((Answer 200 '{"access_token":"t","expires_in":3600}'), (Answer 200 '{}'))
        Connect-CXone -BaseUri $good.Uri -TokenUri "$($good.Uri)oauth/token" -ClientId c -ClientSecret $clientSecret `
            -AuditPath (Join-Path $TestDrive 'kept')
        $bad = New-Server @(Answer 200 '{"access_token":"T\r\nX-Evil: 1","expires_in":3600}')

        $failure = { Connect-CXone -BaseUri $bad.Uri -TokenUri "$($bad.Uri)oauth/token" -ClientId c -ClientSecret $clientSecret } |
            Should -Throw -PassThru
        $result = New-TestRank kept | Submit-SnippetRanking

        $failure.FullyQualifiedErrorId | Should -Be 'TokenEndpointUnreachable,CXoneRanking.PowerShell.Cmdlets.ConnectCXoneCommand'
        $failure.Exception.Message | Should -BeLike '*cannot carry*'
        $result.Status | Should -Be 'Succeeded'
        @($good.Requests | Where-Object Target -NE '/oauth/token').Count | Should -Be 1
        @($bad.Requests).Count | Should -Be 1
    }

    It '<Command> refuses an address holding a password, naming neither the password nor the user' -ForEach @(
        @{ Command = 'Connect-CXone'; Call = { Connect-CXone -BaseUri 'http://bob:PASSWORD-IN-URL@127.0.0.1:9/' -ClientId c -ClientSecret $clientSecret } }
        @{ Command = 'Connect-CXoneExpert'; Call = { Connect-CXoneExpert -Site 'http://bob:PASSWORD-IN-URL@127.0.0.1:9/' -Credential $token -User '=admin' } }
    ) {
        $failure = $Call | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidConnectionSettings,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        # The error view also quotes the command as typed; what the module itself says must not repeat it.
        $failure.Exception.Message + $failure.TargetObject + $failure.ErrorDetails | Should -Not -BeLike '*PASSWORD-IN-URL*'
        "$($failure.TargetObject)" | Should -Be 'http://127.0.0.1:9/'
        $failure.Exception.Message | Should -BeLike '*never in the address*'
    }
}

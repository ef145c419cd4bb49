#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Connect-CXoneExpert and Disconnect-CXoneExpert end to end against the emulator's Expert API:
# a wrong secret fails at once with AuthenticationFailed, the environment variables alone connect
# in a fresh process, plain http to a remote host is refused before anything is sent, and the
# connection lives in this runspace beside the CXone one (docs/design.md#cxone-expert).

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $key = 'expert-connect-key'
    $secret = 'Expert-Connect-Secret-8d2f'
    $emulator = Start-CXoneEmulator -ArgumentList '--expert-key', $key, '--expert-secret', $secret
    $token = [pscredential]::new($key, (ConvertTo-SecureString $secret -AsPlainText -Force))
    $savedEnvironment = @{}
    foreach ($name in 'CXONE_EXPERT_SITE', 'CXONE_EXPERT_KEY', 'CXONE_EXPERT_SECRET', 'CXONE_EXPERT_USER') {
        $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
}

AfterAll {
    Disconnect-CXoneExpert
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    if ($emulator) { Stop-CXoneEmulator -Emulator $emulator }
}

Describe 'Connect-CXoneExpert' {
    It 'checks the token at once and keeps the connection for the runspace' {
        $connection = Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' -PassThru

        $connection.SignedInAs.Username | Should -Be 'admin'
        $global:CXoneRankingExpertConnection | Should -Be $connection
        $connection.ToString() | Should -Match "key $key"
        $connection.ToString() | Should -Not -Match $secret
    }

    It 'fails with a terminating AuthenticationFailed error for a wrong secret' {
        $wrong = [pscredential]::new($key, (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force))

        $failure = { Connect-CXoneExpert -Site $emulator.Uri -Credential $wrong -User '=admin' } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        ($failure | Out-String) + $failure.Exception.ToString() | Should -Not -Match 'not-the-secret|tkn_'
    }

    It 'fails with AuthenticationFailed for a user the site does not know' {
        { Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=nobody' } |
            Should -Throw -ErrorId 'AuthenticationFailed,CXoneRanking.PowerShell.Cmdlets.ConnectCXoneExpertCommand'
    }

    It 'says first that the site may not know the user, since the site answers an unknown user as Anonymous' {
        $failure = $null
        try { Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=nobody' } catch { $failure = $_ }
        $failure.Exception.Message | Should -Match "does not know user '=nobody'"
    }

    It 'signs in as =ranking-bot, the user of the README''s and the help''s examples' {
        $connection = Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=ranking-bot' -PassThru
        $connection.SignedInAs.Username | Should -Be 'ranking-bot'
    }

    It 'takes -Key and -Secret as well as a credential' {
        $connection = Connect-CXoneExpert -Site $emulator.Uri -Key $key -Secret $token.Password -User 1 -PassThru

        $connection.SignedInAs.Id | Should -Be 1
    }

    It 'connects from the environment variables alone, in a fresh process' {
        $run = Invoke-ChildPwsh @'
Import-Module $env:CXONERANKING_MODULE_PATH
$connection = Connect-CXoneExpert -PassThru -ErrorAction Stop
"signed-in:$($connection.SignedInAs.Username)"
'@ @{ CXONE_EXPERT_SITE = [string]$emulator.Uri; CXONE_EXPERT_KEY = $key; CXONE_EXPERT_SECRET = $secret; CXONE_EXPERT_USER = '=admin' }

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.StdOut | Should -Match 'signed-in:admin'
        $run.Output | Should -Not -Match $secret
    }

    It 'lets an explicit parameter win over its environment variable' {
        $run = Invoke-ChildPwsh @'
Import-Module $env:CXONERANKING_MODULE_PATH
$connection = Connect-CXoneExpert -User '=agent' -PassThru -ErrorAction Stop
"signed-in:$($connection.SignedInAs.Username)"
'@ @{ CXONE_EXPERT_SITE = [string]$emulator.Uri; CXONE_EXPERT_KEY = $key; CXONE_EXPERT_SECRET = $secret; CXONE_EXPERT_USER = '=admin' }

        $run.StdOut | Should -Match 'signed-in:agent' -Because $run.Output
    }

    It 'refuses plain http to a host that is not loopback with InvalidConnectionSettings, sending nothing' {
        { Connect-CXoneExpert -Site 'http://help.example.com' -Credential $token -User '=admin' } |
            Should -Throw -ErrorId 'InvalidConnectionSettings,CXoneRanking.PowerShell.Cmdlets.ConnectCXoneExpertCommand'
    }

    It 'names what is missing when neither a parameter nor a variable gives it' {
        { Connect-CXoneExpert -Site $emulator.Uri -Credential $token } | Should -Throw '*CXONE_EXPERT_USER*'
    }

    It 'reports an unreachable site as ExpertSiteUnreachable' {
        $closed = "http://127.0.0.1:$(Get-FreePort)/"

        { Connect-CXoneExpert -Site $closed -Credential $token -User '=admin' -MaxAttempts 1 } |
            Should -Throw -ErrorId 'ExpertSiteUnreachable,CXoneRanking.PowerShell.Cmdlets.ConnectCXoneExpertCommand'
    }

    # NICE's guide: the token's user part must be encoded; the site decodes it before the lookup.
    It 'signs in as <Expected> for -User <User>, the name percent-encoded in the token' -ForEach @(
        @{ User = "=J$([char]0xF6)rg"; Expected = "J$([char]0xF6)rg" }
        @{ User = '=night_shift'; Expected = 'night_shift' }
        @{ User = '=ad%6Din'; Expected = 'ad%6Din' }
        @{ User = '==team'; Expected = '=team' }
    ) {
        $connection = Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User $User -PassThru

        $connection.SignedInAs.Username | Should -BeExactly $Expected
    }

    It 'closes the connection it replaces (sockets and secret), so a kept copy is ConnectionClosed' {
        $first = Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' -PassThru
        $second = Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' -PassThru

        $first.IsDisconnected | Should -BeTrue
        $second.IsDisconnected | Should -BeFalse
        { Search-CXoneExpert -Query refund -Connection $first } |
            Should -Throw -ErrorId 'ConnectionClosed,CXoneRanking.PowerShell.Cmdlets.SearchCXoneExpertCommand'
    }
}

Describe 'Disconnect-CXoneExpert' {
    It 'forgets the connection, after which Search-CXoneExpert says NotConnected' {
        Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin'

        Disconnect-CXoneExpert

        $global:CXoneRankingExpertConnection | Should -BeNullOrEmpty
        { Search-CXoneExpert -Query refund } | Should -Throw -ErrorId 'NotConnected,CXoneRanking.PowerShell.Cmdlets.SearchCXoneExpertCommand'
    }

    It 'forgets but does not close a connection the script built itself' {
        $settings = [CXoneRanking.Expert.ExpertSettings]@{ Site = $emulator.Uri; Key = $key; Secret = $token.Password; User = '=admin' }
        $own = [CXoneRanking.Expert.ExpertConnection]::new($settings)
        try {
            Disconnect-CXoneExpert -Connection $own

            $own.IsDisconnected | Should -BeFalse
        } finally { $own.Dispose() }
    }

    It 'makes a closed -Connection a ConnectionClosed error' {
        $connection = Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' -PassThru
        $connection | Disconnect-CXoneExpert

        { Search-CXoneExpert -Query refund -Connection $connection } |
            Should -Throw -ErrorId 'ConnectionClosed,CXoneRanking.PowerShell.Cmdlets.SearchCXoneExpertCommand'
    }
}

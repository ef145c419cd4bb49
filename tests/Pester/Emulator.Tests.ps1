#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The emulator as a script uses it: started and stopped through CXoneEmulator.psm1 from out/emulator/,
# spoken to with Invoke-RestMethod. build.ps1 Build publishes it there first.

BeforeAll {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    $emulatorDll = Join-Path $repoRoot 'out/emulator/CXoneRanking.Emulator.dll'
    if (-not (Test-Path -LiteralPath $emulatorDll)) {
        throw "The emulator is not built: run 'dotnet build src/CXoneRanking.Emulator -c Release -o out/emulator' first."
    }
    Import-Module (Join-Path $repoRoot 'src/CXoneRanking.Emulator/CXoneEmulator.psm1') -Force

    $secret = 'pester-secret-4711'
    # No -Path: the module must find out/emulator/ by itself from its place in the repository.
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'pester', '--client-secret', $secret

    function Get-TestToken {
        $form = @{
            grant_type    = 'client_credentials'
            client_id     = 'pester'
            client_secret = $secret
            scope         = 'agentassist:session:write agentassist:snippet:write'
        }
        (Invoke-RestMethod -Method Post -Uri $emulator.TokenUri -Body $form).access_token
    }

    function Send-TestRanking([string] $SessionId, [string] $Token, [string] $Key) {
        $body = @{
            session_id        = $SessionId
            max_result_window = 5
            snippets          = @(
                @{ snippet_id = 'KB-001'; relevance_score = 1.0; boost_factor = 1.2; metadata = @{ category = 'billing' } },
                @{ snippet_id = 'KB-002'; relevance_score = 0.75; boost_factor = 1; metadata = @{} }
            )
        } | ConvertTo-Json -Depth 5
        $uri = [uri]::new($emulator.Uri, "/api/v2/agentassist/sessions/$([uri]::EscapeDataString($SessionId))/snippets/ranking")
        Invoke-RestMethod -Method Post -Uri $uri -Body $body -ContentType 'application/json' `
            -Headers @{ Authorization = "Bearer $Token"; 'Idempotency-Key' = $Key }
    }
}

AfterAll {
    Stop-CXoneEmulator
    Remove-Module CXoneEmulator -ErrorAction SilentlyContinue
}

Describe 'Start-CXoneEmulator' {
    It 'starts the emulator on a free loopback port and waits until it answers' {
        $emulator.Uri.Host | Should -Be '127.0.0.1'
        $emulator.Uri.Port | Should -BeGreaterThan 0
        $emulator.Process.HasExited | Should -BeFalse
        (Invoke-RestMethod -Uri $emulator.Uri).name | Should -Be 'CXone Agent Assist emulator'
    }

    It 'reports why the emulator would not start' {
        { Start-CXoneEmulator -ArgumentList '--fault-rate', '429=2' } |
            Should -Throw '*exited with code 2*--fault-rate*'
    }

    It 'stops an emulator and only that one' {
        $second = Start-CXoneEmulator -Path (Join-Path $repoRoot 'out/emulator/CXoneRanking.Emulator.dll')
        $second.Uri.Port | Should -Not -Be $emulator.Uri.Port

        $second | Stop-CXoneEmulator

        $second.Process.HasExited | Should -BeTrue
        $emulator.Process.HasExited | Should -BeFalse
    }
}

Describe 'The emulator through Invoke-RestMethod' {
    BeforeAll {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($emulator.Uri, '/_emulator/reset')) | Out-Null
        $token = Get-TestToken
    }

    It 'refuses a wrong client secret with invalid_client' {
        $form = @{ grant_type = 'client_credentials'; client_id = 'pester'; client_secret = 'nope'
                   scope = 'agentassist:session:write agentassist:snippet:write' }
        $reply = Invoke-RestMethod -Method Post -Uri $emulator.TokenUri -Body $form -SkipHttpErrorCheck -StatusCodeVariable status
        $status | Should -Be 401
        $reply.error | Should -Be 'invalid_client'
    }

    It 'applies a ranking to a session whose id needs escaping' {
        $accepted = Send-TestRanking -SessionId 'queue/billing 1' -Token $token -Key 'pester-key-1'

        $accepted.session_id | Should -Be 'queue/billing 1'
        $accepted.accepted | Should -Be 2
        $stored = Invoke-RestMethod -Uri ([uri]::new($emulator.Uri, '/_emulator/rankings/queue%2Fbilling%201'))
        $stored.payload.snippets.snippet_id | Should -Be 'KB-001', 'KB-002'
        $stored.applied_count | Should -Be 1
    }

    It 'replays a retried submission instead of applying it twice' {
        $first = Send-TestRanking -SessionId 's-replay' -Token $token -Key 'pester-key-2'
        $again = Send-TestRanking -SessionId 's-replay' -Token $token -Key 'pester-key-2'

        $again.ranking_id | Should -Be $first.ranking_id
        (Invoke-RestMethod -Uri ([uri]::new($emulator.Uri, '/_emulator/rankings/s-replay'))).applied_count | Should -Be 1
    }

    It 'journals what the client did, without its secret or token' {
        $journal = Invoke-RestMethod -Uri ([uri]::new($emulator.Uri, '/_emulator/journal?session_id=s-replay'))

        $journal.entries.outcome | Should -Be 'applied', 'replayed'
        $journal.entries.idempotency_key | Should -Be 'pester-key-2', 'pester-key-2'
        $everything = Invoke-WebRequest -Uri ([uri]::new($emulator.Uri, '/_emulator/journal'))
        $everything.Content | Should -Not -BeLike "*$secret*"
        $everything.Content | Should -Not -BeLike "*$token*"
    }
}

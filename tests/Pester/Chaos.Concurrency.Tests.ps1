#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Several processes and runspaces writing to one audit directory and sharing one connection.
# One of the Chaos.*.Tests.ps1 files (issue 7: under load and faults the module loses nothing,
# applies nothing twice and keeps a truthful audit). Each run's figures are printed and merged into
# out/TestResults/reliability-figures.json; docs/reliability.md explains them. The helpers
# (Start-ChaosEmulator, Connect-Chaos, New-ChaosRank, Add-ReliabilityFigure ...) are in TestSupport.psm1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
}

AfterAll { Stop-ChaosRun }

Describe 'Concurrency: several writers on one audit directory and one connection' {
    BeforeAll {
        $emulator = Start-ChaosEmulator '--fault-rate', '429=0.1,500=0.05', '--seed', '5', '--retry-after', '0'
        $client = Get-ChaosClient   # the child processes sign in with it
    }
    AfterAll { Stop-CXoneEmulator $emulator }

    It 'loses and mis-chains nothing: 4 processes each submitting 20 sessions and appending 250 clicks, interleaved' {
        $dir = Join-Path $TestDrive 'audit-processes'
        $null = New-Item -ItemType Directory $dir
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $processes = foreach ($n in 1..4) {
            # Each child says it is ready, then waits for the others, so their appends really overlap.
            $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$env:CXONERANKING_MODULE_PATH'
`$secret = ConvertTo-SecureString '$($client.Secret)' -AsPlainText -Force
Connect-CXone -BaseUri '$($emulator.Uri)' -ClientId '$($client.Id)' -ClientSecret `$secret -AuditPath '$dir' -MaxAttempts 10
New-Item -ItemType File '$dir/ready-$n' | Out-Null
while (-not (Test-Path '$dir/go')) { Start-Sleep -Milliseconds 10 }
foreach (`$round in 1..10) {
    `$results = 1, 2 | ForEach-Object { New-SnippetRank -SessionId ('p$n-r{0:D2}-s{1}' -f `$round, `$_) -SnippetId KB-1 -RelevanceScore 0.9 } |
        Submit-SnippetRanking -ThrottleLimit 2
    if (@(`$results | Where-Object Status -EQ 'Succeeded').Count -ne 2) { exit 3 }
    foreach (`$i in 1..25) { Add-SnippetClick -SessionId ('p$n-r{0:D2}-s1' -f `$round) -SnippetId ('KB-{0:D3}' -f ((`$round - 1) * 25 + `$i)) -RankPosition 1 }
}
"@
            $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
            Start-Process -FilePath 'dotnet' -ArgumentList $pwsh, '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded -PassThru `
                -RedirectStandardError (Join-Path $TestDrive "writer-$n.err") -RedirectStandardOutput (Join-Path $TestDrive "writer-$n.out")
        }
        try {
            Wait-Until { @(Get-ChildItem $dir -Filter 'ready-*').Count -eq 4 -or @($processes | Where-Object HasExited).Count -gt 0 } -TimeoutSeconds 120
            $null = New-Item -ItemType File (Join-Path $dir 'go')
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            foreach ($process in $processes) {
                $process.WaitForExit(180000) | Should -BeTrue
                $process.ExitCode | Should -Be 0 -Because (Get-Content (Join-Path $TestDrive "writer-$([array]::IndexOf($processes, $process) + 1).err") -Raw)
            }
            $clock.Stop()
        }
        finally { $processes | Where-Object { -not $_.HasExited } | ForEach-Object { $_.Kill() } }

        $verification = Test-RankingAuditLog -Path $dir
        $verification.IsValid | Should -BeTrue -Because $verification.Reason
        $verification.Entries | Should -Be (4 * (2 * 20 + 250)) -Because 'each session has a write-ahead entry and an outcome entry'
        $verification.TornLines | Should -BeNullOrEmpty
        $entries = Get-AuditEntry $dir
        foreach ($n in 1..4) {
            $mine = @($entries | Where-Object { $_.session_id -like "p$n-*" })
            @($mine | Where-Object event -EQ 'ranking.submitted').Count | Should -Be 20
            @($mine | Where-Object event -EQ 'click').snippet_id | Should -Be (1..250 | ForEach-Object { 'KB-{0:D3}' -f $_ }) -Because "process $n's clicks keep their order"
        }
        $switches = 0
        for ($i = 1; $i -lt $entries.Count; $i++) { if ($entries[$i].session_id.Substring(0, 2) -ne $entries[$i - 1].session_id.Substring(0, 2)) { $switches++ } }
        $switches | Should -BeGreaterThan 3 -Because 'the four writers really took turns'
        $sessions = @($entries | Where-Object event -EQ 'ranking.submitted').session_id
        $held = Get-AppliedRankingBySession $emulator $sessions
        foreach ($id in $sessions) { $held[$id].applied_count | Should -Be 1 }
        Add-ReliabilityFigure 'processes' ([ordered]@{
                Processes = 4; Submissions = $sessions.Count; Clicks = 1000; AuditEntries = $verification.Entries
                Lost = (4 * 290) - $verification.Entries; ChainValid = $verification.IsValid; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            })
    }

    It 'shares one connection between 8 runspaces under faults: one token request, every session applied once' {
        $dir = Join-Path $TestDrive 'audit-runspaces'
        $issuedBefore = @(Get-Journal $emulator | Where-Object outcome -EQ 'token_issued').Count
        $connection = Connect-Chaos $emulator $dir
        $modulePath = $env:CXONERANKING_MODULE_PATH

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @(1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
                Import-Module $using:modulePath
                $runspace = $_
                1..10 | ForEach-Object { New-SnippetRank -SessionId ('rs{0}-{1:D2}' -f $runspace, $_) -SnippetId KB-1 -RelevanceScore 0.5 } |
                    Submit-SnippetRanking -Connection $using:connection -ThrottleLimit 2
            })
        $clock.Stop()

        $results.Count | Should -Be 80
        @($results | Where-Object Status -NE 'Succeeded') | Should -BeNullOrEmpty
        $connection.TokenRequests | Should -Be 1
        @(Get-Journal $emulator | Where-Object outcome -EQ 'token_issued').Count | Should -Be ($issuedBefore + 1)
        $held = Get-AppliedRankingBySession $emulator $results.SessionId
        foreach ($id in $results.SessionId) { $held[$id].applied_count | Should -Be 1 }
        $verification = Test-RankingAuditLog -Path $dir
        $verification.IsValid | Should -BeTrue
        $verification.Entries | Should -Be 160 -Because 'each session has a write-ahead entry and an outcome entry'
        Add-ReliabilityFigure 'runspaces' ([ordered]@{
                Runspaces = 8; Sessions = $results.Count; TokenRequests = $connection.TokenRequests
                Retries = [int]($results | Measure-Object Attempts -Sum).Sum - $results.Count
                Lost = @($results.SessionId | Where-Object { -not $held[$_] }).Count
                Duplicated = @($results.SessionId | Where-Object { $held[$_].applied_count -gt 1 }).Count
                Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            })
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Ctrl+C with a long backlog: the sessions not yet started are recorded together as
# ranking.cancelled (never a write-ahead entry, never a POST), so stopping does not grow with
# the backlog. Stopped the way a console host does it: PowerShell.Stop() from another thread.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientId = 'backlog-pester'
    $secret = ConvertTo-SecureString 'Backlog-Client-Secret-8a0f' -AsPlainText -Force
    # A 429 parks a session for 30 s: the run is certainly still busy when it is stopped.
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', $clientId, '--client-secret', 'Backlog-Client-Secret-8a0f', '--retry-after', '30'

    function Get-Posts {
        @((Invoke-RestMethod -Uri "$($emulator.Uri)_emulator/journal").entries | Where-Object { $_.method -eq 'POST' -and $_.session_id -like 'bk-*' })
    }
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
}

Describe 'Ctrl+C with 10,000 sessions queued' {
    # Before the one-batch fix, stopping took 108 s here (every queued session ran and appended
    # on its own); now about 0.4 s of CPU. The bound is generous: the machine may be shared.
    It 'stops within 5 s and audits every session not sent as cancelled, in a valid chain' {
        $audit = Join-Path $TestDrive 'backlog'
        $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secret -AuditPath $audit -PassThru
        foreach ($id in 'bk-00001', 'bk-00002') {
            $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Uri)_emulator/faults" -ContentType 'application/json' `
                -Body (@{ session_id = $id; responses = @(429) } | ConvertTo-Json)
        }
        $ps = [powershell]::Create()
        $null = $ps.AddScript('param($m, $c) Import-Module $m
            1..10000 | ForEach-Object { [pscustomobject]@{ session_id = "bk-{0:D5}" -f $_; snippet_id = "KB-1"; relevance_score = 0.9 } } |
                New-SnippetRank | Submit-SnippetRanking -Connection $c -ThrottleLimit 2').AddArgument($env:CXONERANKING_MODULE_PATH).AddArgument($connection)
        $pending = $ps.BeginInvoke()
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (@(Get-Posts).Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            @(Get-Posts).Count | Should -Be 2 -Because 'both sessions in flight are parked in a 30 s Retry-After'
            $cpu = [System.Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $cpu = [System.Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - $cpu
            $state = $ps.InvocationStateInfo.State
        }
        finally { $ps.Dispose() }
        # CPU time too: on a shared, busy machine the wall clock says more about the neighbours.
        Write-Host ("Stop with 10,000 sessions queued: {0:0.000} s, {1:0.000} s of CPU in this process" -f $clock.Elapsed.TotalSeconds, $cpu.TotalSeconds)

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
        $state | Should -Be 'Stopped'
        $pending.IsCompleted | Should -BeTrue
        $check = Test-RankingAuditLog -Path $audit
        $check.IsValid | Should -BeTrue -Because $check.Reason
        $check.OutcomeUnknown | Should -BeNullOrEmpty -Because 'the two sessions in flight got their cancelled outcome'
        $entries = @(Get-ChildItem -LiteralPath $audit -Filter 'cxone-audit-*.jsonl' | Get-Content | ConvertFrom-Json)
        @($entries | Where-Object event -EQ 'ranking.sending').session_id | Sort-Object | Should -Be @('bk-00001', 'bk-00002')
        $cancelled = @($entries | Where-Object event -EQ 'ranking.cancelled')
        $cancelled.Count | Should -Be 10000
        @($cancelled | Where-Object attempts -GT 0).session_id | Sort-Object | Should -Be @('bk-00001', 'bk-00002')
        Start-Sleep -Milliseconds 500   # nothing left running may post later
        @(Get-Posts).Count | Should -Be 2
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Resuming a stopped run (docs/design.md#skipping-unchanged-sessions): the same job re-run with
# -SkipUnchanged after the process was killed, or after Ctrl+C, sends exactly the sessions the
# audit log does not show as applied (never applied, cancelled, or sent with no outcome), and
# none that were. The emulator's journal is the witness.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientSecret = 'Resume-Pester-Secret-71c9'
    # 40 ms per answer and two sessions at a time: 120 sessions take seconds, time enough to stop the run half-way.
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'resume', '--client-secret', $clientSecret, '--latency-ms', '40'
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force
    $sessions = 120
    $job = '1..{0} | ForEach-Object {{ foreach ($k in 1..3) {{
            [pscustomobject]@{{ session_id = "{1}-{{0:D3}}" -f $_; snippet_id = "KB-$k"; relevance_score = 0.2 * $k }} }} }} |
        New-SnippetRank | Submit-SnippetRanking -ThrottleLimit 2 -SkipUnchanged'

    # Sessions whose latest entry in the log is ranking.submitted: what the server is known to hold.
    function Get-AppliedSession([string] $Audit) {
        $latest = @{}
        foreach ($line in Get-ChildItem -LiteralPath $Audit -Filter 'cxone-audit-*.jsonl' | Sort-Object Name | Get-Content) {
            $entry = try { $line | ConvertFrom-Json } catch { $null }   # the kill may leave a torn last line
            if ($entry.event -in 'ranking.sending', 'ranking.submitted', 'ranking.failed', 'ranking.cancelled') {
                $latest[$entry.session_id] = $entry.event
            }
        }
        @($latest.Keys | Where-Object { $latest[$_] -eq 'ranking.submitted' } | Sort-Object)
    }

    function Wait-Posts([string] $Like, [int] $Count) {
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (@(Get-EmulatorRankingPost $emulator -Like $Like).Count -lt $Count -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 50
        }
        @(Get-EmulatorRankingPost $emulator -Like $Like).Count | Should -BeGreaterOrEqual $Count -Because 'the run must be under way'
    }

    # The resumed run, in this process: what it posted and returned.
    function Resume([string] $Prefix, [string] $Audit) {
        $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId resume -ClientSecret $secureSecret -AuditPath $Audit -PassThru
        $mark = Get-EmulatorJournalMark $emulator
        $results = @(Invoke-Expression ($job -f $sessions, $Prefix).Replace('-SkipUnchanged', '-SkipUnchanged -Connection $connection'))
        [pscustomobject]@{ Results = $results; Posted = @(Get-EmulatorRankingPost $emulator -After $mark -Like "$Prefix-*" | Sort-Object -Unique) }
    }

    function Assert-Resumed([string] $Prefix, [string] $Audit, [string[]] $Applied, $Resumed) {
        $all = 1..$sessions | ForEach-Object { "$Prefix-{0:D3}" -f $_ }
        $expected = @($all | Where-Object { $_ -notin $Applied })
        $Resumed.Posted | Should -Be $expected -Because 'exactly what the log does not show as applied is sent'
        @($Resumed.Results | Where-Object Status -EQ Unchanged).SessionId | Sort-Object | Should -Be $Applied
        @($Resumed.Results | Where-Object Status -EQ Succeeded).Count | Should -Be $expected.Count
        (Test-RankingAuditLog -Path $Audit).IsValid | Should -BeTrue
        Write-Host ("{0}: {1} of {2} sessions applied before the stop; the resumed run sent {3}" -f
            $Prefix, $Applied.Count, $sessions, $Resumed.Posted.Count)
    }
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
}

Describe 'Resuming with -SkipUnchanged' {
    It 'after the process was killed mid-way, sends only what was not applied (unknown outcomes included)' {
        $audit = Join-Path $TestDrive 'killed'
        $script = 'Import-Module $env:CXONERANKING_MODULE_PATH; Connect-CXone; ' + ($job -f $sessions, 'kill') + ' | Out-Null'
        $child = Start-ChildPwsh -Script $script -Environment @{ CXONE_BASE_URI = $emulator.Uri.AbsoluteUri; CXONE_CLIENT_ID = 'resume'
            CXONE_CLIENT_SECRET = $clientSecret; CXONE_AUDIT_PATH = $audit }
        try {
            Wait-Posts -Like 'kill-*' -Count 30
            $child.Kill($true)
            $child.WaitForExit()
        }
        finally { $child.Dispose() }
        $applied = Get-AppliedSession $audit
        $applied.Count | Should -BeLessThan $sessions -Because 'the run was killed before its end'
        $orphaned = @((Test-RankingAuditLog -Path $audit).OutcomeUnknown)
        $orphaned | Should -Not -BeNullOrEmpty -Because 'sessions were in flight when the run was killed'

        Assert-Resumed -Prefix 'kill' -Audit $audit -Applied $applied -Resumed (Resume -Prefix 'kill' -Audit $audit)
        # The killed run's write-ahead entries stay without an outcome; the resumed run's successes settle them.
        $next = Resume -Prefix 'kill' -Audit $audit
        $next.Posted | Should -BeNullOrEmpty -Because 'every session is applied now, the orphaned ones included'
        @($next.Results | Where-Object Status -EQ Unchanged).Count | Should -Be $sessions
    }

    It 'after Ctrl+C, sends only what was not applied' {
        $audit = Join-Path $TestDrive 'stopped'
        $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId resume -ClientSecret $secureSecret -AuditPath $audit -PassThru
        $ps = [powershell]::Create()
        $stopped = ($job -f $sessions, 'stop').Replace('-SkipUnchanged', '-SkipUnchanged -Connection $connection')
        $null = $ps.AddScript("param(`$m, `$connection) Import-Module `$m; " + $stopped).
            AddArgument($env:CXONERANKING_MODULE_PATH).AddArgument($connection)
        $pending = $ps.BeginInvoke()
        try {
            Wait-Posts -Like 'stop-*' -Count 30
            $ps.Stop()
        }
        finally { $ps.Dispose() }
        $pending.IsCompleted | Should -BeTrue
        $applied = Get-AppliedSession $audit
        $applied.Count | Should -BeLessThan $sessions -Because 'the run was stopped before its end'
        (Test-RankingAuditLog -Path $audit).OutcomeUnknown | Should -BeNullOrEmpty -Because 'Ctrl+C lets every session in flight record its outcome'

        Assert-Resumed -Prefix 'stop' -Audit $audit -Applied $applied -Resumed (Resume -Prefix 'stop' -Audit $audit)
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Submit-SnippetRanking -SkipUnchanged end to end against the emulator, as a new user would use
# it (docs/design.md#skipping-unchanged-sessions): a session whose ranking is the one last
# applied is not sent; a new, changed, rejected or never-finished one is. The emulator's journal
# is the witness of what was really sent.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientSecret = 'Skip-Pester-Secret-5d2e'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'skip', '--client-secret', $clientSecret
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force

    # A rankings file of sessions sk-01.. with three snippets each; -Bump raises one snippet's score of those sessions.
    function New-RankingRow([int] $Sessions, [string[]] $Bump = @()) {
        foreach ($s in 1..$Sessions) {
            $id = 'sk-{0:D2}' -f $s
            foreach ($k in 1..3) {
                $score = 0.3 + 0.2 * $k + $(if ($k -eq 1 -and $id -in $Bump) { 0.05 } else { 0 })
                [pscustomobject]@{ session_id = $id; snippet_id = "KB-$k"; relevance_score = $score.ToString([cultureinfo]::InvariantCulture) }
            }
        }
    }

    # The session's next -Times ranking POSTs are refused with 400.
    function Reject([string] $SessionId, [int] $Times = 1) {
        $body = @{ session_id = $SessionId; responses = @(1..$Times | ForEach-Object { 400 }) } | ConvertTo-Json -Compress
        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Uri)_emulator/faults" -ContentType 'application/json' -Body $body
    }

    # Runs one submission and returns its results, errors and the session ids it POSTed.
    function Invoke-Submission([object[]] $Rows, [switch] $SkipUnchanged) {
        $mark = Get-EmulatorJournalMark $emulator
        $errors = $null
        $results = @($Rows | New-SnippetRank |
                Submit-SnippetRanking -SkipUnchanged:$SkipUnchanged -ErrorAction SilentlyContinue -ErrorVariable errors)
        [pscustomobject]@{ Results = $results; Errors = @($errors); Posted = @(Get-EmulatorRankingPost $emulator -After $mark | Sort-Object -Unique) }
    }
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
}

Describe 'A nightly job with -SkipUnchanged' {
    BeforeAll {
        $audit = Join-Path $TestDrive 'nightly'
        Connect-CXone -BaseUri $emulator.Uri -ClientId skip -ClientSecret $secureSecret -AuditPath $audit
        Reject 'sk-05' -Times 3   # rejected by the first three runs that send it
        $first = Invoke-Submission (New-RankingRow 30)
        $second = Invoke-Submission (New-RankingRow 60) -SkipUnchanged
        $third = Invoke-Submission (New-RankingRow 60 -Bump 'sk-10', 'sk-40') -SkipUnchanged
        $fourth = Invoke-Submission (New-RankingRow 60 -Bump 'sk-10', 'sk-40') -SkipUnchanged
        $all = Invoke-Submission (New-RankingRow 60 -Bump 'sk-10', 'sk-40')
    }

    It 'first sends all 30 sessions, one of them rejected' {
        $first.Posted.Count | Should -Be 30
        @($first.Results | Where-Object Status -EQ RankingRejected).SessionId | Should -Be 'sk-05'
    }

    It 'then sends exactly the 30 new sessions and the rejected one, and returns the other 29 as Unchanged with no error' {
        $expected = @('sk-05') + @(31..60 | ForEach-Object { 'sk-{0:D2}' -f $_ })
        $second.Posted | Should -Be ($expected | Sort-Object)
        $unchanged = @($second.Results | Where-Object Status -EQ Unchanged)
        $unchanged.Count | Should -Be 29
        $unchanged.SessionId | Should -Not -Contain 'sk-05'
        $unchanged | ForEach-Object { $_.Succeeded | Should -BeTrue; $_.Attempts | Should -Be 0; $_.HttpStatus | Should -BeNullOrEmpty }
        $second.Results.Count | Should -Be 60
        $second.Errors.TargetObject | Should -Be 'sk-05' -Because 'only the session rejected again gives an error'
    }

    It 'sends exactly the two changed sessions and the still-rejected one, then nothing but that one' {
        $third.Posted | Should -Be @('sk-05', 'sk-10', 'sk-40')
        @($third.Results | Where-Object Status -EQ Unchanged).Count | Should -Be 57
        @($third.Errors).Count | Should -Be 1
        $third.Errors[0].FullyQualifiedErrorId | Should -BeLike 'RankingRejected*'
        $fourth.Posted | Should -Be @('sk-05')
        @($fourth.Results | Where-Object Status -EQ Succeeded).SessionId | Should -Be 'sk-05'
        @($fourth.Results | Where-Object Status -EQ Unchanged).Count | Should -Be 59
    }

    It 'sends everything without the switch' {
        $all.Posted.Count | Should -Be 60
        @($all.Results | Where-Object Status -EQ Succeeded).Count | Should -Be 60
    }

    It 'records each skipped session as ranking.unchanged with its target, in a valid chain' {
        $check = Test-RankingAuditLog -Path $audit
        $check.IsValid | Should -BeTrue -Because $check.Reason
        $entries = @(Get-ChildItem -LiteralPath $audit -Filter 'cxone-audit-*.jsonl' | Get-Content | ConvertFrom-Json)
        $unchanged = @($entries | Where-Object event -EQ 'ranking.unchanged')
        $unchanged.Count | Should -Be (29 + 57 + 59)
        # The emulator names no tenant on a client-credentials sign-in, so the target names the client.
        $target = "$($emulator.Uri.AbsoluteUri.TrimEnd('/'))/api/v2/agentassist/sessions/{sessionId}/snippets/ranking client=skip"
        @($entries | Where-Object { $_.event -like 'ranking.*' -and $_.target -ne $target }) | Should -BeNullOrEmpty
        $unchanged[0].note | Should -BeLike 'unchanged since it was applied at *'
    }

    It 'is counted apart by Get-RankingMetrics and the report' {
        $metrics = Get-RankingMetrics -Path $audit
        $metrics.Unchanged | Should -Be (29 + 57 + 59)
        $metrics.Submissions | Should -Be (30 + 31 + 3 + 1 + 60)
        (Get-RankingMetrics -Path $audit | Out-String) | Should -Match 'Unchanged\s+: 145'
        $report = Join-Path $TestDrive 'report.html'
        Export-RankingReport -AuditPath $audit -Path $report
        Get-Content $report -Raw | Should -Match 'data-metric="unchanged" data-value="145"'
    }

    It 'says per session with -WhatIf whether it would be sent or skipped, and sends and records nothing' {
        $mark = Get-EmulatorJournalMark $emulator
        $before = (Get-ChildItem -LiteralPath $audit -Filter 'cxone-audit-*.jsonl' | Get-Content).Count
        # What-if lines go to the host, so a child pwsh's standard output shows them.
        $child = Invoke-ChildPwsh -Environment @{ CXONE_BASE_URI = $emulator.Uri.AbsoluteUri; CXONE_CLIENT_ID = 'skip'
            CXONE_CLIENT_SECRET = $clientSecret; CXONE_AUDIT_PATH = $audit } -Script 'Import-Module $env:CXONERANKING_MODULE_PATH; Connect-CXone
            1..3 | ForEach-Object { foreach ($k in 1..3) { [pscustomobject]@{ session_id = "sk-0$_"; snippet_id = "KB-$k"
                relevance_score = 0.3 + 0.2 * $k + $(if ($_ -eq 2 -and $k -eq 1) { 0.01 } else { 0 }) } } } |
                New-SnippetRank | Submit-SnippetRanking -SkipUnchanged -WhatIf'
        $lines = $child.StdOut
        $skip = 'Skip a ranking of 3 snippet\(s\): unchanged since it was applied at .*'
        $lines | Should -Match "What if: Performing the operation ""$skip"" on target ""session 'sk-01'"""
        $lines | Should -Match "What if: Performing the operation ""Submit a ranking of 3 snippet\(s\).*"" on target ""session 'sk-02'"""
        @(Get-EmulatorRankingPost $emulator -After $mark) | Should -BeNullOrEmpty
        (Get-ChildItem -LiteralPath $audit -Filter 'cxone-audit-*.jsonl' | Get-Content).Count | Should -Be $before
    }

    It 'says at -Verbose why a session is skipped' {
        $verbose = New-RankingRow 1 | New-SnippetRank | Submit-SnippetRanking -SkipUnchanged -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "Session 'sk-01': unchanged since it was applied at .*; not sent\."
    }
}

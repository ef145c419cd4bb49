#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Nothing is sent that the audit log cannot record, and an audit failure never ends a run with a
# raw exception: the folder replaced by a plain file before or during a run, as a user could do.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientId = 'audit-failure-pester'
    $secret = ConvertTo-SecureString 'Audit-Failure-Secret-41c2' -AsPlainText -Force
    # A 429 parks a session for 2 s: time to break the audit folder while it is in flight.
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', $clientId, '--client-secret', 'Audit-Failure-Secret-41c2', '--retry-after', '2'

    function New-Ranks([string[]] $SessionId) {
        foreach ($id in $SessionId) { New-SnippetRank -SessionId $id -SnippetId KB-1 -RelevanceScore 0.9 }
    }

    # Moves the audit folder aside and puts a plain file in its place; Restore-AuditFolder undoes it.
    function Break-AuditFolder([string] $Path) {
        Move-Item -LiteralPath $Path -Destination "$Path.saved"
        Set-Content -LiteralPath $Path -Value 'not a folder'
    }

    function Restore-AuditFolder([string] $Path) {
        Remove-Item -LiteralPath $Path -Force
        Move-Item -LiteralPath "$Path.saved" -Destination $Path
    }
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
}

Describe 'Submit-SnippetRanking when the audit folder cannot be written' {
    BeforeEach {
        $audit = Join-Path $TestDrive "audit-$([guid]::NewGuid().ToString('N'))"
        $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId $clientId -ClientSecret $secret -AuditPath $audit -PassThru
        New-Ranks 'warm-up' | Submit-SnippetRanking | Out-Null
    }

    It 'sends nothing, names every session in an AuditUnavailable error and ends normally' {
        Break-AuditFolder $audit
        try {
            $results = @(New-Ranks 'nf-1', 'nf-2', 'nf-3' | Submit-SnippetRanking -ErrorVariable errors -ErrorAction SilentlyContinue)
        }
        finally { Restore-AuditFolder $audit }

        $results.Status | Should -Be @('AuditUnavailable', 'AuditUnavailable', 'AuditUnavailable')
        @($errors | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Sort-Object -Unique) | Should -Be 'AuditUnavailable'
        ($errors.TargetObject | Sort-Object) | Should -Be @('nf-1', 'nf-2', 'nf-3')
        $errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*audit directory*'
        foreach ($id in 'nf-1', 'nf-2', 'nf-3') { @(Get-RankingPost $emulator $id).Count | Should -Be 0 }
    }

    It 'returns the session applied when the folder broke, with AuditWriteFailed, and sends no other' {
        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Uri)_emulator/faults" -ContentType 'application/json' `
            -Body (@{ session_id = 'mid-1'; responses = @(429) } | ConvertTo-Json)
        $ps = [powershell]::Create()
        $null = $ps.AddScript('param($m, $c) Import-Module $m; "mid-1", "mid-2", "mid-3" | ForEach-Object { New-SnippetRank -SessionId $_ -SnippetId KB-1 -RelevanceScore 0.9 } |
            Submit-SnippetRanking -Connection $c -ThrottleLimit 1').AddArgument($env:CXONERANKING_MODULE_PATH).AddArgument($connection)
        $pending = $ps.BeginInvoke()
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(15)
            while ((@(Get-RankingPost $emulator 'mid-1').Count) -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            Break-AuditFolder $audit
            $results = @($ps.EndInvoke($pending))
            $errors = @($ps.Streams.Error)
            $state = $ps.InvocationStateInfo.State
        }
        finally {
            $ps.Dispose()
            Restore-AuditFolder $audit
        }

        $state | Should -Be 'Completed' -Because 'an audit failure ends no run'
        ($results | ForEach-Object { "$($_.SessionId)=$($_.Status)" }) | Should -Be @('mid-1=Succeeded', 'mid-2=AuditUnavailable', 'mid-3=AuditUnavailable')
        Get-AppliedRanking $emulator 'mid-1' | Should -Not -BeNullOrEmpty
        @(Get-RankingPost $emulator 'mid-2').Count | Should -Be 0
        @(Get-RankingPost $emulator 'mid-3').Count | Should -Be 0
        $written = @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'AuditWriteFailed*' })
        $written.TargetObject | Should -Be 'mid-1'
        @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'AuditUnavailable*' }).TargetObject | Should -Be @('mid-2', 'mid-3')

        # What the restored log says: mid-1 was sent, its outcome is unknown; nothing counts it as a success or a failure.
        $check = Test-RankingAuditLog -Path $audit
        $check.IsValid | Should -BeTrue
        $check.OutcomeUnknown.SessionId | Should -Be 'mid-1'
        $check.OutcomeUnknown.IdempotencyKey | Should -Be $results[0].IdempotencyKey
        $metrics = Get-RankingMetrics -Path $audit
        ($metrics.Succeeded, $metrics.Failed, $metrics.OutcomeUnknown, $metrics.Submissions) | Should -Be @(1, 0, 1, 2)
    }
}

Describe 'Add-SnippetClick when the audit folder cannot be written' {
    It 'names every click in a non-terminating error and writes none' {
        $audit = Join-Path $TestDrive 'clicks'
        Add-SnippetClick -Path $audit -SessionId s-1 -SnippetId KB-1 -RankPosition 1
        Break-AuditFolder $audit
        try {
            $rows = 1..5 | ForEach-Object { [pscustomobject]@{ session_id = 's-1'; snippet_id = "KB-$_"; rank_position = $_ } }
            $rows | Add-SnippetClick -Path $audit -ErrorVariable errors -ErrorAction SilentlyContinue   # a terminating error fails the test here
        }
        finally { Restore-AuditFolder $audit }

        $errors.Count | Should -Be 5
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'AuditWriteFailed*'
        ($errors.TargetObject | Sort-Object) | Should -Be @(1..5 | ForEach-Object { "s-1/KB-$_#$_" })
        (Get-RankingMetrics -Path $audit).Clicks | Should -Be 1
    }
}

Describe 'A pipe (mkfifo) named like the newest audit file' {
    # Opening a pipe to read blocks until something writes to it: run in a child that can be killed, not in this process.
    It 'holds up no reader, and Add-SnippetClick names it as not a regular file' -Skip:(-not $IsLinux) {
        $audit = Join-Path $TestDrive 'fifo'
        Add-SnippetClick -Path $audit -SessionId s-1 -SnippetId KB-1 -RankPosition 1
        $fifo = Join-Path $audit ('cxone-audit-{0:yyyyMMdd}.jsonl' -f [datetime]::UtcNow.AddDays(1))
        & mkfifo $fifo
        $LASTEXITCODE | Should -Be 0
        $script = @"
Import-Module `$env:CXONERANKING_MODULE_PATH
'clicks=' + (Get-RankingMetrics -Path '$audit').Clicks
'valid=' + (Test-RankingAuditLog -Path '$audit').IsValid
Add-SnippetClick -Path '$audit' -SessionId s-1 -SnippetId KB-2 -RankPosition 2 -ErrorVariable failed -ErrorAction SilentlyContinue
'error=' + `$failed[0].FullyQualifiedErrorId
'message=' + `$failed[0].Exception.Message
"@
        $run = Invoke-ChildPwsh $script -TimeoutSeconds 90

        $run.StdOut | Should -Match '(?m)^clicks=1$'
        $run.StdOut | Should -Match '(?m)^valid=True$'
        $run.StdOut | Should -Match '(?m)^error=AuditWriteFailed,'
        $run.StdOut | Should -Match "(?m)^message=.*$([regex]::Escape((Split-Path $fifo -Leaf))).*not a regular file"
        $run.StdOut | Should -Not -Match 'seeking'
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Add-SnippetClick as a newcomer types it: every form the help and README show binds (named
# parameters, piped CSV rows, a piped ranked snippet with -SessionId, each with and without -Expert),
# -WhatIf writes nothing and tells Expert nothing, and an empty input is not silent.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $key = 'click-forms-key'
    $secret = 'Click-Forms-Secret-7d2e'
    $emulator = Start-CXoneEmulator -ArgumentList '--expert-key', $key, '--expert-secret', $secret
    $token = [pscredential]::new($key, (ConvertTo-SecureString $secret -AsPlainText -Force))
    $expertAudit = Join-Path $TestDrive 'expert-audit'
    Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' -AuditPath $expertAudit

    function New-AuditDirectory { Join-Path $TestDrive ([guid]::NewGuid().ToString('N')) }
    function Get-ClickLine([string] $Directory) {
        if (-not (Test-Path -LiteralPath $Directory)) { return @() }
        @(Get-ChildItem -LiteralPath $Directory -Filter 'cxone-audit-*.jsonl' | Get-Content | ConvertFrom-Json | Where-Object event -eq 'click')
    }
    function Get-Selection { @((Invoke-RestMethod "$($emulator.Uri)_emulator/expert/history").searches | ForEach-Object { $_.selections }) }
    function Get-RankedSnippet([string] $SessionId) {
        (Search-CXoneExpert -Query refund -SessionId $SessionId | Test-RankingPayload).Payload.Snippets[0]
    }
}

AfterAll {
    Disconnect-CXoneExpert
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Add-SnippetClick: every documented form binds' {
    It 'takes named parameters' {
        $dir = New-AuditDirectory
        Add-SnippetClick -SessionId s-1 -SnippetId KB-1 -RankPosition 1 -AuditPath $dir
        (Get-ClickLine $dir).Count | Should -Be 1
    }

    It 'takes piped CSV rows' {
        $dir = New-AuditDirectory
        "session_id,snippet_id,rank_position`ns-1,KB-1,1`ns-1,KB-2,2" | ConvertFrom-Csv | Add-SnippetClick -AuditPath $dir
        (Get-ClickLine $dir).Count | Should -Be 2
    }

    It 'takes a piped ranked snippet with -SessionId' {
        $dir = New-AuditDirectory
        Get-RankedSnippet call-f1 | Add-SnippetClick -SessionId call-f1 -AuditPath $dir
        (Get-ClickLine $dir).session_id | Should -Be 'call-f1'
    }

    It 'takes a piped ranked snippet with -SessionId and -Expert, and registers the selection' {
        $before = @(Get-Selection).Count
        $entry = Get-RankedSnippet call-f2 | Add-SnippetClick -SessionId call-f2 -Expert -PassThru
        $entry.ExpertQueryId | Should -BeGreaterThan 0
        @(Get-Selection).Count | Should -Be ($before + 1)
    }

    It 'takes piped CSV rows with -Expert: a row without a query id is named in ExpertSelectionFailed and still recorded' {
        $entry = "session_id,snippet_id,rank_position`ncall-f3,104,1" | ConvertFrom-Csv |
            Add-SnippetClick -Expert -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
        $entry.SessionId | Should -Be 'call-f3'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ExpertSelectionFailed,*'
    }

    It 'binds named parameters with -Expert, and refuses them with an error that says what to pipe, recording nothing' {
        $before = @(Get-ClickLine $expertAudit).Count
        $caught = $null
        try { Add-SnippetClick -SessionId s2 -SnippetId 104 -RankPosition 1 -Expert -ErrorAction Stop }
        catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'ExpertClickNeedsRankedSnippet,*'
        $caught.Exception.Message | Should -Match 'Payload\.Snippets'
        @(Get-ClickLine $expertAudit).Count | Should -Be $before
    }
}

Describe 'Add-SnippetClick -WhatIf and -Confirm' {
    It 'supports -WhatIf and -Confirm' {
        $parameters = (Get-Command Add-SnippetClick).Parameters
        $parameters.ContainsKey('WhatIf') | Should -BeTrue
        $parameters.ContainsKey('Confirm') | Should -BeTrue
    }

    It 'writes nothing with -WhatIf, and says what it would have recorded' {
        $dir = New-AuditDirectory
        # What-if lines go to the host, not to a stream: read them from a child's output.
        $run = Invoke-ChildPwsh -Script "Import-Module '$env:CXONERANKING_MODULE_PATH'
            Add-SnippetClick -SessionId s-1 -SnippetId KB-1 -RankPosition 2 -AuditPath '$dir' -WhatIf -PassThru"
        $run.Output | Should -Match 'Record a click in the audit log" on target "s-1/KB-1#2"'
        Test-Path -LiteralPath $dir | Should -BeFalse
    }

    It 'tells Expert nothing with -WhatIf' {
        $before = @(Get-Selection).Count
        $lines = @(Get-ClickLine $expertAudit).Count
        Get-RankedSnippet call-f4 | Add-SnippetClick -SessionId call-f4 -Expert -WhatIf
        @(Get-Selection).Count | Should -Be $before
        @(Get-ClickLine $expertAudit).Count | Should -Be $lines
    }
}

Describe 'Add-SnippetClick with empty input' {
    It 'warns that no click was given, so a filter that matched nothing is not silent' {
        $dir = New-AuditDirectory
        @() | Where-Object SnippetId -eq '103' | Add-SnippetClick -SessionId call-7 -AuditPath $dir -WarningVariable warned -WarningAction SilentlyContinue
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'no click'
        Test-Path -LiteralPath $dir | Should -BeFalse
    }

    It 'summarises what it wrote at -Verbose' {
        $dir = New-AuditDirectory
        $verbose = Add-SnippetClick -SessionId s-1 -SnippetId KB-1 -RankPosition 1 -AuditPath $dir -Verbose 4>&1
        ($verbose | Out-String) | Should -Match 'Wrote 1 click'
    }
}

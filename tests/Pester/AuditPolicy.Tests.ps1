#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The audit folder's policy (issue 26): Set-/Get-RankingAuditPolicy, and what a writing run does with
# it at its end: retention by age, warned about and recorded in the chain, never by a count of files.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Disconnect-CXone -ErrorAction SilentlyContinue

    function New-AuditFolder([string] $Name) { Join-Path $TestDrive $Name }
    function Get-PolicyFile([string] $Directory) { Join-Path $Directory '.cxone-audit.policy.json' }
}

Describe 'Get-RankingAuditPolicy' {
    It 'gives the defaults, and says so, for a folder without a policy file' {
        $audit = New-AuditFolder 'no-policy'
        $null = New-AgedAuditLog $audit -Days 1

        $policy = Get-RankingAuditPolicy -AuditPath $audit

        $policy | Should -BeOfType ([CXoneRanking.AuditPolicy])
        $policy.RetentionDays | Should -Be 400
        $policy.CompressAfterDays | Should -Be 1
        $policy.MaxSizeMB | Should -BeNullOrEmpty
        $policy.IsDefault | Should -BeTrue
        $policy.Path | Should -Be (Get-PolicyFile $audit)
        (Get-PolicyFile $audit) | Should -Not -Exist
    }

    It 'names a folder that does not exist (AuditLogNotFound)' {
        $null = Get-RankingAuditPolicy -AuditPath (New-AuditFolder 'nowhere') -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'AuditLogNotFound,*'
    }

    It 'names a malformed policy file and why, with the way to repair it, and never gives the defaults for it' {
        $audit = New-AuditFolder 'malformed'
        $null = New-AgedAuditLog $audit -Days 1
        Set-Content (Get-PolicyFile $audit) '{"version":1,"retention_days":"a year"}'

        $policy = Get-RankingAuditPolicy -AuditPath $audit -ErrorVariable problems -ErrorAction SilentlyContinue

        $policy | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'AuditPolicyInvalid,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].TargetObject | Should -Be (Get-PolicyFile $audit)
        $problems[0].Exception.Message | Should -Match ([regex]::Escape((Get-PolicyFile $audit)))
        $problems[0].Exception.Message | Should -Match 'not a policy''s JSON'
        $problems[0].ErrorDetails.RecommendedAction | Should -Match 'Set-RankingAuditPolicy -AuditPath'
    }
}

Describe 'Set-RankingAuditPolicy' {
    It 'writes the values given, keeps the others, and records each change in the chain' {
        $audit = New-AuditFolder 'set'
        $null = New-AgedAuditLog $audit -Days 2

        $first = Set-RankingAuditPolicy -AuditPath $audit -RetentionDays 90 -MaxSizeMB 5000 -PassThru
        Set-RankingAuditPolicy -Path $audit -CompressAfterDays 0
        $now = Get-RankingAuditPolicy -AuditPath $audit

        $first.RetentionDays | Should -Be 90
        $first.IsDefault | Should -BeFalse
        ($now.RetentionDays, $now.CompressAfterDays, $now.MaxSizeMB) | Should -Be @(90, 0, 5000)
        $changes = @(Get-AuditEntry $audit | Where-Object event -EQ 'audit.policy')
        $changes.Count | Should -Be 2
        $changes[0].note | Should -BeExactly ('policy .cxone-audit.policy.json set from the defaults (retention_days 400, compress_after_days 1, ' +
            'max_size_mb none) to retention_days 90, compress_after_days 1, max_size_mb 5000')
        $changes[1].note | Should -Match 'changed from .* to retention_days 90, compress_after_days 0, max_size_mb 5000$'
        (Test-RankingAuditLog -AuditPath $audit).IsValid | Should -BeTrue
    }

    It '-MaxSizeMB 0 removes the cap; values already in force write nothing' {
        $audit = New-AuditFolder 'cap'
        Set-RankingAuditPolicy -AuditPath $audit -MaxSizeMB 100
        Set-RankingAuditPolicy -AuditPath $audit -MaxSizeMB 0
        Set-RankingAuditPolicy -AuditPath $audit -MaxSizeMB 0 -Verbose 4>&1 | Out-String | Should -Match 'nothing written'

        (Get-RankingAuditPolicy -AuditPath $audit).MaxSizeMB | Should -BeNullOrEmpty
        @(Get-AuditEntry $audit | Where-Object event -EQ 'audit.policy').Count | Should -Be 2
    }

    It 'creates a folder that does not exist yet, with the policy change as its first entry' {
        $audit = New-AuditFolder 'new-folder'

        Set-RankingAuditPolicy -AuditPath $audit -RetentionDays 365

        (Get-RankingAuditPolicy -AuditPath $audit).RetentionDays | Should -Be 365
        @(Get-AuditEntry $audit).event | Should -Be @('audit.policy')
    }

    It 'writes nothing with -WhatIf, and creates no folder' {
        $audit = New-AuditFolder 'whatif'
        Set-RankingAuditPolicy -AuditPath $audit -RetentionDays 30 -WhatIf
        $audit | Should -Not -Exist

        $null = New-AgedAuditLog $audit -Days 1
        Set-RankingAuditPolicy -AuditPath $audit -RetentionDays 30 -WhatIf
        (Get-PolicyFile $audit) | Should -Not -Exist
        @(Get-AuditEntry $audit).Count | Should -Be 1
    }

    It 'refuses <Name> <Value> before anything is written' -ForEach @(
        @{ Name = 'RetentionDays'; Value = 0 }
        @{ Name = 'RetentionDays'; Value = 36501 }
        @{ Name = 'CompressAfterDays'; Value = -1 }
        @{ Name = 'MaxSizeMB'; Value = -5 }
    ) {
        $audit = New-AuditFolder "bad-$Name-$Value"
        $arguments = @{ AuditPath = $audit; $Name = $Value }
        { Set-RankingAuditPolicy @arguments } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        $audit | Should -Not -Exist
    }

    It 'requires -AuditPath: a policy is never set on a folder found by default' {
        (Get-Command Set-RankingAuditPolicy).Parameters['AuditPath'].Attributes.Where({ $_ -is [Parameter] }).Mandatory | Should -Contain $true
    }

    It 'repairs a malformed policy file, and the chain says what it was' {
        $audit = New-AuditFolder 'repair'
        $null = New-AgedAuditLog $audit -Days 1
        Set-Content (Get-PolicyFile $audit) '{oops'

        Set-RankingAuditPolicy -AuditPath $audit -RetentionDays 200

        (Get-RankingAuditPolicy -AuditPath $audit).RetentionDays | Should -Be 200
        @(Get-AuditEntry $audit | Where-Object event -EQ 'audit.policy')[0].note | Should -Match '^policy \.cxone-audit\.policy\.json repaired \(it was not usable: '
    }
}

Describe 'Test-RankingAuditLog and an unusable policy' {
    It 'warns AuditPolicyInvalid naming the file, and the chain stays valid' {
        $audit = New-AuditFolder 'test-invalid'
        $null = New-AgedAuditLog $audit -Days 2
        Set-Content (Get-PolicyFile $audit) '{"version":7}'

        $result = Test-RankingAuditLog -AuditPath $audit -WarningVariable warnings -WarningAction SilentlyContinue

        $result.IsValid | Should -BeTrue
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match '^AuditPolicyInvalid: '
        "$($warnings[0])" | Should -Match ([regex]::Escape((Get-PolicyFile $audit)))
        "$($warnings[0])" | Should -Match 'version 7'
    }
}

Describe 'Add-SnippetClick housekeeping by the folder''s policy' {
    It 'deletes nothing with the default policy, on a 60-day log, and says nothing of it' {
        $audit = New-AuditFolder 'click-default'
        $aged = New-AgedAuditLog $audit -Days 60

        Add-SnippetClick -AuditPath $audit -SessionId s-1 -SnippetId KB-1 -RankPosition 1 -WarningVariable warnings -WarningAction SilentlyContinue

        @($warnings | Where-Object { "$_" -match 'retention' }) | Should -BeNullOrEmpty
        foreach ($name in $aged) { Test-Path (Join-Path $audit $name), (Join-Path $audit "$name.gz") | Should -Contain $true -Because "$name (or its .gz) is kept" }
        @(Get-AuditEntry $audit).Count | Should -Be 61
    }

    It 'with a 50-day policy deletes only the older days, warns naming them and why, and records it in the chain' {
        $audit = New-AuditFolder 'click-50'
        $aged = New-AgedAuditLog $audit -Days 60
        Set-RankingAuditPolicy -AuditPath $audit -RetentionDays 50

        Add-SnippetClick -AuditPath $audit -SessionId s-1 -SnippetId KB-1 -RankPosition 1 -WarningVariable warnings -WarningAction SilentlyContinue

        $deleted = $aged | Select-Object -First 10   # the days 60 to 51 before today
        foreach ($name in $deleted) { Test-Path (Join-Path $audit $name), (Join-Path $audit "$name.gz") | Should -Not -Contain $true -Because "$name is deleted" }
        foreach ($name in $aged | Select-Object -Skip 10) { Test-Path (Join-Path $audit $name), (Join-Path $audit "$name.gz") | Should -Contain $true -Because "$name (or its .gz) is kept" }
        $warning = "$(@($warnings | Where-Object { "$_" -match 'retention' })[0])"
        $warning | Should -Match '^Audit retention deleted 10 file\(s\) of 10 day\(s\)'
        $warning | Should -Match 'older than the retention of 50 days \(policy \.cxone-audit\.policy\.json\)'
        $warning | Should -Match ([regex]::Escape($deleted[0]))
        $pruned = @(Get-AuditEntry $audit | Where-Object event -EQ 'audit.pruned')
        $pruned.Count | Should -Be 1
        $pruned[0].files | Should -Be $deleted
        $check = Test-RankingAuditLog -AuditPath $audit
        $check.IsValid | Should -BeTrue
        $check.StartsAtGenesis | Should -BeFalse
    }

    It 'with -WhatIf writes nothing and so deletes nothing' {
        $audit = New-AuditFolder 'click-whatif'
        $aged = New-AgedAuditLog $audit -Days 5
        Set-RankingAuditPolicy -AuditPath $audit -RetentionDays 1

        Add-SnippetClick -AuditPath $audit -SessionId s-1 -SnippetId KB-1 -RankPosition 1 -WhatIf

        foreach ($name in $aged) { Test-Path (Join-Path $audit $name), (Join-Path $audit "$name.gz") | Should -Contain $true -Because "$name (or its .gz) is kept" }
    }

    It 'with a malformed policy writes the click, deletes nothing and warns naming the file' {
        $audit = New-AuditFolder 'click-malformed'
        $aged = New-AgedAuditLog $audit -Days 5
        Set-Content (Get-PolicyFile $audit) '{"version":1,"retention_days":0}'

        Add-SnippetClick -AuditPath $audit -SessionId s-1 -SnippetId KB-1 -RankPosition 1 -WarningVariable warnings -WarningAction SilentlyContinue

        foreach ($name in $aged) { Test-Path (Join-Path $audit $name), (Join-Path $audit "$name.gz") | Should -Contain $true -Because "$name (or its .gz) is kept" }
        @(Get-AuditEntry $audit | Where-Object event -EQ 'click').Count | Should -Be 6
        $warning = "$(@($warnings)[-1])"
        $warning | Should -Match ([regex]::Escape((Get-PolicyFile $audit)))
        $warning | Should -Match 'retention_days 0 is outside 1 to 36500'
    }
}

Describe 'Submit-SnippetRanking housekeeping by the folder''s policy' {
    BeforeAll {
        $emulator, $null, $null, $null, $null = Initialize-SubmitSuite $TestDrive
    }

    AfterAll {
        Disconnect-CXone -ErrorAction SilentlyContinue
        if ($emulator) { Stop-CXoneEmulator $emulator }
    }

    It 'deletes the days past the retention once the run''s entries are written, and warns naming them' {
        $audit = New-AuditFolder 'submit-3'
        $aged = New-AgedAuditLog $audit -Days 6
        Set-RankingAuditPolicy -AuditPath $audit -RetentionDays 3

        $result = New-TestRank 'pol-1' | Submit-SnippetRanking -AuditPath $audit -WarningVariable warnings -WarningAction SilentlyContinue

        $result.Status | Should -Be 'Succeeded'
        foreach ($name in $aged | Select-Object -First 3) { Test-Path (Join-Path $audit $name), (Join-Path $audit "$name.gz") | Should -Not -Contain $true -Because "$name is deleted" }
        foreach ($name in $aged | Select-Object -Skip 3) { Test-Path (Join-Path $audit $name), (Join-Path $audit "$name.gz") | Should -Contain $true -Because "$name (or its .gz) is kept" }
        "$(@($warnings | Where-Object { "$_" -match 'retention' })[0])" | Should -Match '^Audit retention deleted 3 file\(s\) of 3 day\(s\)'
        $events = @(Get-AuditEntry $audit).event
        $events[-1] | Should -Be 'audit.pruned' -Because 'housekeeping follows the run''s own entries'
        (Test-RankingAuditLog -AuditPath $audit).IsValid | Should -BeTrue
    }

    It 'with -WhatIf sends and writes nothing, and so deletes nothing' {
        $audit = New-AuditFolder 'submit-whatif'
        $aged = New-AgedAuditLog $audit -Days 6
        Set-RankingAuditPolicy -AuditPath $audit -RetentionDays 3

        $null = New-TestRank 'pol-2' | Submit-SnippetRanking -AuditPath $audit -WhatIf

        foreach ($name in $aged) { Test-Path (Join-Path $audit $name), (Join-Path $audit "$name.gz") | Should -Contain $true -Because "$name (or its .gz) is kept" }
    }
}

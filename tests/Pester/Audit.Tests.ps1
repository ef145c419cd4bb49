#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The audit log as users and scheduled tasks meet it: Add-SnippetClick, Test-RankingAuditLog, the
# files on disk, several processes appending at once, torn lines and tampering.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force

    function New-AuditDirectory { Join-Path $TestDrive ([guid]::NewGuid().ToString('N')) }

    function Get-LogFile([string] $Directory) {
        Get-ChildItem -LiteralPath $Directory -Filter 'cxone-audit-*.jsonl' | Sort-Object Name
    }

    function Get-LogLine([string] $Directory) {
        Get-LogFile $Directory | ForEach-Object { [IO.File]::ReadAllLines($_.FullName) }
    }

    # Rewrites one log file's lines through a script block (the file keeps a final newline).
    function Edit-LogFile([string] $Path, [scriptblock] $Edit) {
        $lines = [Collections.Generic.List[string]]::new([IO.File]::ReadAllLines($Path))
        & $Edit $lines
        [IO.File]::WriteAllText($Path, (($lines -join "`n") + "`n"))
    }

    function New-ClickLog([string] $Directory, [int] $Count = 5) {
        1..$Count | ForEach-Object { [pscustomobject]@{ session_id = "s-$_"; snippet_id = "KB-$_"; rank_position = $_ } } |
            Add-SnippetClick -Path $Directory
    }
}

Describe 'Add-SnippetClick' {
    It 'records a click given as parameters and returns the written entry with -PassThru' {
        $dir = New-AuditDirectory

        $entry = Add-SnippetClick -SessionId 's-1' -SnippetId 'KB-001' -RankPosition 2 -Path $dir -PassThru

        $entry | Should -BeOfType ([CXoneRanking.AuditEntry])
        $entry.Event | Should -Be 'click'
        $entry.SessionId, $entry.SnippetId, $entry.RankPosition | Should -Be 's-1', 'KB-001', 2
        $entry.PrevHash | Should -Be ('0' * 64)
        $entry.Hash | Should -Match '^[0-9a-f]{64}$'
        $line = @(Get-LogLine $dir)
        $line.Count | Should -Be 1
        $json = $line[0] | ConvertFrom-Json
        $json.event, $json.session_id, $json.snippet_id, $json.rank_position | Should -Be 'click', 's-1', 'KB-001', 2
        $json.hash | Should -Be $entry.Hash
        (Get-LogFile $dir).Name | Should -Be ('cxone-audit-{0:yyyyMMdd}.jsonl' -f $entry.Timestamp.UtcDateTime)
    }

    It 'is silent without -PassThru' {
        Add-SnippetClick -SessionId 's-1' -SnippetId 'KB-1' -RankPosition 1 -Path (New-AuditDirectory) | Should -BeNullOrEmpty
    }

    It 'reads CSV rows with snake_case columns, as the invariant culture writes them' {
        $dir = New-AuditDirectory
        $csv = Join-Path $TestDrive 'clicks.csv'
        @'
session_id,snippet_id,rank_position,timestamp
s-1,KB-001,1,2026-11-25T09:30:00.250Z
s-1,KB-002,2,2026-11-25T09:31:00Z
s-2,KB-003,10,
'@ | Set-Content -LiteralPath $csv -Encoding utf8
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $entries = Import-Csv $csv | Add-SnippetClick -Path $dir -PassThru
        }
        finally { [cultureinfo]::CurrentCulture = $before }

        $entries.SnippetId | Should -Be 'KB-001', 'KB-002', 'KB-003'
        $entries.RankPosition | Should -Be 1, 2, 10
        $entries[0].Timestamp | Should -Be ([datetimeoffset]::new(2026, 11, 25, 9, 30, 0, 250, [timespan]::Zero))
        $entries[2].Timestamp | Should -BeGreaterThan ([datetimeoffset]::UtcNow.AddMinutes(-5))
        (Test-RankingAuditLog -Path $dir).Entries | Should -Be 3
    }

    It 'reads objects and hashtables with PascalCase properties' {
        $dir = New-AuditDirectory
        $at = [datetimeoffset]'2026-11-25T12:00:00Z'

        $entries = @(
            @{ SessionId = 's-1'; SnippetId = 'KB-1'; RankPosition = 3 }
            [pscustomobject]@{ SessionId = 's-2'; SnippetId = 'KB-2'; Position = 4; Timestamp = $at }
        ) | Add-SnippetClick -Path $dir -PassThru

        $entries.RankPosition | Should -Be 3, 4
        $entries[1].Timestamp | Should -Be $at
    }

    It 'uses -Timestamp for rows without one' {
        $at = [datetimeoffset]'2026-01-02T03:04:05Z'
        $entry = [pscustomobject]@{ session_id = 's'; snippet_id = 'k'; rank_position = 1 } |
            Add-SnippetClick -Path (New-AuditDirectory) -Timestamp $at -PassThru
        $entry.Timestamp | Should -Be $at
    }

    It 'reports every bad row as a named InvalidClick error with the row as its target, and writes the rest' {
        $dir = New-AuditDirectory
        $rows = @(
            [pscustomobject]@{ session_id = 's-1'; snippet_id = 'KB-1'; rank_position = '1' }
            [pscustomobject]@{ session_id = 's-2'; snippet_id = ''; rank_position = '1' }
            [pscustomobject]@{ session_id = 's-3'; snippet_id = 'KB-3'; rank_position = '0' }
            [pscustomobject]@{ session_id = 's-4'; snippet_id = 'KB-4'; rank_position = 'first' }
            [pscustomobject]@{ snippet_id = 'KB-5'; rank_position = '1' }
            [pscustomobject]@{ session_id = 's-6'; snippet_id = 'KB-6'; rank_position = '2' }
        )

        $written = $rows | Add-SnippetClick -Path $dir -PassThru -ErrorVariable problems -ErrorAction SilentlyContinue

        $written.SessionId | Should -Be 's-1', 's-6'
        $problems.Count | Should -Be 4
        $problems | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'InvalidClick,*'
            $_.CategoryInfo.Category | Should -Be 'InvalidData'
        }
        $problems.TargetObject | Should -Be $rows[1], $rows[2], $rows[3], $rows[4]
        $problems[0].Exception.Message | Should -Be 'Click 2: the snippet id is empty.'
        $problems[1].Exception.Message | Should -BeLike 'Click 3:*below 1*'
        $problems[2].Exception.Message | Should -BeLike "Click 4:*'first' is not a whole number*"
        $problems[3].Exception.Message | Should -BeLike 'Click 5:*session id is missing*'
        @(Get-LogLine $dir).Count | Should -Be 2
    }

    It 'gives the same named error for bad parameters' {
        $dir = New-AuditDirectory
        Add-SnippetClick -SessionId 's' -SnippetId 'k' -RankPosition 0 -Path $dir -ErrorVariable problem -ErrorAction SilentlyContinue
        $problem.FullyQualifiedErrorId | Should -BeLike 'InvalidClick,*'
        $dir | Should -Not -Exist
    }

    It 'resolves a relative -Path against the current location, not the process directory' {
        Push-Location $TestDrive
        try { Add-SnippetClick -SessionId 's' -SnippetId 'k' -RankPosition 1 -Path 'relative-audit' }
        finally { Pop-Location }
        Get-LogFile (Join-Path $TestDrive 'relative-audit') | Should -HaveCount 1
    }

    It 'writes to $env:CXONE_AUDIT_PATH when there is no -Path' {
        $dir = New-AuditDirectory
        $saved = $env:CXONE_AUDIT_PATH
        try {
            $env:CXONE_AUDIT_PATH = $dir
            Add-SnippetClick -SessionId 's' -SnippetId 'k' -RankPosition 1
            (Test-RankingAuditLog).Directory | Should -Be $dir
            (Get-RankingMetrics).Clicks | Should -Be 1
        }
        finally { $env:CXONE_AUDIT_PATH = $saved }
        Get-LogFile $dir | Should -HaveCount 1
    }

    It 'refuses a -Path on a provider other than the file system' {
        { Add-SnippetClick -SessionId 's' -SnippetId 'k' -RankPosition 1 -Path 'Env:\CXONE_AUDIT_PATH' } |
            Should -Throw -ErrorId 'AuditPathNotFileSystem,CXoneRanking.PowerShell.Cmdlets.AddSnippetClickCommand'
    }

    It 'appends a large pipeline in batches: 50,000 clicks take seconds, not minutes' {
        $dir = New-AuditDirectory
        $rows = foreach ($i in 1..50000) { [pscustomobject]@{ session_id = "s-$($i % 700)"; snippet_id = "KB-$($i % 50)"; rank_position = 1 + $i % 10 } }

        $elapsed = Measure-Command { $rows | Add-SnippetClick -Path $dir }

        $elapsed.TotalSeconds | Should -BeLessThan 60
        $result = Test-RankingAuditLog -Path $dir
        $result.IsValid | Should -BeTrue
        $result.Entries | Should -Be 50000
    }

    It 'still writes every click it accepted when the pipeline is stopped (Ctrl+C)' {
        $dir = New-AuditDirectory
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($ModulePath, $Directory)
                Import-Module $ModulePath
                # 1,500 clicks, then the source hangs: 1,000 go out as a full batch, 500 wait in the buffer.
                & { foreach ($i in 1..1500) { [pscustomobject]@{ session_id = 's'; snippet_id = "KB-$i"; rank_position = 1 } }; Start-Sleep -Seconds 120 } |
                    Add-SnippetClick -Path $Directory
            }).AddArgument($env:CXONERANKING_MODULE_PATH).AddArgument($dir)
        $async = $ps.BeginInvoke()
        try {
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while ([datetime]::UtcNow -lt $deadline -and -not (Test-Path (Join-Path $dir 'cxone-audit-*.jsonl'))) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 750
            @(Get-LogLine $dir).Count | Should -Be 1000
            $ps.Stop()
        }
        finally { $ps.Dispose() }

        $entries = @(Get-LogLine $dir | ConvertFrom-Json)
        $entries.Count | Should -Be 1500
        $entries[-1].snippet_id | Should -Be 'KB-1500'
        (Test-RankingAuditLog -Path $dir).IsValid | Should -BeTrue
    }
}

Describe 'Several processes appending at once' {
    It 'loses, interleaves and mis-chains nothing: 4 processes x 500 clicks, one append each' {
        $dir = New-AuditDirectory
        $null = New-Item -ItemType Directory $dir
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $processes = foreach ($n in 1..4) {
            # Each child says it is ready, then waits for the others, so their appends really overlap.
            $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$env:CXONERANKING_MODULE_PATH'
New-Item -ItemType File '$dir/ready-$n' | Out-Null
while (-not (Test-Path '$dir/go')) { Start-Sleep -Milliseconds 10 }
foreach (`$i in 1..500) { Add-SnippetClick -SessionId 'p$n' -SnippetId ('KB-{0:D3}' -f `$i) -RankPosition (1 + `$i % 10) -Path '$dir' }
"@
            $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
            Start-Process -FilePath 'dotnet' -ArgumentList $pwsh, '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded -PassThru `
                -RedirectStandardError (Join-Path $TestDrive "child-$n.err") -RedirectStandardOutput (Join-Path $TestDrive "child-$n.out")
        }
        $deadline = [datetime]::UtcNow.AddSeconds(120)
        while ([datetime]::UtcNow -lt $deadline -and @(Get-ChildItem $dir -Filter 'ready-*').Count -lt 4) { Start-Sleep -Milliseconds 50 }
        $null = New-Item -ItemType File (Join-Path $dir 'go')
        foreach ($process in $processes) {
            $process.WaitForExit(240000) | Should -BeTrue
            $process.ExitCode | Should -Be 0 -Because (Get-Content (Join-Path $TestDrive "child-$($processes.IndexOf($process) + 1).err") -Raw)
        }

        $result = Test-RankingAuditLog -Path $dir
        $result.IsValid | Should -BeTrue -Because $result.Reason
        $result.Entries | Should -Be 2000
        $result.TornLines | Should -BeNullOrEmpty
        $entries = Get-LogLine $dir | ConvertFrom-Json
        foreach ($n in 1..4) {
            $mine = @($entries | Where-Object session_id -EQ "p$n")
            $mine.snippet_id | Should -Be (1..500 | ForEach-Object { 'KB-{0:D3}' -f $_ })
        }
        # The writers really took turns: the four processes' clicks are mixed through the file.
        $switches = 0
        for ($i = 1; $i -lt $entries.Count; $i++) { if ($entries[$i].session_id -ne $entries[$i - 1].session_id) { $switches++ } }
        $switches | Should -BeGreaterThan 3
    }
}

Describe 'Test-RankingAuditLog' {
    It 'confirms a log as written and shows a readable default view' {
        $dir = New-AuditDirectory
        New-ClickLog $dir

        $result = Test-RankingAuditLog -Path $dir

        $result | Should -BeOfType ([CXoneRanking.AuditVerificationResult])
        $result.IsValid | Should -BeTrue
        $result.Entries, $result.Files | Should -Be 5, 1
        $result.StartsAtGenesis | Should -BeTrue
        $result.FailedFile | Should -BeNullOrEmpty
        $view = $result | Out-String -Width 200
        $view | Should -Match 'IsValid\s+: True'
        $view | Should -Match 'TornLines\s+: none'
        $view | Should -Not -Match 'Reason'
    }

    It 'names the file, line and reason when a byte was edited' {
        $dir = New-AuditDirectory
        New-ClickLog $dir
        $file = (Get-LogFile $dir).FullName
        Edit-LogFile $file { param($l) $l[2] = $l[2].Replace('"rank_position":3', '"rank_position":1') }

        $result = Test-RankingAuditLog -Path $dir

        $result.IsValid | Should -BeFalse
        $result.FailedFile | Should -Be $file
        $result.FailedLine | Should -Be 3
        $result.Reason | Should -BeLike '*changed after it was written*'
        $result | Out-String -Width 200 | Should -Match 'FailedAt\s+: cxone-audit-\d{8}\.jsonl:3'
    }

    It 'finds a deleted line' {
        $dir = New-AuditDirectory
        New-ClickLog $dir
        Edit-LogFile (Get-LogFile $dir).FullName { param($l) $l.RemoveAt(1) }

        $result = Test-RankingAuditLog -Path $dir

        $result.IsValid | Should -BeFalse
        $result.FailedLine | Should -Be 2
        $result.Reason | Should -BeLike '*removed, inserted or reordered*'
    }

    It 'finds reordered lines' {
        $dir = New-AuditDirectory
        New-ClickLog $dir
        Edit-LogFile (Get-LogFile $dir).FullName { param($l) $first = $l[3]; $l[3] = $l[4]; $l[4] = $first }

        $result = Test-RankingAuditLog -Path $dir

        $result.IsValid | Should -BeFalse
        $result.FailedLine | Should -Be 4
    }

    It 'reports a missing directory as AuditLogNotFound' {
        Test-RankingAuditLog -Path (Join-Path $TestDrive 'nowhere') -ErrorVariable problem -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problem.FullyQualifiedErrorId | Should -BeLike 'AuditLogNotFound,*'
        $problem.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'A torn last line (a crash mid-write)' {
    BeforeAll {
        $dir = New-AuditDirectory
        New-ClickLog $dir 3
        $file = (Get-LogFile $dir).FullName
        [IO.File]::AppendAllText($file, '{"timestamp":"2026-11-25T19:07:58.123Z","event":"cli')
    }

    It 'is a warning to readers, never fatal' {
        $metrics = Get-RankingMetrics -Path $dir -WarningVariable warnings -WarningAction SilentlyContinue
        $metrics.Clicks | Should -Be 3
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike '*:4: the last line is incomplete*'
    }

    It 'is reported by verification without making the log invalid' {
        $result = Test-RankingAuditLog -Path $dir
        $result.IsValid | Should -BeTrue
        $result.TornLines.LineNumber | Should -Be 4
        $result | Out-String -Width 200 | Should -Match 'TornLines\s+: cxone-audit-\d{8}\.jsonl:4: the last line is incomplete'
    }

    It 'is ended by the next append, whose entry chains to the last whole one' {
        $last = (Get-LogLine $dir)[2] | ConvertFrom-Json

        $next = Add-SnippetClick -SessionId 's-9' -SnippetId 'KB-9' -RankPosition 1 -Path $dir -PassThru

        $next.PrevHash | Should -Be $last.hash
        $lines = @(Get-LogLine $dir)
        $lines.Count | Should -Be 5
        $lines[3] | Should -BeLike '*"event":"cli'
        $result = Test-RankingAuditLog -Path $dir
        $result.IsValid | Should -BeTrue
        $result.Entries | Should -Be 4
        $result.TornLines.Reason | Should -BeLike '*torn write*'
    }
}

Describe 'The files on disk' {
    It 'are readable only by their owner on Unix' -Skip:$IsWindows {
        $dir = Join-Path (New-AuditDirectory) 'nested'
        Add-SnippetClick -SessionId 's' -SnippetId 'k' -RankPosition 1 -Path $dir

        (Get-Item $dir).UnixMode | Should -Be 'drwx------'
        (Get-Item (Split-Path $dir)).UnixMode | Should -Be 'drwx------'
        Get-ChildItem -Force $dir | ForEach-Object { $_.UnixMode | Should -Be '-rw-------' }
    }

    It 'hold no secret: no entry member can carry one' {
        $dir = New-AuditDirectory
        New-ClickLog $dir 1
        $names = ((Get-LogLine $dir) | ConvertFrom-Json).PSObject.Properties.Name
        $names | Should -Not -Match 'secret|token|password|authorization|credential'
        [CXoneRanking.AuditEntry].GetProperties().Name | Should -Not -Match 'secret|token|password|authorization|credential'
    }
}

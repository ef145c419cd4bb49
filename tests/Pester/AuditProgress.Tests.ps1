#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Write-Progress while Get-RankingMetrics and Test-RankingAuditLog read a large log, and none for
# a small one. The cmdlets run in their own PowerShell instance so its progress stream can be read.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    $large = Join-Path $TestDrive 'large'
    $small = Join-Path $TestDrive 'small'
    # About 1.5 MiB of click entries: over the 1 MiB below which no bar is shown.
    1..5000 | ForEach-Object { @{ session_id = "s-$($_ % 50)"; snippet_id = "KB-$_"; rank_position = 1 + $_ % 5 } } | Add-SnippetClick -Path $large
    Add-SnippetClick -Path $small -SessionId s-1 -SnippetId KB-1 -RankPosition 1

    function Invoke-WithProgress([string] $Command, [string] $Path) {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument($env:CXONERANKING_MODULE_PATH).AddStatement().AddCommand($Command).AddParameter('Path', $Path)
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = $output; Progress = @($ps.Streams.Progress); Errors = @($ps.Streams.Error) }
        }
        finally { $ps.Dispose() }
    }
}

Describe 'progress while reading the audit log' {
    It 'is shown by <Command> on a large log, then completed' -ForEach @(
        @{ Command = 'Get-RankingMetrics'; Activity = 'Reading the audit log*' }
        @{ Command = 'Test-RankingAuditLog'; Activity = 'Verifying the audit log*' }
    ) {
        (Get-ChildItem $large -Filter *.jsonl | Measure-Object Length -Sum).Sum | Should -BeGreaterThan 1MB
        $run = Invoke-WithProgress $Command $large
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -HaveCount 1
        $run.Progress.Count | Should -BeGreaterOrEqual 2
        $run.Progress[0].Activity | Should -BeLike $Activity
        $run.Progress[0].StatusDescription | Should -Match 'MiB read'
        $run.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'is not shown by <_> on a small log' -ForEach 'Get-RankingMetrics', 'Test-RankingAuditLog' {
        $run = Invoke-WithProgress $_ $small
        $run.Output | Should -HaveCount 1
        $run.Progress | Should -BeNullOrEmpty
    }
}

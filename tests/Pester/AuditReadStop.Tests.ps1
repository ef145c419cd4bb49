#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Ctrl+C during an audit read stops the cmdlet at once. The test holds the writers' lock file, so
# the cmdlet's read waits for it (up to 10 s, then reads without it); the stop must end that wait,
# and any read after it, well before. Each cmdlet runs in its own PowerShell instance, stopped
# the way the console's Ctrl+C stops a pipeline.

BeforeAll {
    $dir = Join-Path $TestDrive 'audit'
    $report = Join-Path $TestDrive 'report.html'
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Add-SnippetClick -Path $dir -SessionId s-1 -SnippetId KB-1 -RankPosition 1

    # Starts the command, lets it reach the wait for the lock, stops it; what happened and how long the stop took.
    function Invoke-StoppedRead([string] $Command, [hashtable] $Parameters) {
        $lock = [System.IO.File]::Open((Join-Path $dir '.cxone-audit.lock'), 'OpenOrCreate', 'ReadWrite', 'None')
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument($env:CXONERANKING_MODULE_PATH).Invoke()
            $ps.Commands.Clear()
            $null = $ps.AddCommand($Command).AddParameter('AuditPath', $dir).AddParameters($Parameters)
            $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $noInput.Complete() # else the command waits for input and reaches its read only once stopped
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $null = $ps.BeginInvoke($noInput, $output)
            Start-Sleep -Milliseconds 1000 # well into the 10 s wait for the lock
            $runningWhenStopped = $ps.InvocationStateInfo.State
            $stop = Measure-Command { $ps.Stop() }
            [pscustomobject]@{
                RunningWhenStopped = $runningWhenStopped
                StopSeconds        = $stop.TotalSeconds
                State              = $ps.InvocationStateInfo.State
                Output             = @($output)
                Errors             = @($ps.Streams.Error)
            }
        }
        finally {
            $ps.Dispose()
            $lock.Dispose()
        }
    }
}

Describe 'Ctrl+C during an audit read' {
    It '<_> stops within 5 s, with no output and no error' -ForEach @(
        'Get-RankingMetrics', 'Get-SnippetBoostSuggestion', 'Test-RankingAuditLog', 'Export-RankingReport', 'Get-RankingHistory',
        'Measure-RankingChange'
    ) {
        $parameters = @{
            'Export-RankingReport' = @{ OutFile = $report }
            'Get-RankingHistory' = @{ SessionId = 's-1' }
            'Measure-RankingChange' = @{ BoostDirective = @() }
        }[$_]
        $run = Invoke-StoppedRead $_ $(if ($parameters) { $parameters } else { @{} })

        $run.RunningWhenStopped | Should -Be 'Running'
        $run.StopSeconds | Should -BeLessThan 5
        $run.State | Should -Be 'Stopped'
        $run.Output | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty
        $report | Should -Not -Exist
    }

    It 'leaves the log readable once the lock is free' {
        (Test-RankingAuditLog -Path $dir).IsValid | Should -BeTrue
        (Get-RankingMetrics -Path $dir).Clicks | Should -Be 1
    }
}

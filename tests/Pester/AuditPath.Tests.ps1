#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# One name for the audit folder: every cmdlet that reads or writes the audit log takes -AuditPath,
# with -Path, its former name, as an alias where -Path is not a file of its own (the Export-*
# cmdlets' -Path is the file they write). Submit-SnippetRanking -AuditPath writes this call's
# entries there, and -SkipUnchanged reads that log, instead of the connection's.

BeforeDiscovery {
    $auditCmdlets = 'Connect-CXone', 'Connect-CXoneExpert', 'Submit-SnippetRanking', 'Add-SnippetClick', 'Get-RankingMetrics', 'Export-RankingReport',
    'Test-RankingAuditLog', 'Get-SnippetBoostSuggestion', 'Get-RankingExperiment', 'Get-RankingHistory', 'Import-CXoneExpertSearchLog'
    $auditCmdlets += 'Measure-RankingChange', 'Get-RankingAuditPolicy', 'Set-RankingAuditPolicy'
}

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force
    $clientSecret = 'AuditPath-Pester-Secret-7c2d'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'pester', '--client-secret', $clientSecret
    $connectionAudit = Join-Path $TestDrive 'connection-audit'
    $callAudit = Join-Path $TestDrive 'call-audit'
    $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId pester -ClientSecret (ConvertTo-SecureString $clientSecret -AsPlainText -Force) -AuditPath $connectionAudit -PassThru
}

AfterAll {
    Disconnect-CXone
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe '<_> -AuditPath' -ForEach $auditCmdlets {
    It 'is the audit folder parameter' {
        $parameter = (Get-Command $_).Parameters['AuditPath']
        $parameter | Should -Not -BeNullOrEmpty
        $parameter.ParameterType | Should -Be ([string])
    }

    It 'answers to -Path too, unless -Path is the file the cmdlet writes' {
        $command = Get-Command $_
        $path = $command.Parameters['Path']
        if ($_ -like 'Export-*') {
            $path.Aliases | Should -Contain 'OutFile'
            $command.Parameters['AuditPath'].Aliases | Should -Not -Contain 'Path'
        }
        elseif ($_ -in 'Connect-CXone', 'Connect-CXoneExpert', 'Submit-SnippetRanking') {
            $path | Should -BeNullOrEmpty -Because 'these never had an audit -Path'
        }
        else {
            $command.Parameters['AuditPath'].Aliases | Should -Contain 'Path'
        }
    }
}

Describe 'Submit-SnippetRanking -AuditPath' {
    It 'writes the entries of this call to the folder given, not the connection''s' {
        $result = New-TestRank 'ap-1' | Submit-SnippetRanking -AuditPath $callAudit
        $result.Status | Should -Be 'Succeeded'
        @(Get-AuditEntry $callAudit | Where-Object session_id -EQ 'ap-1').Count | Should -Be 1
        Test-Path $connectionAudit | Should -BeFalse -Because 'nothing of this call goes to the connection''s folder'
    }

    It 'reads that folder for -SkipUnchanged' {
        $again = New-TestRank 'ap-1' | Submit-SnippetRanking -AuditPath $callAudit -SkipUnchanged
        $again.Status | Should -Be 'Unchanged'
        $elsewhere = New-TestRank 'ap-1' | Submit-SnippetRanking -AuditPath (Join-Path $TestDrive 'other-audit') -SkipUnchanged
        $elsewhere.Status | Should -Be 'Succeeded' -Because 'a log without the session knows of no ranking applied to it'
    }
}

Describe 'Export-RankingReport -Path' {
    It 'is the report file, and -OutFile, its former name, still works' {
        $log = Join-Path $TestDrive 'report-audit'
        Add-SnippetClick -AuditPath $log -SessionId r-1 -SnippetId KB-1 -RankPosition 1
        $file = Join-Path $TestDrive 'report.html'
        (Export-RankingReport -AuditPath $log -Path $file -PassThru).FullName | Should -Be $file
        $old = Join-Path $TestDrive 'old.html'
        (Export-RankingReport -AuditPath $log -OutFile $old -PassThru).FullName | Should -Be $old
    }
}

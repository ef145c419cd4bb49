#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Whose ranking -SkipUnchanged trusts (docs/design.md#skipping-unchanged-sessions): only entries of
# the same target, which names the tenant (or the client when no tenant is known) as well as the
# API address, and only a log whose lines are as they were written. The emulator's journal is the
# witness of what was really sent.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientSecret = 'Targets-Pester-Secret-2b7f'
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force

    # Two tenants of one CXone cluster: the same API host and port, each with its own client.
    function Start-Tenant([string] $ClientId, [int] $Port) {
        Start-CXoneEmulator -ArgumentList '--client-id', $ClientId, '--client-secret', $clientSecret, '--urls', "http://127.0.0.1:$Port"
    }

    function New-Row([string[]] $SessionId) {
        foreach ($id in $SessionId) { foreach ($k in 1..3) { [pscustomobject]@{ session_id = $id; snippet_id = "KB-$k"; relevance_score = 0.2 * $k } } }
    }

    function Invoke-Submission($Emulator, [string] $ClientId, [string] $Audit, [string[]] $SessionId, [switch] $SkipUnchanged) {
        $connection = Connect-CXone -BaseUri $Emulator.Uri -ClientId $ClientId -ClientSecret $secureSecret -AuditPath $Audit -PassThru
        $mark = Get-EmulatorJournalMark $Emulator
        $warnings = $null
        $results = @(New-Row $SessionId | New-SnippetRank |
                Submit-SnippetRanking -Connection $connection -SkipUnchanged:$SkipUnchanged -WarningVariable warnings -WarningAction SilentlyContinue)
        [pscustomobject]@{ Results = $results; Warnings = @($warnings)
            Posted = @(Get-EmulatorRankingPost $Emulator -After $mark | Sort-Object -Unique) }
    }
}

AfterAll {
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
}

Describe '-SkipUnchanged and tenants at one API host' {
    BeforeAll {
        $audit = Join-Path $TestDrive 'shared'
        $port = Get-FreePort
        $tenantA = Start-Tenant -ClientId 'tenant-a' -Port $port
        $firstA = Invoke-Submission $tenantA 'tenant-a' $audit 'call-1', 'call-2'
        $againA = Invoke-Submission $tenantA 'tenant-a' $audit 'call-1', 'call-2' -SkipUnchanged
        $tenantA | Stop-CXoneEmulator
        $tenantB = Start-Tenant -ClientId 'tenant-b' -Port $port
        $atB = Invoke-Submission $tenantB 'tenant-b' $audit 'call-1', 'call-2' -SkipUnchanged
        $againB = Invoke-Submission $tenantB 'tenant-b' $audit 'call-1', 'call-2' -SkipUnchanged
        $entries = @(Get-AuditEntry $audit -IncludeWriteAhead)
    }

    It 'skips at the tenant that holds the ranking' {
        $firstA.Posted | Should -Be @('call-1', 'call-2')
        $againA.Posted | Should -BeNullOrEmpty
        @($againA.Results | Where-Object Status -EQ Unchanged).Count | Should -Be 2
    }

    It 'sends to another tenant at the same host, which holds nothing, and skips there only afterwards' {
        $tenantB.Uri | Should -Be $tenantA.Uri
        $atB.Posted | Should -Be @('call-1', 'call-2') -Because 'tenant B has never been sent these rankings'
        @($atB.Results | Where-Object Status -EQ Succeeded).Count | Should -Be 2
        $againB.Posted | Should -BeNullOrEmpty
    }

    It 'records the client in each ranking entry''s target, and never the secret' {
        $address = "$($tenantA.Uri.AbsoluteUri.TrimEnd('/'))/api/v2/agentassist/sessions/{sessionId}/snippets/ranking"
        @($entries | Where-Object { $_.event -like 'ranking.*' } | Select-Object -ExpandProperty target -Unique | Sort-Object) |
            Should -Be @("$address client=tenant-a", "$address client=tenant-b")
        Get-ChildItem -LiteralPath $audit -Filter 'cxone-audit-*.jsonl' | Get-Content -Raw | Should -Not -Match $clientSecret
    }
}

Describe '-SkipUnchanged and a log that was changed after it was written' {
    BeforeAll {
        $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'tamper', '--client-secret', $clientSecret
        $audit = Join-Path $TestDrive 'tampered'
        $null = Invoke-Submission $emulator 'tamper' $audit 'call-1', 'call-2'
        $file = Get-ChildItem -LiteralPath $audit -Filter 'cxone-audit-*.jsonl' | Select-Object -First 1
        $lines = @(Get-Content -LiteralPath $file.FullName)
        # call-2's applied ranking is made to read as a different one, its hash left as it was.
        $index = [array]::FindLastIndex([string[]] $lines, [Predicate[string]] { param($l) $l -match '"event":"ranking.submitted","session_id":"call-2"' })
        $lines[$index] = $lines[$index] -replace '"ranking_checksum":"[0-9a-f]{64}"', ('"ranking_checksum":"' + ('e' * 64) + '"')
        Set-Content -LiteralPath $file.FullName -Value $lines
        $run = Invoke-Submission $emulator 'tamper' $audit 'call-1', 'call-2' -SkipUnchanged
    }

    It 'trusts none of it: warns, naming the line, and sends every session' {
        $run.Posted | Should -Be @('call-1', 'call-2')
        $run.Warnings.Count | Should -Be 1
        "$($run.Warnings[0])" | Should -Match "does not match its hash.*line $($index + 1)\).*Test-RankingAuditLog"
    }
}

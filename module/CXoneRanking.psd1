@{
    RootModule           = 'CXoneRanking.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0c1f7e-3c0b-4d7a-9a55-2b8f1c4e9d21'
    Author               = 'CXoneRanking contributors'
    CompanyName          = 'CXoneRanking contributors'
    Copyright            = '(c) 2026 CXoneRanking contributors. MIT License.'
    Description          = 'Ranks NICE CXone Agent Assist knowledge snippets for agent sessions: combines relevance scores, boost factors and boost directives, validates each ranking against the assist engine''s constraints, submits it atomically, records clicks, reports latency and click-through metrics, and keeps a hash-chained JSON audit log of every submission.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('CXoneRanking.Format.ps1xml', 'CXoneRanking.Audit.Format.ps1xml')
    TypesToProcess       = @('CXoneRanking.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-CXone'
        'Disconnect-CXone'
        'New-SnippetRank'
        'New-BoostDirective'
        'Test-RankingPayload'
        'Submit-SnippetRanking'
        'Add-SnippetClick'
        'Get-RankingMetrics'
        'Test-RankingAuditLog'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('CXone', 'NICE', 'AgentAssist', 'Ranking', 'Knowledge', 'ContactCenter')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}

@{
    RootModule             = 'CXoneRanking.PowerShell.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '6f0c1f7e-3c0b-4d7a-9a55-2b8f1c4e9d21'
    Author                 = 'CXoneRanking contributors'
    CompanyName            = 'CXoneRanking contributors'
    Copyright              = '(c) 2026 CXoneRanking contributors. MIT License.'
    Description            = 'Ranks NICE CXone Agent Assist knowledge snippets for agent sessions: combines relevance scores, boost factors and boost directives, validates each ranking against the assist engine''s constraints, submits it atomically, records clicks, reports latency and click-through metrics, and keeps a hash-chained JSON audit log of every submission. On PowerShell 7 its dependencies (Polly, Microsoft.Extensions.*) load in a private AssemblyLoadContext, so other modules'' versions of them never conflict.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    # netstandard2.0 assemblies on Windows PowerShell 5.1 need .NET Framework 4.7.2 or later.
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('CXoneRanking.Format.ps1xml', 'CXoneRanking.Audit.Format.ps1xml', 'CXoneRanking.Learning.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-CXone'
        'Disconnect-CXone'
        'New-SnippetRank'
        'New-BoostDirective'
        'Test-RankingPayload'
        'Submit-SnippetRanking'
        'Add-SnippetClick'
        'Get-RankingMetrics'
        'Get-RankingExperiment'
        'Get-RankingHistory'
        'Measure-RankingChange'
        'Test-RankingAuditLog'
        'Get-RankingAuditPolicy'
        'Set-RankingAuditPolicy'
        'Get-SnippetBoostSuggestion'
        'Export-BoostDirective'
        'Export-RankingReport'
        'Export-RankingAuditLog'
        'Connect-CXoneExpert'
        'Disconnect-CXoneExpert'
        'Search-CXoneExpert'
        'Import-CXoneExpertSearchLog'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('CXone', 'NICE', 'AgentAssist', 'Ranking', 'Knowledge', 'ContactCenter', 'AuditLog', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            # Placeholder addresses until the project has a public home.
            ProjectUri   = 'https://github.com/cxoneranking/CXoneRanking'
            LicenseUri   = 'https://github.com/cxoneranking/CXoneRanking/blob/main/LICENSE'
            # Filled from CHANGELOG.md ([Unreleased], else the newest release) when build.ps1 lays
            # the module out; keep it empty here so no stale copy is ever shipped.
            ReleaseNotes = ''
        }
    }
}

<#
.SYNOPSIS
    The CXone Expert loop against the local emulator: connect with a server API token, search,
    rank with a directive, submit, click (registered with Expert at the position the agent saw),
    import a month of the site's search log, and compute metrics over both. See docs/expert.md.
    Run it on its own, or through examples/demo.ps1 (dotnet pwsh ./build.ps1 Demo).
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/CXoneRanking/CXoneRanking.psd1'),
    [string] $EmulatorModule = (Join-Path $PSScriptRoot '../out/emulator/CXoneEmulator.psm1'),
    [string] $AuditPath = (Join-Path $PSScriptRoot '../out/demo-expert-audit')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
Import-Module $EmulatorModule -Force
if (Test-Path $AuditPath) { Remove-Item $AuditPath -Recurse -Force }

# A month of 1,200 searches with selections drawn from a known click model.
$emulator = Start-CXoneEmulator -ArgumentList '--expert-history', '1200', '--seed', '7'
try {
    Write-Host "CXone and CXone Expert emulator listening on $($emulator.Uri)" -ForegroundColor Cyan
    # The emulator's default token; a real site's key and secret would come from a vault or $env:CXONE_EXPERT_*.
    $token = [pscredential]::new('emulator-expert-key', (ConvertTo-SecureString 'emulator-expert-secret' -AsPlainText -Force))
    Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' -AuditPath $AuditPath
    $clientSecret = ConvertTo-SecureString 'emulator' -AsPlainText -Force
    Connect-CXone -BaseUri $emulator.Uri -ClientId emulator -ClientSecret $clientSecret -AuditPath $AuditPath

    Write-Host "`nSearch Expert for 'refund' for session call-7, lift the returns article, check and send:" -ForegroundColor Cyan
    $ranks = Search-CXoneExpert -Query refund -SessionId call-7
    $lift = New-BoostDirective -MetadataKey path -Value '*Return*' -Factor 3
    $checked = $ranks | Test-RankingPayload -BoostDirective $lift
    $columns = 'Position', 'SnippetId', 'Score', @{ n = 'Title'; e = { $_.Metadata.title } },
        @{ n = 'SitePosition'; e = { $_.Metadata.expert_position } }
    $checked.Payload.Snippets | Format-Table $columns | Out-Host
    $checked | Submit-SnippetRanking | Format-Table | Out-Host

    Write-Host "The agent opens the top article; Expert learns it was chosen at position 1:" -ForegroundColor Cyan
    $checked.Payload.Snippets[0] | Add-SnippetClick -SessionId call-7 -Expert -PassThru |
        Format-List Event, SessionId, SnippetId, RankPosition, ExpertQueryId | Out-Host

    Write-Host "Import the site's search log for the last month (twice: the second adds nothing):" -ForegroundColor Cyan
    Import-CXoneExpertSearchLog -Since (Get-Date).AddDays(-32) | Out-Host
    Import-CXoneExpertSearchLog -Since (Get-Date).AddDays(-32) | Out-Host

    Write-Host "Metrics over the submission and the imported searches:" -ForegroundColor Cyan
    Get-RankingMetrics -AuditPath $AuditPath | Out-Host
    $verification = Test-RankingAuditLog -AuditPath $AuditPath
    $verification | Out-Host
    Disconnect-CXoneExpert
    Disconnect-CXone
    if (-not $verification.IsValid) { exit 1 }
    Write-Host 'Expert demo finished: searched, ranked, clicked, imported, measured; audit chain valid.' -ForegroundColor Green
}
finally {
    Stop-CXoneEmulator $emulator
}

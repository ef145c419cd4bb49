<#
.SYNOPSIS
    Ranks the sample CSV offline and shows what would be sent: no connection, nothing posted.
.EXAMPLE
    dotnet pwsh ./examples/offline.ps1
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/CXoneRanking/CXoneRanking.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

$directives = New-BoostDirective -Path (Join-Path $PSScriptRoot 'directives.json')
$results = Import-Csv (Join-Path $PSScriptRoot 'rankings.csv') |
    New-SnippetRank -MetadataProperty category |
    Test-RankingPayload -BoostDirective $directives -MaxResultWindow 5

$results | Format-Table
foreach ($result in $results) {
    "Session $($result.SessionId):"
    $result.Payload.Snippets | Format-Table | Out-String
    $result.Warnings | Format-Table | Out-String
}
"Payload of the first session, exactly as it would be POSTed:"
$results[0].Payload.ToJson()
if (-not ($results | Where-Object IsValid)) { exit 1 }

<#
.SYNOPSIS
    The main job end to end against a local CXone emulator: connect, rank a CSV of a dozen
    sessions and submit them through scripted faults, record clicks, report metrics, verify the
    audit chain. Run it with: dotnet tool restore && dotnet pwsh ./build.ps1 Demo
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/CXoneRanking/CXoneRanking.psd1'),
    [string] $EmulatorModule = (Join-Path $PSScriptRoot '../out/emulator/CXoneEmulator.psm1'),
    [string] $AuditPath = (Join-Path $PSScriptRoot '../out/demo-audit')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
Import-Module $EmulatorModule -Force
if (Test-Path $AuditPath) { Remove-Item $AuditPath -Recurse -Force }

$emulator = Start-CXoneEmulator
try {
    Write-Host "CXone emulator listening on $($emulator.Uri)" -ForegroundColor Cyan

    # The emulator's default client; a real tenant's secret would come from a vault or $env:CXONE_CLIENT_SECRET.
    $secret = ConvertTo-SecureString 'emulator' -AsPlainText -Force
    Connect-CXone -BaseUri $emulator.Uri -ClientId emulator -ClientSecret $secret -AuditPath $AuditPath

    # Scripted faults the module must ride out: rate limits, engine failures, an expired token,
    # a dropped connection and a session an agent holds locked for two seconds.
    $faults = @{ 'call-1002' = @(429, 429); 'call-1005' = @(500, 401); 'call-1009' = @('reset'); 'call-1011' = @(503) }
    foreach ($session in $faults.Keys) {
        $body = @{ session_id = $session; responses = $faults[$session] } | ConvertTo-Json -Compress
        $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Uri)_emulator/faults" -Body $body -ContentType 'application/json'
    }
    $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Uri)_emulator/sessions/call-1007/lock" -Body '{"seconds":2}' -ContentType 'application/json'

    Write-Host "`nSubmitting rankings for every session of examples/rankings.csv ..." -ForegroundColor Cyan
    $directives = New-BoostDirective -Path (Join-Path $PSScriptRoot 'directives.json')
    $results = Import-Csv (Join-Path $PSScriptRoot 'rankings.csv') |
        New-SnippetRank -MetadataProperty category |
        Submit-SnippetRanking -BoostDirective $directives -ThrottleLimit 4
    $results | Format-Table | Out-Host

    Write-Host "How the first session's scores came to be:" -ForegroundColor Cyan
    $results[0].Ranking | Format-Table | Out-Host

    # Agents click what they were shown; a seeded choice keeps the demo repeatable.
    $random = [System.Random]::new(42)
    $clicks = foreach ($result in $results | Where-Object Succeeded) {
        foreach ($snippet in $result.Ranking) {
            if ($random.NextDouble() -lt 0.6 / $snippet.Position) {
                [pscustomobject]@{ session_id = $result.SessionId; snippet_id = $snippet.SnippetId; rank_position = $snippet.Position }
            }
        }
    }
    $clicks | Add-SnippetClick -AuditPath $AuditPath
    Write-Host "Recorded $(@($clicks).Count) clicks." -ForegroundColor Cyan

    Write-Host "`nMetrics, computed from the audit files alone:" -ForegroundColor Cyan
    Get-RankingMetrics -AuditPath $AuditPath | Out-Host

    Write-Host "Audit chain:" -ForegroundColor Cyan
    $verification = Test-RankingAuditLog -AuditPath $AuditPath
    $verification | Out-Host

    Disconnect-CXone
    $failed = @($results | Where-Object { -not $_.Succeeded })
    if ($failed.Count -gt 0 -or -not $verification.IsValid) {
        Write-Host "Demo finished with $($failed.Count) failed session(s)." -ForegroundColor Red
        exit 1
    }
    Write-Host "Demo finished: $(@($results).Count) sessions ranked and submitted, audit chain valid." -ForegroundColor Green
}
finally {
    Stop-CXoneEmulator $emulator
}

# The same loop for a CXone Expert knowledge base: search, rank, click, import, metrics.
& (Join-Path $PSScriptRoot 'expert.ps1') -ModulePath $ModulePath -EmulatorModule $EmulatorModule

# The what-if loop: suggest, estimate from the log, confirm with an experiment.
& (Join-Path $PSScriptRoot 'what-if.ps1') -ModulePath $ModulePath -EmulatorModule $EmulatorModule

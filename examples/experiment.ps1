<#
.SYNOPSIS
    A ranking experiment end to end against a local CXone emulator: rank 1,000 sessions, half of
    them with a treatment directive, simulate agents' clicks from a known position-based click
    model, and print the verdict. Run it after building: dotnet pwsh ./examples/experiment.ps1
.DESCRIPTION
    The click model: an agent examines position k with probability 1/k and clicks an examined
    snippet with its attractiveness: 0.6 for KB-5 (the snippet that truly answers the question),
    0.15 for the others. The relevance scores rank KB-5 last; the treatment boosts it to the top.
    True click-through: Control 8.65%, Treatment 15.85%, a lift of 7.2 points, which the interval
    should hold. Pass -TreatmentFactor 1 for an A/A experiment that should find no lift.
#>
param(
    [int] $Sessions = 1000,
    [double] $TreatmentFactor = 3,
    [int] $Seed = 42,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/CXoneRanking/CXoneRanking.psd1'),
    [string] $EmulatorModule = (Join-Path $PSScriptRoot '../out/emulator/CXoneEmulator.psm1'),
    [string] $AuditPath = (Join-Path $PSScriptRoot '../out/experiment-audit')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
Import-Module $EmulatorModule -Force
if (Test-Path $AuditPath) { Remove-Item $AuditPath -Recurse -Force }

$emulator = Start-CXoneEmulator
try {
    $secret = ConvertTo-SecureString 'emulator' -AsPlainText -Force
    Connect-CXone -BaseUri $emulator.Uri -ClientId emulator -ClientSecret $secret -AuditPath $AuditPath

    Write-Host "Ranking $Sessions sessions in experiment 'kb5-boost' (50% treatment) ..." -ForegroundColor Cyan
    $treatment = New-BoostDirective -SnippetId KB-5 -Factor $TreatmentFactor
    $results = 1..$Sessions | ForEach-Object {
        $session = 'call-{0:00000}' -f $_
        for ($i = 1; $i -le 5; $i++) { New-SnippetRank -SessionId $session -SnippetId "KB-$i" -RelevanceScore (1 - $i / 10) }
    } | Submit-SnippetRanking -Experiment kb5-boost -TreatmentDirective $treatment -ThrottleLimit 8
    $results | Group-Object Arm -NoElement | Format-Table Name, Count | Out-Host

    # Agents click what they were shown, by the click model above; a seeded choice keeps it repeatable.
    $random = [System.Random]::new($Seed)
    # Sorted: results come in the order sessions finish, and each session should get the same draws every run.
    $clicks = foreach ($result in $results | Where-Object Succeeded | Sort-Object SessionId) {
        foreach ($snippet in $result.Ranking) {
            $attractiveness = if ($snippet.SnippetId -eq 'KB-5') { 0.6 } else { 0.15 }
            if ($random.NextDouble() -lt $attractiveness / $snippet.Position) {
                [pscustomobject]@{ session_id = $result.SessionId; snippet_id = $snippet.SnippetId; rank_position = $snippet.Position }
            }
        }
    }
    $clicks | Add-SnippetClick -AuditPath $AuditPath
    Write-Host "Recorded $(@($clicks).Count) clicks." -ForegroundColor Cyan

    $experiment = Get-RankingExperiment -Name kb5-boost -AuditPath $AuditPath
    Write-Host "`nEach arm:" -ForegroundColor Cyan
    $experiment.Control, $experiment.Treatment | Format-Table | Out-Host
    Write-Host 'All the figures:' -ForegroundColor Cyan
    $experiment | Format-List | Out-Host
    $trueLift = if ($TreatmentFactor -gt 1) { 0.072 } else { 0.0 }
    $holds = $experiment.ClickThroughLiftLow -le $trueLift -and $trueLift -le $experiment.ClickThroughLiftHigh
    $word = if ($holds) { 'holds' } else { 'misses' }
    Write-Host ("True lift {0:+0.0;-0.0;0.0} pts; the 95% interval {1} it." -f ($trueLift * 100), $word) -ForegroundColor Cyan
    Write-Host "`nVerdict: $($experiment.Verdict)" -ForegroundColor Green
    Disconnect-CXone
}
finally {
    Stop-CXoneEmulator $emulator
}

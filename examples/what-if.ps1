<#
.SYNOPSIS
    The what-if loop end to end against a local CXone emulator: rank a few thousand sessions under
    three directive sets over time, simulate agents' clicks from a known position-based click model,
    then estimate four proposals from the log (the learned suggestion, one that helps and one that
    hurts, each added to the rules in force with -KeepLoggedRules, and the rules in force over their
    own period) and compare each estimate with the truth. Run it with: dotnet pwsh ./examples/what-if.ps1
    (from a build checkout after building, or from a folder that holds the laid-out CXoneRanking and
    emulator folders beside examples/; otherwise give -ModulePath and -EmulatorModule).
.DESCRIPTION
    Every session has the same nine candidates (KB-1 .. KB-9) with relevance scores that vary a
    little from session to session; the ranking keeps five. The click model: an agent examines
    position k with probability 1, 0.6, 0.4, 0.3, 0.2 and clicks an examined snippet with its
    attractiveness: 0.6 for KB-5 (the snippet that truly answers, which relevance ranks low), 0.05
    for KB-6, 0.1 to 0.15 for the others. The log is ranked first without rules, then with KB-3
    boosted, then with KB-7 boosted and KB-1 demoted: the same snippets at different positions,
    which is what lets the model tell position from snippet (docs/what-if.md).

    The proposals: the learned suggestion, boost KB-5 to the top (helps), put KB-6 on top and
    exclude KB-5 (hurts), each added to the rules each session was ranked with (-KeepLoggedRules:
    "what if I add these"), and the rules of the last period, measured over that period (no
    change). Each estimate's lift is compared with the true lift, which the script computes from
    the click model it drew from. The experiment then sends what was estimated: the rules in force
    followed by the helpful proposal.
#>
param(
    [int] $Sessions = 3000,
    [int] $Seed = 42,
    [int] $Resamples = 100,
    [string] $ModulePath,
    [string] $EmulatorModule,
    [string] $AuditPath
)
$ErrorActionPreference = 'Stop'
# A build checkout has the module in out/; a laid-out copy has the CXoneRanking and emulator folders beside examples/.
$root = if (Test-Path (Join-Path $PSScriptRoot '../out/CXoneRanking')) { Join-Path $PSScriptRoot '../out' } else { Join-Path $PSScriptRoot '..' }
if (-not $ModulePath) { $ModulePath = Join-Path $root 'CXoneRanking/CXoneRanking.psd1' }
if (-not $EmulatorModule) { $EmulatorModule = Join-Path $root 'emulator/CXoneEmulator.psm1' }
if (-not $AuditPath) { $AuditPath = Join-Path $root 'what-if-audit' }
Import-Module $ModulePath -Force
Import-Module $EmulatorModule -Force
if (Test-Path $AuditPath) { Remove-Item $AuditPath -Recurse -Force }

# The truth the clicks are drawn from.
$examination = 1.0, 0.6, 0.4, 0.3, 0.2
$attractiveness = @{ 'KB-1' = 0.15; 'KB-2' = 0.1; 'KB-3' = 0.12; 'KB-4' = 0.1; 'KB-5' = 0.6; 'KB-6' = 0.05; 'KB-7' = 0.1; 'KB-8' = 0.1; 'KB-9' = 0.1 }
$random = [System.Random]::new($Seed)

# One session's nine candidates as rows; the base scores rank KB-5 sixth, and the noise moves them a little.
function New-SessionRow([string] $SessionId) {
    for ($i = 1; $i -le 9; $i++) {
        $base = 0.88, 0.84, 0.8, 0.76, 0.66, 0.72, 0.62, 0.58, 0.3
        [pscustomobject]@{ session_id = $SessionId; snippet_id = "KB-$i"; relevance_score = [string][math]::Round($base[$i - 1] + ($random.NextDouble() - 0.5) * 0.2, 4) }
    }
}

# The expected click-through of lists under the true model: examined attractiveness over impressions.
function Get-TrueClickThrough([object[]] $Lists) {
    $clicks = 0.0; $shown = 0
    foreach ($list in $Lists) {
        for ($k = 0; $k -lt $list.Count; $k++) { $clicks += $examination[$k] * $attractiveness[$list[$k]] }
        $shown += $list.Count
    }
    # Rounded: the same lists summed in another order differ in the last bits, and the rules in force have a lift of exactly 0.
    if ($shown -eq 0) { 0.0 } else { [math]::Round($clicks / $shown, 12) }
}

$periods = @(
    @{ Name = 'no rules'; Rules = @() }
    @{ Name = 'KB-3 boosted'; Rules = @(New-BoostDirective -SnippetId KB-3 -Factor 1.4) }
    @{ Name = 'KB-7 boosted, KB-1 demoted'; Rules = @(New-BoostDirective -SnippetId KB-7 -Factor 1.5; New-BoostDirective -SnippetId KB-1 -Factor 0.7) }
)

$emulator = Start-CXoneEmulator
try {
    $secret = ConvertTo-SecureString 'emulator' -AsPlainText -Force
    Connect-CXone -BaseUri $emulator.Uri -ClientId emulator -ClientSecret $secret -AuditPath $AuditPath
    $perPeriod = [math]::Ceiling($Sessions / $periods.Count)
    $number = 0
    foreach ($period in $periods) {
        $period.Since = Get-Date
        $sessionRows = foreach ($s in 1..$perPeriod) { New-SessionRow ('call-{0:00000}' -f ++$number) }
        $period.Rows = $sessionRows
        Write-Host "Ranking $perPeriod sessions with $($period.Name) ..." -ForegroundColor Cyan
        $results = $sessionRows | New-SnippetRank | Submit-SnippetRanking -BoostDirective $period.Rules -MaxResultWindow 5 -ThrottleLimit 8
        # Agents click what they were shown, by the click model above; sorted, so each session gets the same draws every run.
        $clicks = foreach ($result in $results | Where-Object Succeeded | Sort-Object SessionId) {
            foreach ($snippet in $result.Ranking) {
                if ($random.NextDouble() -lt $examination[$snippet.Position - 1] * $attractiveness[$snippet.SnippetId]) {
                    [pscustomobject]@{ session_id = $result.SessionId; snippet_id = $snippet.SnippetId; rank_position = $snippet.Position }
                }
            }
        }
        $clicks | Add-SnippetClick -AuditPath $AuditPath
        $period.Lists = @($results | Where-Object Succeeded | ForEach-Object { , @($_.Ranking.SnippetId) })
        Write-Host "  recorded $(@($clicks).Count) clicks" -ForegroundColor Cyan
    }

    # 1. Suggest: what the clicks say, corrected for position.
    Write-Host "`n1. Suggest: Get-SnippetBoostSuggestion -AsDirective" -ForegroundColor Cyan
    $suggested = @(Get-SnippetBoostSuggestion -AuditPath $AuditPath -AsDirective)
    $suggested | Format-Table | Out-Host

    # 2. Estimate each proposal (added to the rules in force, as -KeepLoggedRules does), and compare with the truth.
    $proposals = @(
        @{ Name = 'the suggestion, added'; Rules = $suggested; Keep = $true }
        @{ Name = 'KB-5 to the top, added (helps)'; Rules = @(New-BoostDirective -SnippetId KB-5 -Factor 3); Keep = $true }
        @{ Name = 'KB-6 on top, KB-5 out, added (hurts)'; Rules = @(New-BoostDirective -SnippetId KB-6 -Factor 3; New-BoostDirective -SnippetId KB-5 -Exclude); Keep = $true }
        @{ Name = 'the rules in force, over their period'; Rules = $periods[-1].Rules; Since = $periods[-1].Since; Keep = $false }
    )
    foreach ($proposal in $proposals) {
        Write-Host "`n2. Estimate $($proposal.Name): Measure-RankingChange" -ForegroundColor Cyan
        $range = if ($proposal.Since) { @{ Since = $proposal.Since } } else { @{} }
        $estimate = Measure-RankingChange -BoostDirective $proposal.Rules -KeepLoggedRules:$proposal.Keep -AuditPath $AuditPath -Resamples $Resamples @range
        $estimate | Out-Host
        $estimate.Moved | Select-Object -First 5 | Format-Table | Out-Host
        # The truth: the same candidates ranked with the proposal (after each period's own rules when added), clicked by the true model.
        $inRange = if ($proposal.Since) { @($periods[-1]) } else { $periods }
        $before = @($inRange | ForEach-Object { $_.Lists })
        $proposed = foreach ($period in $inRange) {
            $rules = if ($proposal.Keep) { @($period.Rules) + @($proposal.Rules) } else { $proposal.Rules }
            $period.Rows | New-SnippetRank | Test-RankingPayload -BoostDirective $rules -MaxResultWindow 5 |
                ForEach-Object { , @(if ($_.IsValid) { $_.Payload.Snippets.SnippetId }) }
        }
        $trueLift = (Get-TrueClickThrough @($proposed)) - (Get-TrueClickThrough $before)
        $word = if ($estimate.ClickThroughLiftLow -le $trueLift -and $trueLift -le $estimate.ClickThroughLiftHigh) { 'holds' } else { 'misses' }
        Write-Host ("True click-through lift {0:+0.00;-0.00;0.00} points; the 95% interval {1} it." -f ($trueLift * 100), $word) -ForegroundColor Green
    }

    # 3. Confirm: what was estimated (the rules in force followed by the helpful proposal) goes live on half of the traffic.
    Write-Host "`n3. Confirm: Submit-SnippetRanking -Experiment, then Get-RankingExperiment" -ForegroundColor Cyan
    $treatment = $proposals[1].Rules    # the treatment ranks with -BoostDirective followed by these: the rules in force, then the proposal
    $results = 1..1000 | ForEach-Object { New-SessionRow ('confirm-{0:00000}' -f $_) } | New-SnippetRank |
        Submit-SnippetRanking -BoostDirective $periods[-1].Rules -MaxResultWindow 5 -Experiment kb5-top -TreatmentDirective $treatment -ThrottleLimit 8
    $clicks = foreach ($result in $results | Where-Object Succeeded | Sort-Object SessionId) {
        foreach ($snippet in $result.Ranking) {
            if ($random.NextDouble() -lt $examination[$snippet.Position - 1] * $attractiveness[$snippet.SnippetId]) {
                [pscustomobject]@{ session_id = $result.SessionId; snippet_id = $snippet.SnippetId; rank_position = $snippet.Position }
            }
        }
    }
    $clicks | Add-SnippetClick -AuditPath $AuditPath
    $experiment = Get-RankingExperiment -Name kb5-top -AuditPath $AuditPath
    Write-Host "Verdict: $($experiment.Verdict)" -ForegroundColor Green
    Disconnect-CXone
}
finally {
    Stop-CXoneEmulator $emulator
}

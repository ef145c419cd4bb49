<#
.SYNOPSIS
    Peak working set above an idle Import-Module of every reader of the audit log other than Get-RankingMetrics
    (bench/Year.Bench.ps1 has that one), each in a fresh process, over the generated log of 60 days x 5,000 sessions.
    Goal (issue 26): at most 60 MiB above the idle import, or a help page that says why not and how to bound it.
.DESCRIPTION
    Submit-SnippetRanking -SkipUnchanged is measured through the reader it runs before it sends anything
    (CXoneRanking.Audit.AppliedRankingIndex.Read, with the generated log's target), so no emulator is needed and the
    log is not written to. Measure-RankingChange and Export-RankingReport -ProposedDirective also run with -Since over
    the last 7 days, the bound their help recommends.
#>
param([int] $Days = 60, [int] $SessionsPerDay = 5000, [switch] $WithoutOrigins)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'BenchLog.psm1') -Force
$log = Get-YearBenchLog -Days $Days -SessionsPerDay $SessionsPerDay -WithoutOrigins:$WithoutOrigins
$folder = $log.Folder
$report = Join-Path ([IO.Path]::GetTempPath()) "cxone-bench-report-$PID.html"
$lastDay = (Get-ChildItem $folder -Filter 'cxone-audit-*.jsonl' | Sort-Object Name | Select-Object -Last 1).Name.Substring(12, 8)
$week = [DateTime]::ParseExact($lastDay, 'yyyyMMdd', [cultureinfo]::InvariantCulture).AddDays(-6).ToString('yyyy-MM-dd')
$target = 'https://acme.api.cxone.com/api/v2/agentassist/sessions/{sessionId}/snippets/ranking tenant=11e1c0de-0000-4000-8000-000000000026'
$rule = "(New-BoostDirective -MetadataKey category -Value returns -Factor 1.5)"
$readers = [ordered]@{
    'Get-RankingExperiment'                          = "Get-RankingExperiment -AuditPath '$folder'"
    'Get-SnippetBoostSuggestion'                     = "Get-SnippetBoostSuggestion -AuditPath '$folder'"
    'Submit-SnippetRanking -SkipUnchanged (its log read)' = "[CXoneRanking.Audit.AppliedRankingIndex]::Read('$folder', '$target')"
    'Export-RankingReport'                           = "Export-RankingReport -AuditPath '$folder' -Path '$report' -Force"
    'Get-RankingHistory (one session)'               = "Get-RankingHistory -AuditPath '$folder' -SessionId 'sess-$lastDay-000100'"
    'Measure-RankingChange'                          = "Measure-RankingChange -AuditPath '$folder' -BoostDirective $rule -KeepLoggedRules -Resamples 50"
    'Measure-RankingChange -Since (last 7 days)'     = "Measure-RankingChange -AuditPath '$folder' -BoostDirective $rule -KeepLoggedRules -Resamples 50 -Since '$week'"
    'Export-RankingReport -ProposedDirective -Since (last 7 days)' = "Export-RankingReport -AuditPath '$folder' -Path '$report' -Force -ProposedDirective $rule -Since '$week'"
}
try {
    foreach ($name in $readers.Keys) {
        Remove-Item (Join-Path $folder '.cxone-summaries') -Recurse -Force -ErrorAction SilentlyContinue
        $m = Measure-InFreshProcess -Setup "`$WarningPreference = 'SilentlyContinue'" -Command "$($readers[$name]) | Out-Null"
        New-BenchResult -Name "Peak working set of $name over $Days days x $SessionsPerDay sessions, fresh process" `
            -Baseline 'Import-Module alone (MiB)' -BaselineMs $m.ImportPeakMiB -Module "$name (MiB; ms: $($m.Milliseconds))" -ModuleMs $m.PeakMiB `
            -RatioText ('{0:n0} MiB above the idle import' -f $m.AboveImportMiB) `
            -Goal $(if ($name -like '*-Since*') { 'report only: the bound its help recommends' } else { 'at most 60 MiB above, or its help says why not' }) `
            -Met ($name -like '*-Since*' -or $m.AboveImportMiB -le 60)
    }
}
finally { Remove-Item $report -Force -ErrorAction SilentlyContinue }

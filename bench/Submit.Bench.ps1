<#
.SYNOPSIS
    Submission of 400 sessions x 10 snippets to the emulator with 20 ms latency per answer:
    Submit-SnippetRanking -ThrottleLimit 8 against a plain sequential Invoke-RestMethod loop
    posting the same rankings. Goal: the loop at least 5x slower (the floor, 400 x 20 ms / 8 =
    1 s, would allow 8x).
#>
param([int] $Rounds = 3, [int] $Sessions = 400)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
Import-CXoneRankingForBench
Import-Module (Join-Path (Get-BenchRoot) 'out/emulator/CXoneEmulator.psm1') -Force
$csv = New-RankingCsv -Path (Join-Path (Get-BenchDataDirectory) "submit-$Sessions.csv") -Sessions $Sessions -SnippetsPerSession 10 -Seed 2
$audit = Join-Path ([IO.Path]::GetTempPath()) "cxone-bench-audit-$PID"

$emulator = Start-CXoneEmulator -ArgumentList '--latency-ms', '20'
try {
    $secret = ConvertTo-SecureString 'emulator' -AsPlainText -Force
    Connect-CXone -BaseUri $emulator.Uri -ClientId emulator -ClientSecret $secret -AuditPath $audit
    # The loop gets the module's own payloads, so both sides send the same bytes.
    $payloads = Import-Csv $csv | New-SnippetRank | Test-RankingPayload | ForEach-Object { $_.Payload }
    $token = (Invoke-RestMethod -Method Post -Uri $emulator.TokenUri -Body @{
            grant_type = 'client_credentials'; client_id = 'emulator'; client_secret = 'emulator'
            scope = 'agentassist:session:write agentassist:snippet:write' }).access_token
    $headers = @{ Authorization = "Bearer $token" }

    $median = Measure-Rounds -Rounds $Rounds -Case ([ordered]@{
        loop   = {
            foreach ($payload in $payloads) {
                $uri = "$($emulator.Uri)api/v2/agentassist/sessions/$([uri]::EscapeDataString($payload.SessionId))/snippets/ranking"
                $null = Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' -Body $payload.ToJson()
            }
        }
        module = {
            $results = Import-Csv $csv | New-SnippetRank | Submit-SnippetRanking -ThrottleLimit 8
            if (@($results | Where-Object Succeeded).Count -ne $Sessions) { throw 'Not every session succeeded.' }
        }
    })
}
finally {
    Stop-CXoneEmulator $emulator
    Remove-Item $audit -Recurse -Force -ErrorAction SilentlyContinue
}
$ratio = $median.loop / $median.module
New-BenchResult -Name "Submission, $Sessions sessions x 10, 20 ms latency" `
    -Baseline 'sequential Invoke-RestMethod loop' -BaselineMs $median.loop `
    -Module 'Import-Csv | New-SnippetRank | Submit-SnippetRanking -ThrottleLimit 8' -ModuleMs $median.module `
    -RatioText ('loop {0:n1}x slower' -f $ratio) -Goal 'loop at least 5x slower' -Met ($ratio -ge 5)

<#
.SYNOPSIS
    Shared helpers of the bench/ scripts: timing with medians over alternating rounds, test data,
    and one results line per goal. Speed is compared with a baseline run in the same process,
    never asserted as a wall-clock time.
#>

$script:Root = Split-Path $PSScriptRoot -Parent
$script:DataDir = Join-Path $PSScriptRoot 'data'

function Get-BenchRoot { $script:Root }

function Get-BenchDataDirectory {
    $null = New-Item $script:DataDir -ItemType Directory -Force
    $script:DataDir
}

function Import-CXoneRankingForBench {
    Import-Module (Join-Path $script:Root 'out/CXoneRanking/CXoneRanking.psd1') -Force -Global
}

function Measure-Rounds {
    <#
    .SYNOPSIS
        Runs each named script block once per round, alternating, after one warm-up round; returns
        the median milliseconds of each. Alternating keeps a slow phase of the machine from
        landing on one side only.
    #>
    param(
        [Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Case,
        [int] $Rounds = 5
    )
    $times = @{}
    foreach ($name in $Case.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
    for ($round = 0; $round -le $Rounds; $round++) {
        foreach ($name in $Case.Keys) {
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $elapsed = (Measure-Command $Case[$name]).TotalMilliseconds
            if ($round -gt 0) { $times[$name].Add($elapsed) }   # round 0 warms up JIT and caches
        }
    }
    $result = [ordered]@{}
    foreach ($name in $Case.Keys) { $result[$name] = Get-Median $times[$name] }
    $result
}

function Measure-FirstCall {
    <#
    .SYNOPSIS
        Milliseconds of the first call of -Command in a fresh pwsh (cold: nothing compiled or
        cached in the process yet), after the module is imported there; the import itself is not
        counted. -Setup runs first, untimed.
    #>
    param([Parameter(Mandatory)] [string] $Command, [string] $Setup = '')
    $module = Join-Path $script:Root 'out/CXoneRanking/CXoneRanking.psd1'
    $script = "Import-Module '$module'; $Setup; [Math]::Round((Measure-Command { $Command }).TotalMilliseconds, 1)"
    $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "The first-call measurement failed: $output" }
    [double]($output | Select-Object -Last 1)
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function New-BenchResult {
    <#
    .SYNOPSIS
        One line of bench/results.md: what was measured, the two medians, their ratio, the goal.
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Baseline,
        [Parameter(Mandatory)] [double] $BaselineMs,
        [Parameter(Mandatory)] [string] $Module,
        [Parameter(Mandatory)] [double] $ModuleMs,
        [Parameter(Mandatory)] [string] $Goal,
        [Parameter(Mandatory)] [bool] $Met,
        [string] $RatioText
    )
    [pscustomobject]@{
        Name       = $Name
        Baseline   = $Baseline
        BaselineMs = [Math]::Round($BaselineMs, 1)
        Module     = $Module
        ModuleMs   = [Math]::Round($ModuleMs, 1)
        Ratio      = $RatioText
        Goal       = $Goal
        Met        = $Met
    }
}

function New-FloorResult {
    <#
    .SYNOPSIS
        A report-only line of bench/results.md: a floor PowerShell sets, as a ratio to the baseline.
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Baseline,
        [Parameter(Mandatory)] [double] $BaselineMs,
        [Parameter(Mandatory)] [string] $Floor,
        [Parameter(Mandatory)] [double] $FloorMs
    )
    New-BenchResult -Name "Floor: $Name (report only)" -Baseline $Baseline -BaselineMs $BaselineMs -Module $Floor -ModuleMs $FloorMs `
        -RatioText ('{0:n2}x the baseline' -f ($FloorMs / $BaselineMs)) -Goal 'report only' -Met $true
}

function New-RankingCsv {
    <#
    .SYNOPSIS
        A deterministic rankings CSV: Sessions x SnippetsPerSession rows with a category column.
    #>
    param([Parameter(Mandatory)] [string] $Path, [int] $Sessions = 2000, [int] $SnippetsPerSession = 50, [int] $Seed = 1)
    if (Test-Path $Path) { return $Path }
    $random = [Random]::new($Seed)
    $categories = 'billing', 'technical', 'account', 'general', 'escalation'
    $invariant = [cultureinfo]::InvariantCulture
    $text = [Text.StringBuilder]::new()
    [void]$text.AppendLine('session_id,snippet_id,relevance_score,boost_factor,category')
    for ($s = 0; $s -lt $Sessions; $s++) {
        for ($k = 0; $k -lt $SnippetsPerSession; $k++) {
            [void]$text.Append("sess-$s,KB-$k,").Append($random.NextDouble().ToString('0.####', $invariant)).Append(',1.').
                Append($random.Next(0, 5)).Append(',').AppendLine($categories[$random.Next(5)])
        }
    }
    [IO.File]::WriteAllText($Path, $text.ToString())
    $Path
}

Export-ModuleMember -Function *

#requires -Version 7.2
<#
.SYNOPSIS
    The real-browser check of Export-RankingReport (./build.ps1 ReportCheck): renders a generated
    report in headless Chromium and fails unless its charts are laid out and painted.
.DESCRIPTION
    1. Installs Debian's chromium when it is missing (apt-get; needs root).
    2. Writes an audit log and its report with New-ReportFixture.ps1.
    3. Lays the page out at 1280 and 800 pixels wide: a copy of the report with a probe script
       appended (the report itself has no script) records each SVG's rendered size, and every
       SVG text that lies outside its chart's box or overlaps another, into the DOM, which --dump-dom prints.
    4. Paints it: --screenshot, then counts the screenshot's colours; the chart colours must be
       there, so a blank, unstyled or chart-less page fails.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutDirectory
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Get-Chromium {
    $found = Get-Command chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($found) { return $found.Source }
    if (-not (Get-Command apt-get -ErrorAction SilentlyContinue)) { throw 'chromium is missing and apt-get is not available to install it.' }
    Write-Host 'Installing chromium (apt-get)...'
    $env:DEBIAN_FRONTEND = 'noninteractive'
    & apt-get update -qq | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "apt-get update failed ($LASTEXITCODE)." }
    & apt-get install -y -qq chromium | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "apt-get install chromium failed ($LASTEXITCODE)." }
    (Get-Command chromium -CommandType Application | Select-Object -First 1).Source
}

function Invoke-Chromium([string] $Chromium, [string[]] $Arguments) {
    # A fresh profile per run, so no cached state or extension can change what is rendered.
    $profileDir = Join-Path ([IO.Path]::GetTempPath()) "cxone-reportcheck-$([guid]::NewGuid().ToString('N'))"
    try {
        $flags = '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', "--user-data-dir=$profileDir"
        # stderr carries harmless D-Bus noise in containers; only the exit code and stdout matter.
        $stdout = & $Chromium @flags @Arguments 2>$null
        if ($LASTEXITCODE -ne 0) { throw "chromium exited with $LASTEXITCODE." }
        $stdout -join "`n"
    }
    finally { Remove-Item $profileDir -Recurse -Force -ErrorAction SilentlyContinue }
}

$chromium = Get-Chromium
Write-Host "Browser: $(& $chromium --version 2>$null)"
$null = New-Item $OutDirectory -ItemType Directory -Force
$work = Join-Path $OutDirectory 'reportcheck'
$report = & (Join-Path $PSScriptRoot 'New-ReportFixture.ps1') -ModulePath $ModulePath -OutDirectory $work
$failures = [System.Collections.Generic.List[string]]::new()

# Layout, at a wide and a narrow window: every chart must be in the DOM with a real size, and
# every text of a chart (tick labels, marks, axis titles) must lie inside the chart's box, where
# the SVG does not clip it, and no two texts of a chart may overlap.
$probe = Join-Path $work 'report-probe.html'
$probeScript = '<script>document.body.setAttribute("data-probe", JSON.stringify([...document.querySelectorAll("svg")].map(s => { const r = s.getBoundingClientRect(); const outside = [...s.querySelectorAll("text")].filter(t => { const b = t.getBoundingClientRect(); return b.width > 0 && (b.left < r.left - 0.5 || b.right > r.right + 0.5 || b.top < r.top - 0.5 || b.bottom > r.bottom + 0.5); }).map(t => t.textContent); const boxes = [...s.querySelectorAll("text")].map(t => ({ text: t.textContent, b: t.getBoundingClientRect() })).filter(x => x.b.width > 0); const overlaps = []; boxes.forEach((a, i) => boxes.slice(i + 1).forEach(c => { if (a.b.left < c.b.right - 0.5 && c.b.left < a.b.right - 0.5 && a.b.top < c.b.bottom - 0.5 && c.b.top < a.b.bottom - 0.5) overlaps.push(a.text + "\u0027 and \u0027" + c.text); })); return { id: s.id, w: r.width, h: r.height, shapes: s.querySelectorAll("rect,polyline,circle,line").length, outside: outside, overlaps: overlaps }; })));</script>'
(Get-Content $report.FullName -Raw) -replace '</body>', "$probeScript</body>" | Set-Content $probe -NoNewline
foreach ($windowWidth in 1280, 800) {
    $dom = Invoke-Chromium $chromium @("--window-size=$windowWidth,2400", '--dump-dom', [uri]::new($probe).AbsoluteUri)
    if ($dom -notmatch 'data-probe="([^"]*)"') { $failures.Add("at $windowWidth px the probe found no SVG layout (did the page load?)"); continue }
    $charts = [System.Net.WebUtility]::HtmlDecode($Matches[1]) | ConvertFrom-Json
    foreach ($id in 'chart-latency', 'chart-positions', 'chart-time') {
        $chart = $charts | Where-Object id -EQ $id
        if (-not $chart) { $failures.Add("chart $id is not in the DOM"); continue }
        Write-Host ("{0} px window, {1}: {2:0} x {3:0} px, {4} shapes" -f $windowWidth, $id, $chart.w, $chart.h, $chart.shapes)
        if ($chart.w -lt 200 -or $chart.h -lt 100) { $failures.Add("chart $id is laid out at $($chart.w) x $($chart.h) px") }
        if ($chart.shapes -lt 10) { $failures.Add("chart $id has only $($chart.shapes) shapes") }
    }
    foreach ($chart in $charts) {
        foreach ($text in @($chart.outside)) { $failures.Add("at $windowWidth px, text '$text' of $($chart.id) lies outside the chart's box (clipped)") }
        foreach ($pair in @($chart.overlaps)) { $failures.Add("at $windowWidth px, the texts '$pair' of $($chart.id) overlap") }
    }
}

# Paint: the screenshot must hold the charts' colours, not a blank or unstyled page.
$screenshot = Join-Path $OutDirectory 'report-screenshot.png'
Remove-Item $screenshot -ErrorAction SilentlyContinue
$null = Invoke-Chromium $chromium @("--screenshot=$screenshot", '--window-size=1280,2400', [uri]::new($report.FullName).AbsoluteUri)
if (-not (Test-Path $screenshot)) { $failures.Add('no screenshot was written') }
else {
    if (-not ('CXoneRanking.ReportCheck.PngPixels' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'PngPixels.cs') }
    $histogram = [CXoneRanking.ReportCheck.PngPixels]::Histogram($screenshot)
    Write-Host "Screenshot: $screenshot, $($histogram.Count) distinct colours"
    if ($histogram.Count -lt 50) { $failures.Add("the screenshot has only $($histogram.Count) colours: blank or unstyled") }
    # The colours of HtmlReportStyle: bars of clicks and impressions, latency bars, the click line, the percentile marks.
    foreach ($colour in @(@{ Name = 'clicks bars'; Rgb = 0x1f5fa8 }, @{ Name = 'impression bars'; Rgb = 0x9db7d5 },
            @{ Name = 'latency bars'; Rgb = 0x4a7fb5 }, @{ Name = 'clicks line'; Rgb = 0xd9822b }, @{ Name = 'percentile marks'; Rgb = 0xc0392b })) {
        $pixels = [CXoneRanking.ReportCheck.PngPixels]::CountNear($histogram, $colour.Rgb, 4)
        Write-Host ("  {0}: {1} px" -f $colour.Name, $pixels)
        if ($pixels -lt 200) { $failures.Add("the $($colour.Name) are not painted ($pixels px of #{0:x6})" -f $colour.Rgb) }
    }
}

if ($failures.Count -gt 0) {
    $failures | ForEach-Object { Write-Host "FAIL: $_" -ForegroundColor Red }
    exit 1
}
Write-Host "ReportCheck passed: the report renders its charts in $(& $chromium --version 2>$null)."
exit 0

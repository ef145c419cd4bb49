#requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and lays out the CXoneRanking module.
.DESCRIPTION
    Tasks (first positional argument):
      Build     restore, compile Release, lay out out/CXoneRanking/ (module) and out/emulator/
      Test      Build, then every xUnit project, then the .NET Framework leg (FrameworkTest), then Pester
                over tests/**/*.Tests.ps1 against the laid-out module; ends with one line "Tests: N passed, M failed"
      FrameworkTest  Core's xUnit tests built for net472 and run under Mono (installed with apt-get if
                missing), as Windows PowerShell 5.1 runs Core; on Windows under the .NET Framework itself
      Pester    Build, then Pester only (-PesterPath narrows it to a file or folder)
      Bench     Build, then run bench/*.Bench.ps1 and write bench/results.md
      Package   Build, then pack out/CXoneRanking.<version>.nupkg with PSResourceGet (local file repository)
      Demo      Build, then run examples/demo.ps1: the main job against a local CXone emulator
      Emulator  Build, then run the CXone emulator in the foreground (-EmulatorArgument passes options)
      ReportCheck  Build, then render a generated Export-RankingReport in headless Chromium (installed
                with apt-get if missing) and fail unless its charts render; writes out/report-screenshot.png
      Clean     remove out/ and every bin/ and obj/
    Run it as: dotnet tool restore && dotnet pwsh ./build.ps1 <Task>
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'FrameworkTest', 'Pester', 'Demo', 'Emulator', 'Clean', 'Bench', 'Package', 'ReportCheck')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    [string] $PesterPath = (Join-Path $PSScriptRoot 'tests'),

    [string[]] $EmulatorArgument = @('--urls', 'http://127.0.0.1:5080')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'CXoneRanking'
$EmulatorOut = Join-Path $Out 'emulator'
$ResultsDir = Join-Path $Out 'TestResults'
$PesterVersion = '5.7.1'

# The build's own helpers, imported once here so that every task sees them, not only the tasks
# that happen to run Install-ModuleLayout first (Package calls New-ModulePackage, for one).
Import-Module (Join-Path $Root '.config/build/ModulePackage.psm1') -Force
Import-Module (Join-Path $Root '.config/build/HelpBuilder.psm1') -Force

function Invoke-Dotnet {
    & dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $Root 'CXoneRanking.sln') -c $Configuration -nologo -v minimal
    Install-ModuleLayout
    Install-EmulatorLayout
}

function Install-ModuleLayout {
    # Only what the module needs at run time: never System.Management.Automation (PowerShell
    # brings its own) nor deps.json files, which would make PowerShell look for a host app.
    # The cmdlets' assembly sits at the top; Core and every dependency go to dependencies/,
    # which the module loads into its own AssemblyLoadContext (src/CXoneRanking.PowerShell/Loading).
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $dependencies = New-Item (Join-Path $ModuleOut 'dependencies') -ItemType Directory
    $bin = Join-Path $Root "src/CXoneRanking.PowerShell/bin/$Configuration/netstandard2.0"
    Get-ChildItem $bin -File |
        Where-Object { $_.Extension -in '.dll', '.pdb' -and $_.BaseName -ne 'System.Management.Automation' } |
        ForEach-Object { Copy-Item $_.FullName -Destination $(if ($_.BaseName -eq 'CXoneRanking.PowerShell') { $ModuleOut } else { $dependencies }) }
    # Export-RankingAuditLog -Format Parquet: CXoneRanking.Parquet (.NET 10 only) and what it adds to Core's dependencies
    # (Parquet.Net, its compressors); Core finds it by name on PowerShell 7.6, Windows PowerShell never loads it.
    Get-ChildItem (Join-Path $Root "src/CXoneRanking.Parquet/bin/$Configuration/net10.0") -File -Filter *.dll |
        Where-Object { -not (Test-Path (Join-Path $dependencies $_.Name)) } |
        ForEach-Object { Copy-Item $_.FullName -Destination $dependencies }
    Copy-Item (Join-Path $Root 'module/*') -Destination $ModuleOut -Recurse
    Copy-Item (Join-Path $Root 'LICENSE') -Destination $ModuleOut
    # The sample data the README's first pipeline reads; the example scripts need a checkout and the emulator.
    $examples = New-Item (Join-Path $ModuleOut 'examples') -ItemType Directory
    Copy-Item (Join-Path $Root 'examples/rankings.csv'), (Join-Path $Root 'examples/directives.json') -Destination $examples
    $manifest = Join-Path $ModuleOut 'CXoneRanking.psd1'
    Set-ManifestReleaseNotes -ManifestPath $manifest -ReleaseNotes (Get-ChangelogReleaseNotes -Path (Join-Path $Root 'CHANGELOG.md'))
    Build-CmdletHelp -ManifestPath $manifest -DocsPath (Join-Path $Root 'docs/cmdlets') `
        -OutputPath (Join-Path $ModuleOut 'en-US/CXoneRanking.PowerShell.dll-Help.xml')
    Write-Host "Module laid out in $ModuleOut"
}

function Install-EmulatorLayout {
    $project = Join-Path $Root 'src/CXoneRanking.Emulator'
    if (-not (Test-Path $project)) { return }
    if (Test-Path $EmulatorOut) { Remove-Item $EmulatorOut -Recurse -Force }
    Copy-Item (Join-Path $project "bin/$Configuration/net10.0") -Destination $EmulatorOut -Recurse
    Copy-Item (Join-Path $project 'CXoneEmulator.psm1') -Destination $EmulatorOut
    Write-Host "Emulator laid out in $EmulatorOut"
}

function Get-PesterManifest {
    Invoke-Dotnet restore (Join-Path $Root 'tests/PesterRestore/PesterRestore.csproj') -v quiet
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
        ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
}

function Invoke-XunitTests {
    # Counted from the TRX files, so the summary line does not depend on console wording.
    $trxDir = Join-Path $ResultsDir 'xunit'
    if (Test-Path $trxDir) { Remove-Item $trxDir -Recurse -Force }
    & dotnet test (Join-Path $Root 'CXoneRanking.sln') -c $Configuration --no-build --nologo `
        --logger trx --logger 'console;verbosity=minimal' --results-directory $trxDir | Out-Host
    $counts = [pscustomobject]@{ Passed = 0; Failed = 0 }
    foreach ($trx in Get-ChildItem $trxDir -Filter *.trx -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -LiteralPath $trx.FullName -Raw)).TestRun.ResultSummary.Counters
        $counts.Passed += [int]$counters.passed
        $counts.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    if ($LASTEXITCODE -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1 }  # a crash counts
    $counts
}

function Get-Mono {
    # Debian ships the framework facades (netstandard.dll, System.Runtime.dll) only in mono-devel:
    # mono-runtime alone cannot load a netstandard2.0 library, so mono-devel is the minimum.
    $mono = Get-Command mono -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($mono) {
        $facades = Join-Path (Split-Path (Split-Path $mono.Source)) 'lib/mono/4.5/Facades/netstandard.dll'
        if (Test-Path $facades) { return $mono.Source }
    }
    if (-not (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        throw 'Mono (with its facades) is missing and apt-get is not available to install it: install mono-devel.'
    }
    Write-Host 'Installing Mono (apt-get install mono-devel)...'
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $log = Join-Path $ResultsDir 'framework/apt-get.log'
    $null = New-Item (Split-Path $log) -ItemType Directory -Force
    Remove-Item $log -ErrorAction SilentlyContinue
    $env:DEBIAN_FRONTEND = 'noninteractive'
    foreach ($step in @(@('update', '-qq'), @('install', '-y', '-qq', '--no-install-recommends', 'mono-devel'))) {
        & apt-get @step *>> $log
        if ($LASTEXITCODE -ne 0) {
            Get-Content $log -Tail 20 | Out-Host
            throw "apt-get $($step[0]) failed ($LASTEXITCODE); its output is in $log."
        }
    }
    Write-Host ("Mono installed in {0:0} s." -f $clock.Elapsed.TotalSeconds)
    (Get-Command mono -CommandType Application | Select-Object -First 1).Source
}

function Invoke-FrameworkTests {
    # Core as Windows PowerShell 5.1 runs it: the net472 test project under Mono, or under the .NET
    # Framework itself on Windows. Not in the solution (dotnet test has no Mono host), so built here.
    # A missing runtime counts as a failure, never as a silent skip. Counted from xunit's XML.
    $project = Join-Path $Root 'tests/CXoneRanking.FrameworkTests'
    $bin = Join-Path $project "bin/$Configuration/net472"
    $resultFile = Join-Path $ResultsDir 'framework/CXoneRanking.FrameworkTests.xml'
    # A compile error of this leg alone (a .NET-only API in a shared test file, say) counts as a
    # failure and lets the other legs run, so the summary line is always printed.
    & dotnet build $project -c $Configuration -nologo -v minimal | Out-Host
    if ($LASTEXITCODE -ne 0) {
        Write-Host 'FAIL: the .NET Framework test project does not build (see the errors above).' -ForegroundColor Red
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }
    $null = New-Item (Split-Path $resultFile) -ItemType Directory -Force
    Remove-Item $resultFile -ErrorAction SilentlyContinue
    # -noappdomain: a timer or socket callback that outlives its test must not find the test's AppDomain
    # unloaded; under Mono that ended the whole run with AppDomainUnloadedException after every test passed.
    $arguments = @((Join-Path $bin 'CXoneRanking.FrameworkTests.dll'), '-noshadow', '-noappdomain', '-nologo', '-xml', $resultFile)
    $runner = Join-Path $bin 'xunit.runner/xunit.console.exe'
    if ($IsWindows) { & $runner @arguments | Out-Host }
    else {
        try { $mono = Get-Mono }
        catch {
            Write-Host "FAIL: the .NET Framework tests cannot run: $($_.Exception.Message)" -ForegroundColor Red
            return [pscustomobject]@{ Passed = 0; Failed = 1 }
        }
        Write-Host "Runtime: $(& $mono --version | Select-Object -First 1)"
        & $mono $runner @arguments | Out-Host
    }
    $exitCode = $LASTEXITCODE
    $counts = [pscustomobject]@{ Passed = 0; Failed = 0 }
    if (Test-Path $resultFile) {
        foreach ($assembly in ([xml](Get-Content -LiteralPath $resultFile -Raw)).assemblies.assembly) {
            # GetAttribute: <assembly> also has an <errors> child, which $assembly.errors would return too.
            $passed, $failed, $errors, $skipped = 'passed', 'failed', 'errors', 'skipped' | ForEach-Object { [int]$assembly.GetAttribute($_) }
            $counts.Passed += $passed
            $counts.Failed += $failed + $errors
            Write-Host ".NET Framework tests: $passed passed, $failed failed, $errors errors, $skipped skipped"
        }
    }
    if ($exitCode -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1 }  # a crash counts
    $counts
}

function Invoke-PesterTests {
    # A child process: the module's assemblies load there, never into this build process.
    $resultFile = Join-Path $ResultsDir 'pester-counts.json'
    $null = New-Item $ResultsDir -ItemType Directory -Force
    Remove-Item $resultFile -ErrorAction SilentlyContinue
    $env:CXONERANKING_MODULE_PATH = Join-Path $ModuleOut 'CXoneRanking.psd1'
    $env:CXONERANKING_REPO_ROOT = $Root
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Invoke-PesterSuite.ps1') `
        -PesterManifest (Get-PesterManifest) -Path $PesterPath -ResultFile $resultFile -ResultsDirectory $ResultsDir | Out-Host
    if (-not (Test-Path $resultFile)) { return [pscustomobject]@{ Passed = 0; Failed = 1 } }
    Get-Content $resultFile -Raw | ConvertFrom-Json
}

function Write-TestSummary($Parts) {
    $passed = ($Parts | Measure-Object Passed -Sum).Sum
    $failed = ($Parts | Measure-Object Failed -Sum).Sum
    Write-Host "Tests: $passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

switch ($Task) {
    'Clean' {
        Get-ChildItem $Root -Directory -Recurse -Include bin, obj -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -notlike "*$([IO.Path]::DirectorySeparatorChar).git*" } |
            Remove-Item -Recurse -Force
        if (Test-Path $Out) { Remove-Item $Out -Recurse -Force }
    }
    'Build' { Invoke-Build }
    'Package' {
        Invoke-Build
        $package = New-ModulePackage -ModulePath $ModuleOut -OutputDirectory $Out
        Write-Host "Package: $($package.FullName)"
    }
    'Test' {
        Invoke-Build
        $xunit = Invoke-XunitTests
        $framework = Invoke-FrameworkTests
        $pester = Invoke-PesterTests
        Write-TestSummary @($xunit, $framework, $pester)
    }
    'FrameworkTest' { Write-TestSummary @(Invoke-FrameworkTests) }
    'Pester' {
        Invoke-Build
        Write-TestSummary @(Invoke-PesterTests)
    }
    'Bench' {
        Invoke-Build
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'bench/Invoke-Bench.ps1')
        exit $LASTEXITCODE
    }
    'Demo' {
        Invoke-Build
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'examples/demo.ps1')
        exit $LASTEXITCODE
    }
    'ReportCheck' {
        # Not part of Test: CI machines may have no browser. A child process, like Pester's.
        Invoke-Build
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'tests/ReportCheck/Invoke-ReportCheck.ps1') `
            -ModulePath (Join-Path $ModuleOut 'CXoneRanking.psd1') -OutDirectory $Out
        exit $LASTEXITCODE
    }
    'Emulator' {
        Invoke-Build
        & dotnet (Join-Path $EmulatorOut 'CXoneRanking.Emulator.dll') @EmulatorArgument
    }
}

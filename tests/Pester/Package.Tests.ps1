#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The package an admin installs: the laid-out module packed with PSResourceGet exactly as
# ./build.ps1 Package packs it, saved from a file repository in $TestDrive into a fresh module
# folder, then imported by name in a child pwsh that sees only that folder. Nothing touches the
# PowerShell Gallery or the user's own repositories (a uniquely named one is added and removed).

BeforeAll {
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT '.config/build/ModulePackage.psm1') -Force
    $moduleBase = Split-Path $env:CXONERANKING_MODULE_PATH
    $version = (Import-PowerShellDataFile $env:CXONERANKING_MODULE_PATH).ModuleVersion
    $feed = Join-Path $TestDrive 'feed'
    $package = New-ModulePackage -ModulePath $moduleBase -OutputDirectory $feed

    $repository = 'CXoneRankingTest-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    Register-PSResourceRepository -Name $repository -Uri $feed -Trusted
    $modules = Join-Path $TestDrive 'modules'
    $null = New-Item -ItemType Directory -Path $modules
    Save-PSResource -Name CXoneRanking -Repository $repository -Path $modules -TrustRepository -SkipDependencyCheck -Quiet

    Add-Type -AssemblyName System.IO.Compression.FileSystem
    function Get-PackageEntry([string] $Path) {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try { @($zip.Entries.FullName) } finally { $zip.Dispose() }
    }
    function Get-Nuspec([string] $Path) {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try {
            $reader = [System.IO.StreamReader]::new(($zip.Entries | Where-Object FullName -EQ 'CXoneRanking.nuspec').Open())
            try { [xml]$reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
    }
}

AfterAll {
    Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue
}

Describe 'the package' {
    It 'is CXoneRanking.<version>.nupkg' {
        $package.Name | Should -Be "CXoneRanking.$version.nupkg"
    }

    It 'carries the manifest''s metadata and release notes' {
        $metadata = (Get-Nuspec $package.FullName).package.metadata
        $metadata.id | Should -Be 'CXoneRanking'
        $metadata.version | Should -Be $version
        $metadata.projectUrl | Should -Be 'https://github.com/cxoneranking/CXoneRanking'
        $metadata.tags | Should -Match 'CXone'
        $metadata.releaseNotes | Should -Match 'Submit-SnippetRanking'
    }

    # The README's first pipeline reads examples/rankings.csv and examples/directives.json: they ship (#19).
    It 'holds the module, its dependencies, its help and the sample files of the README' {
        $entries = Get-PackageEntry $package.FullName
        foreach ($file in 'CXoneRanking.psd1', 'CXoneRanking.PowerShell.dll', 'dependencies/CXoneRanking.Core.dll', 'dependencies/Polly.Core.dll',
            'en-US/CXoneRanking.PowerShell.dll-Help.xml', 'en-US/about_CXoneRanking.help.txt', 'LICENSE',
            'examples/rankings.csv', 'examples/directives.json') {
            $entries | Should -Contain $file
        }
    }

    It 'leaves no repository registered behind' {
        @(Get-PSResourceRepository | Where-Object Name -Like 'CXoneRankingBuild-*') | Should -BeNullOrEmpty
    }
}

Describe 'a module saved from the package' {
    It 'imports by name in a new pwsh and its cmdlets run' {
        $script = @'
$ErrorActionPreference = 'Stop'
Import-Module CXoneRanking
$module = Get-Module CXoneRanking
$valid = New-SnippetRank -SessionId call-1 -SnippetId KB-1 -RelevanceScore 0.8 | Test-RankingPayload -Quiet
"$($module.ModuleBase)|$($module.Version)|$valid|$((Get-Help Connect-CXone).Synopsis)"
'@
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = $modules
            $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $script 2>&1
        }
        finally { $env:PSModulePath = $saved }
        $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)
        $base, $moduleVersion, $valid, $synopsis = ($output | Select-Object -Last 1) -split '\|'
        $base | Should -BeLike "$modules*"
        $moduleVersion | Should -Be $version
        $valid | Should -Be 'True'
        $synopsis | Should -Match 'Signs in to a CXone tenant'
    }
}

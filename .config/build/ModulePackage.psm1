<#
    Release notes and packaging for the laid-out module (build.ps1 Build and Package, and
    tests/Pester/Package.Tests.ps1, which packs the module it tests the same way).
#>
Set-StrictMode -Version Latest

function Get-ChangelogReleaseNotes {
    <#
    .SYNOPSIS
        The body of CHANGELOG.md's [Unreleased] section, or of the newest release when
        [Unreleased] is empty: the text under its "## [...]" heading, up to the next one.
    #>
    param([Parameter(Mandatory)] [string] $Path)

    $sections = [System.Collections.Generic.List[object]]::new()
    foreach ($line in Get-Content -LiteralPath $Path -Encoding utf8) {
        if ($line -match '^##\s+\[([^\]]+)\]') { $sections.Add([pscustomobject]@{ Name = $Matches[1]; Lines = [System.Collections.Generic.List[string]]::new() }); continue }
        if ($sections.Count -gt 0) { $sections[-1].Lines.Add($line) }
    }
    $chosen = $sections | Where-Object { ($_.Lines -join '').Trim() } | Select-Object -First 1
    if (-not $chosen) { throw "$Path has no '## [Unreleased]' or '## [x.y.z]' section with content." }
    ($chosen.Lines -join "`n").Trim()
}

function Set-ManifestReleaseNotes {
    <#
    .SYNOPSIS
        Writes release notes into a manifest's empty "ReleaseNotes = ''" placeholder, as one
        single-quoted string (quotes doubled), so the source manifest never holds a stale copy.
    #>
    param([Parameter(Mandatory)] [string] $ManifestPath, [Parameter(Mandatory)] [string] $ReleaseNotes)

    $text = Get-Content -LiteralPath $ManifestPath -Raw -Encoding utf8
    $placeholder = [regex]::new("ReleaseNotes(\s*)=\s*''")
    if (-not $placeholder.IsMatch($text)) { throw "$ManifestPath has no ReleaseNotes = '' placeholder to fill." }
    $quoted = "'" + ($ReleaseNotes -replace "'", "''") + "'"
    $text = $placeholder.Replace($text, { param($m) "ReleaseNotes$($m.Groups[1].Value)= $quoted" }, 1)
    Set-Content -LiteralPath $ManifestPath -Value $text -Encoding utf8 -NoNewline
}

function New-ModulePackage {
    <#
    .SYNOPSIS
        Packs a laid-out module into <OutputDirectory>/<Name>.<Version>.nupkg with PSResourceGet.
    .DESCRIPTION
        Publishes to a file repository registered under a unique name for this call only and
        unregistered afterwards, so the user's own repositories are never read or changed, and
        nothing is looked up in the PowerShell Gallery (-SkipDependenciesCheck: the module has no
        module dependencies to check).
    #>
    param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $OutputDirectory)

    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    $name = Split-Path $ModulePath -Leaf
    $manifest = Import-PowerShellDataFile (Join-Path $ModulePath "$name.psd1")
    $version = $manifest.ModuleVersion
    $prerelease = $manifest.PrivateData.PSData['Prerelease']
    if ($prerelease) { $version = "$version-$prerelease" }

    $id = [guid]::NewGuid().ToString('N').Substring(0, 12)
    $repository = "CXoneRankingBuild-$id"
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) "cxoneranking-publish-$id"
    $null = New-Item -ItemType Directory -Path $folder
    Register-PSResourceRepository -Name $repository -Uri $folder -Trusted
    try {
        Publish-PSResource -Path $ModulePath -Repository $repository -SkipDependenciesCheck
        $package = Join-Path $folder "$name.$version.nupkg"
        if (-not (Test-Path -LiteralPath $package)) { throw "Publish-PSResource did not produce $name.$version.nupkg in $folder." }
        $null = New-Item -ItemType Directory -Path $OutputDirectory -Force
        $target = Join-Path $OutputDirectory "$name.$version.nupkg"
        Move-Item -LiteralPath $package -Destination $target -Force
        Get-Item -LiteralPath $target
    }
    finally {
        Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Get-ChangelogReleaseNotes, Set-ManifestReleaseNotes, New-ModulePackage

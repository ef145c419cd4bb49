#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Dependency isolation on PowerShell 7: a user (or another module) has already loaded other
# versions of Polly.Core and Microsoft.Extensions.Logging.Abstractions into PowerShell's default
# load context. CXoneRanking must still import, connect and submit, with its own copies loaded in
# its private context, and its public types must stay the ones scripts name. Each scenario runs in
# a fresh child pwsh: a load context cannot be undone within a process.

BeforeAll {
    # The conflicting versions come from NuGet, as Pester itself does (tests/PesterRestore).
    $restore = Join-Path $TestDrive 'conflicts'
    $null = New-Item -ItemType Directory -Path $restore
    @'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Polly.Core" Version="[8.1.0]" />
    <PackageDownload Include="Microsoft.Extensions.Logging.Abstractions" Version="[8.0.0]" />
  </ItemGroup>
</Project>
'@ | Set-Content (Join-Path $restore 'Conflicts.csproj')
    & dotnet restore (Join-Path $restore 'Conflicts.csproj') -v quiet | Out-Null
    if ($LASTEXITCODE -ne 0) { throw 'Could not restore Polly.Core 8.1.0 and Microsoft.Extensions.Logging.Abstractions 8.0.0.' }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
        ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    $oldPolly = Join-Path $packages 'polly.core/8.1.0/lib/netstandard2.0/Polly.Core.dll'
    $oldLogging = Join-Path $packages 'microsoft.extensions.logging.abstractions/8.0.0/lib/netstandard2.0/Microsoft.Extensions.Logging.Abstractions.dll'

    $moduleBase = Split-Path $env:CXONERANKING_MODULE_PATH
    $emulatorModule = Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1'

    # Runs $Script in a new pwsh with the variables of $Arguments defined, and returns what it wrote
    # to $ResultPath as JSON.
    function Invoke-ChildPwsh([string] $Script, [hashtable] $Arguments) {
        $resultPath = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.json')
        $scriptPath = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.ps1')
        $prelude = ($Arguments.GetEnumerator() | ForEach-Object { "`$$($_.Key) = '$($_.Value -replace "'", "''")'" }) -join "`n"
        "$prelude`n`$ResultPath = '$resultPath'`n$Script" | Set-Content $scriptPath
        $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $scriptPath 2>&1
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path $resultPath)) { throw "The child pwsh failed (exit $LASTEXITCODE):`n$($output | Out-String)" }
        Get-Content $resultPath -Raw | ConvertFrom-Json
    }
}

Describe 'a module that meets older copies of its dependencies' {
    BeforeAll {
        $result = Invoke-ChildPwsh -Arguments @{
            OldPolly = $oldPolly; OldLogging = $oldLogging; Manifest = $env:CXONERANKING_MODULE_PATH
            EmulatorModule = $emulatorModule; AuditPath = (Join-Path $TestDrive 'audit')
        } -Script @'
$ErrorActionPreference = 'Stop'
$alc = [System.Runtime.Loader.AssemblyLoadContext]
# The user's copies, loaded first, into PowerShell's default context.
$userPolly = [System.Reflection.Assembly]::LoadFrom($OldPolly)
$userLogging = [System.Reflection.Assembly]::LoadFrom($OldLogging)
Import-Module $Manifest
Import-Module $EmulatorModule
$emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'isolation', '--client-secret', 'isolation-secret'
try {
    Connect-CXone -BaseUri $emulator.Uri -ClientId isolation -ClientSecret (ConvertTo-SecureString isolation-secret -AsPlainText -Force) -AuditPath $AuditPath
    $rank = New-SnippetRank -SessionId iso-1 -SnippetId KB-1 -RelevanceScore 0.9 -BoostFactor 1.5
    $submitted = @($rank, (New-SnippetRank -SessionId iso-1 -SnippetId KB-2 -RelevanceScore 0.4)) | Submit-SnippetRanking
}
finally { $emulator.Stop() }
$core = [CXoneRanking.SnippetRank].Assembly
$private = $alc::GetLoadContext($core)
$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not $_.IsDynamic }
function Describe-Copies([string] $Name) {
    @($loaded | Where-Object { $_.GetName().Name -eq $Name } | ForEach-Object {
        [ordered]@{
            Context = if ($alc::GetLoadContext($_) -eq $alc::Default) { 'Default' } elseif ($alc::GetLoadContext($_) -eq $private) { 'Module' } else { 'Other' }
            FileVersion = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($_.Location).FileVersion
            Location = $_.Location
        }
    })
}
[ordered]@{
    Status = "$($submitted.Status)"
    HttpStatus = $submitted.HttpStatus
    Snippets = @($submitted.Ranking.SnippetId)
    PrivateContext = $private.Name
    CoreLocation = $core.Location
    RankIsCoreType = $rank -is [CXoneRanking.SnippetRank]
    ResultIsCoreType = $submitted -is [CXoneRanking.RankingSubmissionResult]
    EnumLiteral = "$([CXoneRanking.OverflowMode]::Clamp)"
    Polly = Describe-Copies 'Polly.Core'
    Logging = Describe-Copies 'Microsoft.Extensions.Logging.Abstractions'
    TextJson = Describe-Copies 'System.Text.Json'
} | ConvertTo-Json -Depth 5 | Set-Content $ResultPath
'@
    }

    It 'imports, connects and submits a ranking against the emulator' {
        $result.Status | Should -Be 'Succeeded'
        $result.HttpStatus | Should -Be 200
        $result.Snippets | Should -Be 'KB-1', 'KB-2'
    }

    It 'loads its own Polly.Core beside the user''s 8.1.0' {
        $user = @($result.Polly | Where-Object Context -EQ 'Default')
        $ours = @($result.Polly | Where-Object Context -EQ 'Module')
        $user.Count | Should -Be 1
        $user[0].FileVersion | Should -BeLike '8.1.0*'
        $ours.Count | Should -Be 1
        $ours[0].Location | Should -BeLike "$moduleBase*dependencies*Polly.Core.dll"
        $ours[0].FileVersion | Should -Not -BeLike '8.1.0*'
    }

    It 'loads its own logging abstractions beside the user''s 8.0' {
        @($result.Logging | Where-Object Context -EQ 'Default')[0].FileVersion | Should -BeLike '8.0*'
        @($result.Logging | Where-Object Context -EQ 'Module')[0].Location | Should -BeLike "$moduleBase*dependencies*"
    }

    It 'keeps Core in its private context, under the type names scripts use' {
        $result.PrivateContext | Should -Be 'CXoneRanking'
        $result.CoreLocation | Should -BeLike "$moduleBase*dependencies*CXoneRanking.Core.dll"
        $result.RankIsCoreType | Should -BeTrue
        $result.ResultIsCoreType | Should -BeTrue
        $result.EnumLiteral | Should -Be 'Clamp'
    }

    It 'shares PowerShell''s own System.Text.Json rather than loading a second copy' {
        @($result.TextJson).Count | Should -Be 1
        @($result.TextJson)[0].Context | Should -Be 'Default'
    }
}

Describe 'the loader' {
    It 'needs nothing but PowerShell to enumerate the cmdlet assembly''s public types' {
        # PowerShell scans the root assembly for cmdlets before the module's initializer runs, so
        # no public type of it may need Core (or any dependency) just to be loaded.
        $result = Invoke-ChildPwsh -Arguments @{ Dll = (Join-Path $moduleBase 'CXoneRanking.PowerShell.dll') } -Script @'
$context = [System.Runtime.Loader.AssemblyLoadContext]::new('scan', $true)
$problem = try { $null = $context.LoadFromAssemblyPath($Dll).GetExportedTypes(); '' } catch { $_.Exception.InnerException.Message + ' ' + $_.Exception.Message }
@{ Problem = $problem } | ConvertTo-Json | Set-Content $ResultPath
'@
        $result.Problem | Should -BeNullOrEmpty -Because 'a cmdlet class with a field of a Core value type (an enum) makes PowerShell load Core before the load context exists'
    }

    It 'references no dependency but Core from the cmdlet assembly' {
        $stream = [System.IO.File]::OpenRead((Join-Path $moduleBase 'CXoneRanking.PowerShell.dll'))
        try {
            $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader([System.Reflection.PortableExecutable.PEReader]::new($stream))
            $references = foreach ($handle in $reader.AssemblyReferences) { $reader.GetString($reader.GetAssemblyReference($handle).Name) }
        }
        finally { $stream.Dispose() }
        $references | Sort-Object | Should -Be @('CXoneRanking.Core', 'netstandard', 'System.Management.Automation') -Because 'a reference to Polly or Microsoft.Extensions.* from the default context would bind to whatever copy another module loaded'
    }

    It 'survives Remove-Module and a second import in the same process' {
        $result = Invoke-ChildPwsh -Arguments @{ Manifest = $env:CXONERANKING_MODULE_PATH } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$first = New-SnippetRank -SnippetId KB-1 -RelevanceScore 0.5
Remove-Module CXoneRanking
$gone = try { [void][type]'CXoneRanking.SnippetRank'; $false } catch { $true }
Import-Module $Manifest -Force
$second = New-SnippetRank -SnippetId KB-2 -RelevanceScore 0.5
@{ Gone = $gone; Same = $first.GetType() -eq $second.GetType(); Valid = ($second | Test-RankingPayload -SessionId s -Quiet) } | ConvertTo-Json | Set-Content $ResultPath
'@
        $result.Gone | Should -BeTrue -Because 'Remove-Module takes the type names away with the cmdlets'
        $result.Same | Should -BeTrue -Because 'the re-import reuses the one load context and Core'
        $result.Valid | Should -BeTrue
    }
}

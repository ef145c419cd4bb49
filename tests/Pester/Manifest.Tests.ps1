#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The laid-out module as a gallery would see it: a manifest that passes Test-ModuleManifest with
# every field an admin looks at, release notes taken from CHANGELOG.md at build time, explicit
# exports that match the compiled cmdlets, and the layout the module's loader expects.

BeforeAll {
    $manifestPath = $env:CXONERANKING_MODULE_PATH
    $moduleBase = Split-Path $manifestPath
    $data = Import-PowerShellDataFile $manifestPath
    $manifest = Test-ModuleManifest $manifestPath -ErrorAction Stop
}

Describe 'the module manifest' {
    It 'passes Test-ModuleManifest without errors' {
        $errors = $null
        $null = Test-ModuleManifest $manifestPath -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -BeNullOrEmpty
    }

    It 'describes the module and its authors' {
        $manifest.Description | Should -Match 'NICE CXone Agent Assist'
        $manifest.Author | Should -Not -BeNullOrEmpty
        $manifest.Copyright | Should -Match '\d{4}'
        $manifest.Version | Should -Be ([version]$data.ModuleVersion)
    }

    It 'names the project, its licence and its tags' {
        $manifest.ProjectUri | Should -Be 'https://github.com/cxoneranking/CXoneRanking'
        $manifest.LicenseUri | Should -BeLike 'https://*LICENSE'
        $manifest.Tags | Should -Contain 'CXone'
        $manifest.Tags | Should -Contain 'PSEdition_Core'
        $manifest.Tags | Should -Contain 'PSEdition_Desktop'
        $manifest.Tags | Where-Object { $_ -match '\s' } | Should -BeNullOrEmpty
        Join-Path $moduleBase 'LICENSE' | Should -Exist
    }

    It 'carries the release notes of CHANGELOG.md, generated at build time' {
        Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT '.config/build/ModulePackage.psm1') -Force
        $expected = Get-ChangelogReleaseNotes -Path (Join-Path $env:CXONERANKING_REPO_ROOT 'CHANGELOG.md')
        $manifest.ReleaseNotes | Should -Not -BeNullOrEmpty
        ($manifest.ReleaseNotes -replace "`r", '') | Should -BeExactly ($expected -replace "`r", '')
        # The source manifest keeps an empty placeholder, so it can never ship a stale copy.
        (Import-PowerShellDataFile (Join-Path $env:CXONERANKING_REPO_ROOT 'module/CXoneRanking.psd1')).PrivateData.PSData.ReleaseNotes | Should -BeExactly ''
    }

    It 'runs on Windows PowerShell 5.1 and PowerShell 7' {
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.CompatiblePSEditions | Should -Be 'Desktop', 'Core'
    }

    It 'exports exactly the compiled cmdlets, explicitly, and nothing else' {
        $data.CmdletsToExport | Should -Not -Contain '*'
        @($data.FunctionsToExport).Count | Should -Be 0
        @($data.AliasesToExport).Count | Should -Be 0
        @($data.VariablesToExport).Count | Should -Be 0
        $module = Import-Module $manifestPath -PassThru -Force
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($data.CmdletsToExport | Sort-Object)
    }

    It 'loads its formats, and no types file' {
        foreach ($file in @($data.FormatsToProcess)) { Join-Path $moduleBase $file | Should -Exist }
        $manifest.ExportedFormatFiles.Count | Should -Be 3
        # A types file makes PowerShell rebuild its whole type table at import: the shortcut
        # members it held are members of the Core types instead.
        $manifest.ExportedTypeFiles.Count | Should -Be 0
    }

    It 'keeps the shortcut members scripts use on results and ranked snippets' {
        Import-Module $manifestPath -Force
        $result = @((New-SnippetRank -SessionId m-1 -SnippetId KB-1 -RelevanceScore 0.9), (New-SnippetRank -SessionId m-1 -SnippetId KB-2 -RelevanceScore 0.4)) | Test-RankingPayload
        $result.SnippetCount | Should -Be 2
        $result.Snippets.SnippetId | Should -Be 'KB-1', 'KB-2'
        $result.Snippets.Rank | Should -Be 1, 2
        $result.ToJson() | Should -BeExactly $result.Payload.ToJson()
    }
}

Describe 'the module layout' {
    It 'keeps only the cmdlets assembly at the top and everything else in dependencies/' {
        @(Get-ChildItem $moduleBase -Filter *.dll).Name | Should -Be 'CXoneRanking.PowerShell.dll'
        Join-Path $moduleBase 'dependencies/CXoneRanking.Core.dll' | Should -Exist
        Join-Path $moduleBase 'dependencies/Polly.Core.dll' | Should -Exist
        # Export-RankingAuditLog -Format Parquet: the .NET 10 assembly and the library it uses.
        Join-Path $moduleBase 'dependencies/CXoneRanking.Parquet.dll' | Should -Exist
        Join-Path $moduleBase 'dependencies/Parquet.dll' | Should -Exist
        Get-ChildItem $moduleBase -Recurse -Include System.Management.Automation.dll, System.Runtime.Loader.dll, *.deps.json | Should -BeNullOrEmpty
    }
}

# The 0.x pass over the public surface (docs/design.md, "Names"): one namespace for every type a
# cmdlet emits or takes, and every renamed name still answering for the 0.x releases.
Describe 'the public surface' {
    BeforeAll {
        Import-Module $manifestPath -Force
        $module = Get-Module CXoneRanking
        function Get-ElementType([type] $Type) {
            if ($Type.IsArray) { return Get-ElementType $Type.GetElementType() }
            if ([Nullable]::GetUnderlyingType($Type)) { return [Nullable]::GetUnderlyingType($Type) }
            $Type
        }
    }

    It 'keeps every type a cmdlet emits or takes in the CXoneRanking namespace' {
        $elsewhere = foreach ($command in $module.ExportedCmdlets.Values) {
            $types = @($command.OutputType.Type) + @($command.Parameters.Values | ForEach-Object { Get-ElementType $_.ParameterType })
            foreach ($type in $types | Where-Object { $_ -and $_.Namespace -like 'CXoneRanking*' }) {
                if ($type.Namespace -ne 'CXoneRanking') { "$($command.Name): $($type.FullName)" }
            }
        }
        $elsewhere | Should -BeNullOrEmpty
    }

    It 'still resolves the former full names of moved types, to the same types' {
        [type]'CXoneRanking.Expert.ExpertConnection' | Should -Be ([CXoneRanking.ExpertConnection])
        [type]'CXoneRanking.Expert.ExpertImportSummary' | Should -Be ([CXoneRanking.ExpertImportSummary])
        [type]'CXoneRanking.Experiments.RankingExperimentResult' | Should -Be ([CXoneRanking.RankingExperimentResult])
    }

    It 'keeps each renamed parameter''s former name as an alias: <Cmdlet> -<Name> (was -<Former>)' -ForEach @(
        @{ Cmdlet = 'Get-RankingMetrics'; Name = 'AuditPath'; Former = 'Path' }
        @{ Cmdlet = 'Test-RankingAuditLog'; Name = 'AuditPath'; Former = 'Path' }
        @{ Cmdlet = 'Add-SnippetClick'; Name = 'AuditPath'; Former = 'Path' }
        @{ Cmdlet = 'Get-SnippetBoostSuggestion'; Name = 'AuditPath'; Former = 'Path' }
        @{ Cmdlet = 'Get-RankingExperiment'; Name = 'AuditPath'; Former = 'Path' }
        @{ Cmdlet = 'Get-RankingHistory'; Name = 'AuditPath'; Former = 'Path' }
        @{ Cmdlet = 'Measure-RankingChange'; Name = 'AuditPath'; Former = 'Path' }
        @{ Cmdlet = 'Import-CXoneExpertSearchLog'; Name = 'AuditPath'; Former = 'Path' }
        @{ Cmdlet = 'Export-RankingReport'; Name = 'Path'; Former = 'OutFile' }
        @{ Cmdlet = 'Connect-CXone'; Name = 'RequestTimeoutSec'; Former = 'RequestTimeout' }
        @{ Cmdlet = 'Connect-CXone'; Name = 'TotalTimeoutSec'; Former = 'TotalTimeout' }
        @{ Cmdlet = 'Connect-CXoneExpert'; Name = 'RequestTimeoutSec'; Former = 'RequestTimeout' }
        @{ Cmdlet = 'Submit-SnippetRanking'; Name = 'LockTimeoutSec'; Former = 'LockTimeout' }
    ) {
        (Get-Command $Cmdlet).Parameters[$Name].Aliases | Should -Contain $Former
    }

    It 'names every timeout parameter with its unit' {
        $unnamed = foreach ($command in $module.ExportedCmdlets.Values) {
            $command.Parameters.Keys | Where-Object { $_ -like '*Timeout*' -and $_ -notlike '*Sec' } | ForEach-Object { "$($command.Name) -$_" }
        }
        $unnamed | Should -BeNullOrEmpty
    }

    It 'calls the score that is sent FinalScore, and the score that went in RelevanceScore' {
        $snippet = (New-SnippetRank -SessionId n-1 -SnippetId KB-1 -RelevanceScore 0.5 -BoostFactor 3 | Test-RankingPayload).Snippets[0]
        $snippet.RelevanceScore | Should -Be 0.5
        $snippet.FinalScore | Should -Be 1.0 -Because '0.5 x 3 is rescaled to 1'
        $snippet.Score | Should -Be $snippet.FinalScore -Because 'Score is the former name, kept for the 0.x releases'
        ($snippet | Out-String) | Should -Match 'FinalScore'
    }
}

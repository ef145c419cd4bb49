#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Every PowerShell block a user reads (README.md, docs/*.md, the help examples in docs/cmdlets/*.md,
# about_CXoneRanking) is extracted at test time and run as written, each in a fresh pwsh in its
# own folder, against one emulator, so that documentation cannot drift from behaviour. A failure
# names the file, the line and the error. Conventions for authors: docs/design.md, "Documentation
# that runs"; what the examples may take as given: DocumentationFixtures/Invoke-DocumentationBlock.ps1.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'DocumentationBlocks.psm1') -Force
    $blocks = @(Get-DocumentationBlock -RepositoryRoot $env:CXONERANKING_REPO_ROOT)
    $runnable = @($blocks | Where-Object { -not $_.NotRun } | ForEach-Object { @{ Name = $_.Name } })
    $shownOnly = @($blocks | Where-Object NotRun | ForEach-Object { @{ Name = $_.Name; NotRun = $_.NotRun } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'DocumentationBlocks.psm1') -Force
    Import-ModuleUnderTest

    # The only edits made to a block before it runs: what stands for the reader's own world.
    $Substitutions = [ordered]@{
        '\\share\rankings.csv'           = 'rankings.csv'                                   # a file share
        'D:\cxone\'                      = './'                                             # a Windows folder: ./audit is CXONE_AUDIT_PATH
        '-Environment acme'              = '-BaseUri $env:CXONE_BASE_URI'                   # a real tenant
        'https://help.example.com'       = '$env:CXONE_EXPERT_SITE'                         # a real Expert site
        'a1b2c3d4'                       = 'emulator-expert-key'                            # a real Expert key
        'https://hooks.example.com/cxone' = '"$($env:CXONE_BASE_URI)hook"'                  # a real callback receiver
        './out/'                         = "$($env:CXONERANKING_REPO_ROOT)/out/"            # the build's output, in a checkout
        './examples/'                    = './'                                             # the checkout's examples: in the folder
        './cxone-audit-20261125.jsonl'   = '(Get-ChildItem ./audit -Filter *.jsonl)[0]'     # one day's audit file
    }
    $fixtures = Join-Path $PSScriptRoot 'DocumentationFixtures'
    $clientSecret = 'Documentation-Pester-Secret-6b0e'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'ranking-bot', '--client-secret', $clientSecret
    $environment = @{
        CXONE_BASE_URI = "$($emulator.Uri)"; CXONE_ISSUER = "$($emulator.Uri)"
        CXONE_CLIENT_ID = 'ranking-bot'; CXONE_CLIENT_SECRET = $clientSecret
        CXONE_EXPERT_SITE = "$($emulator.Uri)"; CXONE_EXPERT_KEY = 'emulator-expert-key'
        CXONE_EXPERT_SECRET = 'emulator-expert-secret'; CXONE_EXPERT_USER = '=admin'
        DOCS_ACCESS_KEY_ID = 'emulator-key'; DOCS_ACCESS_KEY_SECRET = 'emulator-key-secret'
        CXONERANKING_REPO_ROOT = $env:CXONERANKING_REPO_ROOT
        PSModulePath = (Join-Path $env:CXONERANKING_REPO_ROOT 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath
    }

    # An audit log with what the examples read: rankings in two experiments, clicks, and 40
    # sessions of five snippets, each shown 40 times and KB-010 always clicked, so that
    # Get-SnippetBoostSuggestion has factors to suggest.
    $seedAudit = Join-Path $TestDrive 'seed-audit'
    $connection = Connect-CXone -BaseUri $emulator.Uri -ClientId ranking-bot -AuditPath $seedAudit -PassThru `
        -ClientSecret (ConvertTo-SecureString $clientSecret -AsPlainText -Force)
    $ranks = Import-Csv (Join-Path $env:CXONERANKING_REPO_ROOT 'examples/rankings.csv') | New-SnippetRank -MetadataProperty category
    $treatment = New-BoostDirective -Path (Join-Path $env:CXONERANKING_REPO_ROOT 'examples/directives.json')
    foreach ($experiment in 'billing-boost', 'learned-boosts') {
        $null = $ranks | Submit-SnippetRanking -Connection $connection -Experiment $experiment -TreatmentDirective $treatment
    }
    Import-Csv (Join-Path $fixtures 'clicks.csv') | Add-SnippetClick -Path $seedAudit
    $shown = 'KB-010', 'KB-005', 'KB-026', 'KB-042', 'KB-004'
    $learning = foreach ($s in 1..40) {
        foreach ($k in 0..4) { [pscustomobject]@{ session_id = "seed-$s"; snippet_id = $shown[($s + $k) % 5]; relevance_score = [string](0.9 - $k / 10); rank_position = $k + 1 } }
    }
    $null = $learning | New-SnippetRank | Submit-SnippetRanking -Connection $connection -ThrottleLimit 8
    $learning | Where-Object snippet_id -EQ 'KB-010' | Add-SnippetClick -Path $seedAudit
    Disconnect-CXone

    # Runs a block after what the examples take as given, and reports each error with its file and line.
    $prelude = Join-Path $fixtures 'Invoke-DocumentationBlock.ps1'

    # Each block in its own folder (the fixtures, a copy of the seeded audit log, the block), at
    # most three at a time: the folders, audit logs and connections are the block's own, and
    # the emulator serves them all.
    $outcomes = @(Get-DocumentationBlock -RepositoryRoot $env:CXONERANKING_REPO_ROOT | Where-Object { -not $_.NotRun }) |
        ForEach-Object -ThrottleLimit 3 -Parallel {
            $block = $_
            Import-Module (Join-Path $using:PSScriptRoot 'TestSupport.psm1')
            $folder = Join-Path $using:TestDrive ('block-' + ($block.Name -replace '[^\w]+', '-'))
            $null = New-Item -ItemType Directory -Path $folder
            Copy-Item (Join-Path $env:CXONERANKING_REPO_ROOT 'examples/rankings.csv'), (Join-Path $env:CXONERANKING_REPO_ROOT 'examples/directives.json') $folder
            Get-ChildItem $using:fixtures -File | Where-Object Extension -NE '.ps1' | Copy-Item -Destination $folder
            Copy-Item $using:seedAudit (Join-Path $folder 'audit') -Recurse
            $code = $block.Code
            $substitutions = $using:Substitutions
            foreach ($text in $substitutions.Keys) { $code = $code.Replace($text, $substitutions[$text]) }
            Set-Content -LiteralPath (Join-Path $folder 'block.ps1') -Value $code -Encoding utf8
            $environment = ($using:environment).Clone()
            $environment.CXONE_AUDIT_PATH = Join-Path $folder 'audit'
            $environment.DOCS_BLOCK_FILE = $block.File
            $environment.DOCS_BLOCK_LINE = "$($block.Line)"
            $run = try { Invoke-ChildPwsh -File $using:prelude -WorkingDirectory $folder -Environment $environment -TimeoutSeconds 120 }
            catch { [pscustomobject]@{ ExitCode = -1; StdErr = ''; Output = "$_" } }    # it hung: say so, under its name
            [pscustomobject]@{ Name = $block.Name; Run = $run }
        }
    $runs = @{}
    foreach ($outcome in $outcomes) { $runs[$outcome.Name] = $outcome.Run }
}

AfterAll {
    Stop-CXoneEmulator
}

Describe 'documented PowerShell runs as written' {
    It '<Name>' -ForEach $runnable {
        $run = $runs[$Name]
        if ($run.ExitCode -ne 0) {
            $errors = @($run.StdErr -split "`r?`n" | Where-Object { $_ -match '^\S+:\d+: ' })
            $detail = if ($errors) { $errors -join "`n" } else { "${Name}: $($run.Output)" }
            throw "The block at $Name failed (exit code $($run.ExitCode)):`n$detail"
        }
    }

    foreach ($block in $shownOnly) {
        It "$($block.Name) is shown, not run: $($block.NotRun)" -Skip { }
    }
}

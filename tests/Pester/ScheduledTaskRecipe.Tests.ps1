#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The scheduled-task recipe of README.md and about_CXoneRanking, extracted at test time and run as
# a task runs it (pwsh -NoProfile -File, CXONE_* in the environment) against the emulator: 30
# sessions with two bad rows and one invalid session send the 29 others, print the summary line
# (the invalid session counted apart from failed sends) and exit 1; a clean re-run sends only what
# changed and exits 0; a wrong secret exits 2 having sent nothing, naming the failing cmdlet and the
# error id. Every run ends its transcript (the footer is there) and none leaves the secret in it.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'DocumentationBlocks.psm1') -Force
    $recipes = @(Get-DocumentationBlock -RepositoryRoot $env:CXONERANKING_REPO_ROOT |
            Where-Object { $_.Code -like '# nightly-ranking.ps1, run as: pwsh -NoProfile -File nightly-ranking.ps1*' } |
            ForEach-Object { @{ Recipe = $_; File = $_.File } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $clientSecret = 'Recipe-Pester-Secret-93c2'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'nightly', '--client-secret', $clientSecret

    # 30 sessions of 3 rows; night-07 has a score of 'abc' and night-12 a boost of 99 (bad rows:
    # dropped, the sessions sent with their two other rows); night-21 names KB-1 twice (an
    # invalid ranking: nothing sent for it). -Clean writes the same sessions without the faults.
    function New-NightlyCsv([string] $Path, [switch] $Clean) {
        $rows = foreach ($s in 1..30) {
            foreach ($k in 1..3) {
                $row = [ordered]@{ session_id = 'night-{0:D2}' -f $s; snippet_id = "KB-$k"; relevance_score = [string](1 - $k / 10); boost_factor = ''; category = 'billing' }
                if (-not $Clean -and $s -eq 7 -and $k -eq 2) { $row.relevance_score = 'abc' }
                if (-not $Clean -and $s -eq 12 -and $k -eq 3) { $row.boost_factor = '99' }
                if (-not $Clean -and $s -eq 21 -and $k -eq 3) { $row.snippet_id = 'KB-1' }
                [pscustomobject]$row
            }
        }
        $rows | Export-Csv -LiteralPath $Path -NoTypeInformation -Encoding utf8
    }

    # The recipe as nightly-ranking.ps1 beside directives.json, reading -Csv where it reads \\share\rankings.csv.
    function Install-Recipe($Recipe, [string] $Folder, [string] $Csv) {
        $null = New-Item -ItemType Directory -Path $Folder -Force
        Copy-Item (Join-Path $env:CXONERANKING_REPO_ROOT 'examples/directives.json') $Folder
        $script = Join-Path $Folder 'nightly-ranking.ps1'
        Set-Content -LiteralPath $script -Encoding utf8 -Value $Recipe.Code.Replace('\\share\rankings.csv', "'$Csv'")
        $script
    }

    function Invoke-Recipe([string] $Script, [string] $Audit, [string] $Secret = $clientSecret) {
        $environment = @{
            CXONE_BASE_URI = "$($emulator.Uri)"; CXONE_CLIENT_ID = 'nightly'; CXONE_CLIENT_SECRET = $Secret; CXONE_AUDIT_PATH = $Audit
            PSModulePath = (Join-Path $env:CXONERANKING_REPO_ROOT 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath
        }
        $run = Invoke-ChildPwsh -File $Script -WorkingDirectory (Split-Path $Script) -Environment $environment -TimeoutSeconds 120
        $transcript = Join-Path (Split-Path $Script) 'nightly-ranking.log'
        $run | Add-Member -NotePropertyName Transcript -NotePropertyValue $(if (Test-Path $transcript) { Get-Content -LiteralPath $transcript -Raw } else { '' }) -PassThru
    }
}

AfterAll {
    Stop-CXoneEmulator
}

Describe 'the documentation has the recipe' {
    It 'in README.md and in about_CXoneRanking, once each' {
        $files = @(Get-DocumentationBlock -RepositoryRoot $env:CXONERANKING_REPO_ROOT |
                Where-Object { $_.Code -like '# nightly-ranking.ps1, run as:*' } | ForEach-Object File)
        $files | Should -Be @('README.md', 'module/en-US/about_CXoneRanking.help.txt')
    }
}

Describe 'the scheduled-task recipe of <File>' -ForEach $recipes {
    BeforeAll {
        Reset-Emulator $emulator
        $folder = Join-Path $TestDrive ($File -replace '[^\w]+', '-')
        $csv = Join-Path $folder 'rankings.csv'
        $audit = Join-Path $folder 'audit'
        $script = Install-Recipe $Recipe $folder $csv
        New-NightlyCsv $csv
        $sessions = 1..30 | ForEach-Object { 'night-{0:D2}' -f $_ }
    }

    It 'sends every session it can despite bad rows, prints the summary and exits 1 (<File>)' {
        $run = Invoke-Recipe $script $audit

        $run.ExitCode | Should -Be 1 -Because $run.Output
        $run.StdOut | Should -Match '(?m)^29 sent, 0 unchanged, 1 invalid, 0 failed, 2 bad rows\s*$'
        $applied = Get-AppliedRankingBySession $emulator $sessions
        @($sessions | Where-Object { $null -ne $applied[$_] }).Count | Should -Be 29
        $applied['night-21'] | Should -BeNullOrEmpty
        @($applied['night-07'].payload.snippets).Count | Should -Be 2
        @(Get-AuditEntry $audit | Where-Object event -EQ 'ranking.submitted').Count | Should -Be 29
        # Error views wrap to the console's width and colour their text: read them as one line of words.
        $said = $run.Output -replace '\e\[[0-9;]*m' -replace '\s*\|\s+', ' ' -replace '\s+', ' '
        $logged = $run.Transcript -replace '\e\[[0-9;]*m' -replace '\s*\|\s+', ' ' -replace '\s+', ' '
        $said | Should -Match "relevance score 'abc' is not a number"
        $said | Should -Match 'boost factor 99 is outside'
        $logged | Should -Match '29 sent, 0 unchanged, 1 invalid, 0 failed, 2 bad rows'
        $run.Transcript | Should -Match 'PowerShell transcript end'
        $logged | Should -Match "Session 'night-21': snippet 'KB-1' appears twice in session 'night-21'"
        $run.Transcript | Should -Not -Match $clientSecret
    }

    It 'sends only what changed once the rows are fixed, and exits 0 (<File>)' {
        New-NightlyCsv $csv -Clean

        $run = Invoke-Recipe $script $audit

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.StdOut | Should -Match '(?m)^3 sent, 27 unchanged, 0 invalid, 0 failed, 0 bad rows\s*$'
        $run.Transcript | Should -Match 'PowerShell transcript end'
        $run.Transcript | Should -Not -Match $clientSecret
    }

    It 'exits 2 having sent nothing when the sign-in fails (<File>)' {
        Reset-Emulator $emulator
        $wrongSecret = 'Wrong-Recipe-Secret-5e11'

        $run = Invoke-Recipe $script $audit -Secret $wrongSecret

        $run.ExitCode | Should -Be 2 -Because $run.Output
        $run.Output | Should -Match '401 invalid_client'
        @(Get-RankingPost $emulator).Count | Should -Be 0
        $run.Transcript | Should -Match '401 invalid_client'
        $run.Transcript | Should -Match 'Connect-CXone'
        $run.Transcript | Should -Match 'AuthenticationFailed'
        $run.Transcript | Should -Match 'PowerShell transcript end'
        $run.Transcript | Should -Not -Match $wrongSecret
        $run.Transcript | Should -Not -Match $clientSecret
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The first hour of a contact-centre admin, part 3 of 3 (parts 1 and 2: AdminHour.Tests.ps1,
# AdminHour.Expert.Tests.ps1): the scheduled task. The recipe is README.md's "Scheduled tasks" block,
# extracted at test time (DocumentationBlocks.psm1, as Documentation.Tests.ps1 reads it), and run as
# Task Scheduler runs it: pwsh -NoProfile -File, CXONE_* in the environment (the Expert ones too, as
# on an admin's machine that also imports the Expert search log), on the 30-session CSV with bad rows.
# The task signs in at a token endpoint of the test's own that hands out one real emulator token, so
# the test knows the bearer token the task sent and can look for it with the two secrets.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'DocumentationBlocks.psm1') -Force
    Import-ModuleUnderTest
    $clientSecret = 'Admin-Hour-Task-Secret-6c3f'
    $expertSecret = 'Admin-Hour-Task-Expert-Secret-9a41'
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'nightly-admin', '--client-secret', $clientSecret,
        '--expert-key', 'task-key', '--expert-secret', $expertSecret
    $tokenAnswer = Invoke-RestMethod -Method Post -Uri $emulator.TokenUri -Body @{
        grant_type = 'client_credentials'; client_id = 'nightly-admin'; client_secret = $clientSecret
        scope = 'agentassist:session:write agentassist:snippet:write'
    }
    $bearerToken = $tokenAnswer.access_token
    $tokenEndpoint = Start-CallbackReceiver -Responses @(@{ Status = 200; Body = ($tokenAnswer | ConvertTo-Json -Compress) })

    # The first powershell block under README's "### Scheduled tasks".
    $readme = Join-Path $env:CXONERANKING_REPO_ROOT 'README.md'
    $heading = (Select-String -LiteralPath $readme -Pattern '^### Scheduled tasks$').LineNumber
    $recipe = Get-DocumentationBlock -RepositoryRoot $env:CXONERANKING_REPO_ROOT |
        Where-Object { $_.File -eq 'README.md' -and $_.Line -gt $heading } | Select-Object -First 1
    if (-not $recipe.Code.Contains('\\share\rankings.csv')) { throw "README.md:$($recipe.Line) no longer reads \\share\rankings.csv; update this test's substitution." }

    # Not under TestDrive: the task's folder is read after the run, in several tests.
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) "admin-hour-task-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $folder
    $audit = Join-Path $folder 'audit'
    $csv = New-AdminHourCsv (Join-Path $folder 'rankings.csv')
    Copy-Item (Join-Path $env:CXONERANKING_REPO_ROOT 'examples/directives.json') $folder
    $script = Join-Path $folder 'nightly-ranking.ps1'
    Set-Content -LiteralPath $script -Encoding utf8 -Value $recipe.Code.Replace('\\share\rankings.csv', "'$($csv.Path)'")

    $environment = @{
        CXONE_BASE_URI      = "$($emulator.Uri)"; CXONE_CLIENT_ID = 'nightly-admin'; CXONE_CLIENT_SECRET = $clientSecret
        CXONE_OAUTH_URL     = "$($tokenEndpoint.Uri)oauth/token"; CXONE_AUDIT_PATH = $audit
        CXONE_EXPERT_SITE   = "$($emulator.Uri)"; CXONE_EXPERT_KEY = 'task-key'; CXONE_EXPERT_SECRET = $expertSecret; CXONE_EXPERT_USER = '=admin'
        PSModulePath        = (Join-Path $env:CXONERANKING_REPO_ROOT 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath
    }
    $run = Invoke-ChildPwsh -File $script -WorkingDirectory $folder -Environment $environment -TimeoutSeconds 120
    $transcriptFile = Get-ChildItem -LiteralPath $folder -Filter '*.log' | Select-Object -First 1
    $transcript = if ($transcriptFile) { Get-Content -LiteralPath $transcriptFile.FullName -Raw } else { '' }
    $auditText = (Get-ChildItem -LiteralPath $audit -File -Force -ErrorAction SilentlyContinue |
            ForEach-Object { Get-Content -LiteralPath $_.FullName -Raw }) -join "`n"
}

AfterAll {
    Stop-CallbackReceiver $tokenEndpoint
    Stop-CXoneEmulator $emulator
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe '8. README''s scheduled-task recipe on the 30-session CSV with bad rows' {
    It 'exits 1, the code the recipe documents for rows or sessions that failed while the others were sent' {
        $recipe.Code | Should -Match '1 some rows were bad, sessions invalid or sends failed'
        $run.ExitCode | Should -Be 1 -Because "the task printed: $($run.Output)"
    }

    It 'sends every one of the 29 valid sessions once, and nothing for adm-18' {
        (Get-RankingPost $emulator | ForEach-Object session_id | Sort-Object) | Should -Be $csv.ValidSessions -Because "the task printed: $($run.Output)"
        $applied = Get-AppliedRankingBySession $emulator $csv.Sessions
        @($csv.ValidSessions | Where-Object { $null -eq $applied[$_] }).Count | Should -Be 0
        $applied['adm-18'] | Should -BeNullOrEmpty
        @(Get-CallbackRequest $tokenEndpoint 1).Count | Should -Be 1 -Because 'the task signed in once, with the token the test knows'
    }

    It 'prints the summary line: 29 sent, 0 unchanged, 1 invalid, 0 failed, 4 bad rows' {
        $run.StdOut | Should -Match '(?m)^29 sent, 0 unchanged, 1 invalid, 0 failed, 4 bad rows\s*$' -Because "the task printed: $($run.StdOut)"
    }

    It 'keeps a transcript with the summary and each bad row named by its session and row' {
        $transcriptFile | Should -Not -BeNullOrEmpty -Because 'an unattended run needs a transcript to read the next morning'
        $transcript | Should -Match '29 sent, 0 unchanged, 1 invalid, 0 failed, 4 bad rows'
        foreach ($row in $csv.Rows | Where-Object Kind -In 'EmptySnippetId', 'CommaDecimal', 'ScoreAboveOne', 'NoSession') {
            $transcript.Contains($row.Name) | Should -BeTrue -Because "the transcript should name $($row.Name) ($($row.Kind))"
        }
    }

    It 'leaves no secret (client secret, Expert secret, bearer token) in the transcript, the audit files or the output' {
        $auditText | Should -Match 'ranking\.submitted' -Because 'the audit files were written'
        $places = [ordered]@{ 'the transcript' = $transcript; 'the audit files' = $auditText; 'the output' = $run.Output }
        $secrets = [ordered]@{ 'the client secret' = $clientSecret; 'the Expert secret' = $expertSecret; 'the bearer token' = $bearerToken }
        foreach ($place in $places.Keys) {
            foreach ($secret in $secrets.Keys) {
                $places[$place].Contains($secrets[$secret]) | Should -BeFalse -Because "$secret must not be in $place"
            }
        }
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Tab completion as the console does it (TabExpansion2): -SessionId and Get-RankingExperiment -Name
# from the newest audit entries, and enum parameters from their values.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Disconnect-CXone  # a connection left by another file would point completion at its audit folder

    $dir = Join-Path $TestDrive 'audit'
    'call-old', 'call-mid', 'call 9', "o'brien", 'call-new' | ForEach-Object {
        Add-SnippetClick -Path $dir -SessionId $_ -SnippetId KB-1 -RankPosition 1
    }

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }
}

Describe '-SessionId completion' {
    It 'offers the sessions of the newest audit entries, newest first, for Get-RankingMetrics' {
        $completions = Get-Completion "Get-RankingMetrics -Path '$dir' -SessionId "
        $completions.ListItemText | Should -Be 'call-new', "o'brien", 'call 9', 'call-mid', 'call-old'
        $completions[0].ResultType | Should -Be 'ParameterValue'
    }

    It 'quotes ids that would not survive as bare words' {
        $completions = Get-Completion "Get-RankingMetrics -Path '$dir' -SessionId "
        ($completions | Where-Object ListItemText -EQ 'call 9').CompletionText | Should -Be "'call 9'"
        ($completions | Where-Object ListItemText -EQ "o'brien").CompletionText | Should -Be "'o''brien'"
        ($completions | Where-Object ListItemText -EQ 'call-new').CompletionText | Should -Be 'call-new'
    }

    It 'narrows to what was typed, in any letter case' {
        (Get-Completion "Add-SnippetClick -Path '$dir' -SessionId CALL-M").CompletionText | Should -Be 'call-mid'
    }

    It 'finds the log through -AuditPath, as through its former name -Path' {
        (Get-Completion "Get-RankingMetrics -AuditPath '$dir' -SessionId call-n").CompletionText | Should -Be 'call-new'
        (Get-Completion "Submit-SnippetRanking -AuditPath '$dir' -SessionId call-o").CompletionText | Should -Be 'call-old'
    }

    It 'finds the log through $env:CXONE_AUDIT_PATH for Submit-SnippetRanking without -AuditPath' {
        $saved = $env:CXONE_AUDIT_PATH
        try {
            $env:CXONE_AUDIT_PATH = $dir
            (Get-Completion 'Submit-SnippetRanking -SessionId call-n').CompletionText | Should -Be 'call-new'
        }
        finally { $env:CXONE_AUDIT_PATH = $saved }
    }

    It 'reads only the end of a large log, and stays fast' {
        $big = Join-Path $TestDrive 'big'
        $null = New-Item -ItemType Directory -Path $big
        $file = Join-Path $big ('cxone-audit-{0:yyyyMMdd}.jsonl' -f [datetime]::UtcNow)
        $filler = (0..39999 | ForEach-Object { '{"timestamp":"2026-11-20T00:00:00.000Z","event":"click","session_id":"ancient-' + $_ + '"}' }) -join "`n"
        [System.IO.File]::WriteAllText($file, $filler + "`n" + '{"event":"click","session_id":"latest"}' + "`n")
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $completions = Get-Completion "Get-RankingMetrics -Path '$big' -SessionId "
        $clock.Stop()
        $completions[0].CompletionText | Should -Be 'latest'
        $completions.CompletionText | Should -Not -Contain 'ancient-0'
        $completions.Count | Should -BeLessOrEqual 50
        $clock.ElapsedMilliseconds | Should -BeLessThan 2000
    }

    It 'offers nothing, and never fails, without a log or with a torn line' {
        Get-Completion "Get-RankingMetrics -Path '$(Join-Path $TestDrive 'nowhere')' -SessionId " | Should -BeNullOrEmpty
        $torn = Join-Path $TestDrive 'torn'
        $null = New-Item -ItemType Directory -Path $torn
        Set-Content (Join-Path $torn ('cxone-audit-{0:yyyyMMdd}.jsonl' -f [datetime]::UtcNow)) -Value '{"event":"click","session_id":"whole"}', '{"event":"click","sess' -NoNewline:$false
        (Get-Completion "Get-RankingMetrics -Path '$torn' -SessionId ").CompletionText | Should -Be 'whole'
    }
}

Describe 'Get-RankingExperiment -Name completion' {
    BeforeAll {
        $experiments = Join-Path $TestDrive 'experiments'
        $null = New-Item -ItemType Directory -Path $experiments
        # Ranking entries as Submit-SnippetRanking -Experiment writes them (only the members completion reads).
        Set-Content (Join-Path $experiments ('cxone-audit-{0:yyyyMMdd}.jsonl' -f [datetime]::UtcNow)) -Value @(
            '{"event":"ranking.submitted","session_id":"s-1","experiment":"kb5-boost","arm":"Treatment"}'
            '{"event":"click","session_id":"s-1"}'
            '{"event":"ranking.submitted","session_id":"s-2","experiment":"title boost","arm":"Control"}'
            '{"event":"ranking.submitted","session_id":"s-3","experiment":"kb5-boost","arm":"Control"}'
        )
    }

    It 'offers the experiments of the newest audit entries, newest first, once each' {
        $completions = Get-Completion "Get-RankingExperiment -AuditPath '$experiments' -Name "
        $completions.ListItemText | Should -Be 'kb5-boost', 'title boost'
        $completions.CompletionText | Should -Be 'kb5-boost', "'title boost'"
        $completions[0].ToolTip | Should -BeLike "Experiment 'kb5-boost', from the audit log in *"
    }

    It 'narrows to what was typed, also as the -Experiment alias and by position' {
        (Get-Completion "Get-RankingExperiment -Path '$experiments' -Experiment TI").CompletionText | Should -Be "'title boost'"
        (Get-Completion "Get-RankingExperiment -AuditPath '$experiments' kb").CompletionText | Should -Be 'kb5-boost'
    }

    It 'offers nothing without a log' {
        Get-Completion "Get-RankingExperiment -AuditPath '$(Join-Path $TestDrive 'nowhere')' -Name " | Should -BeNullOrEmpty
    }
}

Describe 'enum completion' {
    It 'offers every -Overflow mode' {
        (Get-Completion 'Test-RankingPayload -Overflow ').CompletionText | Sort-Object | Should -Be 'Clamp', 'Error', 'Rescale'
    }

    It 'narrows -Overflow to what was typed' {
        (Get-Completion 'Submit-SnippetRanking -Overflow c').CompletionText | Should -Be 'Clamp'
    }
}

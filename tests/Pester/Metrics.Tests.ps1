#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-RankingMetrics over a small log whose every figure is computed by hand below. Rankings are
# written through the public Core API (as Submit-SnippetRanking writes them), clicks through
# Add-SnippetClick, so the chain also runs across both writers.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $dir = Join-Path $TestDrive 'audit'

    function Add-Ranking([string] $Event, [string] $Session, [long] $LatencyMs, [string] $At, [string[]] $Snippets) {
        $entry = [CXoneRanking.AuditEntry]::Ranking($Event, $Session, [datetimeoffset]$At)
        $entry.LatencyMs = $LatencyMs
        if ($Snippets) {
            $entry.Snippets = $Snippets
            $entry.SnippetCount = $Snippets.Count
        }
        [CXoneRanking.Audit.AuditLogWriter]::new($dir).Append($entry)
    }

    # Rankings: s-a shows KB-1..KB-4, s-b shows KB-2, KB-1, s-c fails, s-d shows KB-5, KB-1, KB-2.
    Add-Ranking 'ranking.submitted' 's-a' 120 '2026-11-20T09:00:00Z' 'KB-1', 'KB-2', 'KB-3', 'KB-4'
    Add-Ranking 'ranking.submitted' 's-b' 80 '2026-11-20T10:00:00Z' 'KB-2', 'KB-1'
    Add-Ranking 'ranking.failed' 's-c' 5000 '2026-11-21T09:00:00Z'
    Add-Ranking 'ranking.submitted' 's-d' 40 '2026-11-21T10:00:00Z' 'KB-5', 'KB-1', 'KB-2'
    @'
session_id,snippet_id,rank_position,timestamp
s-a,KB-3,3,2026-11-20T09:00:10Z
s-a,KB-1,1,2026-11-20T09:00:30Z
s-b,KB-1,2,2026-11-20T10:00:05Z
s-d,KB-5,1,2026-11-21T10:00:07Z
'@ | ConvertFrom-Csv | Add-SnippetClick -Path $dir
}

Describe 'Get-RankingMetrics over the whole log' {
    BeforeAll { $m = Get-RankingMetrics -Path $dir }

    It 'returns one CXoneRanking.RankingMetrics' {
        @($m).Count | Should -Be 1
        $m | Should -BeOfType ([CXoneRanking.RankingMetrics])
    }

    It 'counts submissions and their outcomes' {
        $m.Submissions, $m.Succeeded, $m.Failed, $m.Cancelled | Should -Be 4, 3, 1, 0
    }

    It 'computes latency: the mean and nearest-rank percentiles' {
        # Sorted: 40 80 120 5000. p50 = rank ceil(0.5*4) = 2; p95 and p99 = rank 4.
        $m.AverageLatencyMs | Should -Be 1310
        $m.P50LatencyMs, $m.P95LatencyMs, $m.P99LatencyMs | Should -Be 80, 5000, 5000
    }

    It 'computes impressions, clicks and click-through' {
        $m.Impressions | Should -Be 9
        $m.Clicks | Should -Be 4
        $m.ClickThroughRate | Should -Be (4 / 9)
    }

    It 'computes click-through by position' {
        # Shown at 1: s-a, s-b, s-d; at 2: the same; at 3: s-a, s-d; at 4: s-a.
        $m.ClickThroughRateByPosition.Position | Should -Be 1, 2, 3, 4
        $m.ClickThroughRateByPosition.Impressions | Should -Be 3, 3, 2, 1
        $m.ClickThroughRateByPosition.Clicks | Should -Be 2, 1, 1, 0
        $m.ClickThroughRateByPosition.ClickedImpressions | Should -Be 2, 1, 1, 0
        $m.ClickThroughRateByPosition.ClickThroughRate | Should -Be (2 / 3), (1 / 3), 0.5, 0
    }

    It 'keeps the former name Rate for one release, equal to ClickThroughRate' {
        $m.ClickThroughRateByPosition.Rate | Should -Be $m.ClickThroughRateByPosition.ClickThroughRate
        $m.TopSnippets.Rate | Should -Be $m.TopSnippets.ClickThroughRate
    }

    It 'computes the mean reciprocal rank from each session''s earliest click' {
        # s-a first clicked position 3 (KB-1 at 1 came later), s-b 2, s-d 1: (1/3 + 1/2 + 1) / 3.
        $m.MeanReciprocalRank | Should -Be ((1 / 3 + 1 / 2 + 1) / 3)
    }

    It 'lists the top snippets by clicks with their impressions' {
        $m.TopSnippets.SnippetId | Should -Be 'KB-1', 'KB-3', 'KB-5'
        $m.TopSnippets.Clicks | Should -Be 2, 1, 1
        $m.TopSnippets.Impressions | Should -Be 3, 1, 1
        $m.TopSnippets.ClickThroughRate | Should -Be (2 / 3), 1, 1
    }

    It 'shows a readable list view with CTR by position and top snippets in compact form' {
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'en-US'
            $view = $m | Out-String -Width 200
        }
        finally { [cultureinfo]::CurrentCulture = $before }
        $view | Should -Match 'Period\s+: 2026-11-20 09:00:00Z \.\. 2026-11-21 10:00:07Z'
        $view | Should -Match 'Failed\s+: 1\r?\n'
        $view | Should -Match 'ClickThroughRate\s+: 44\.4%'
        $view | Should -Match 'ClickThroughRateByPosition : #1 66\.7% \(2/3\)  #2 33\.3% \(1/3\)  #3 50\.0% \(1/2\)  #4 0\.0% \(0/1\)'
        $view | Should -Match 'MeanReciprocalRank\s+: 0\.611'
        $view | Should -Match 'TopSnippets\s+: KB-1 2/3 clicked \(66\.7%\), 2 click\(s\)\s+KB-3 1/1 clicked \(100\.0%\), 1 click\(s\)'
        $view | Should -Not -Match 'Filter'
    }

    It 'reads a log that the chain verifier accepts' {
        $result = Test-RankingAuditLog -Path $dir
        $result.IsValid | Should -BeTrue
        $result.Entries | Should -Be 8
    }
}

Describe 'Get-RankingMetrics filters' {
    It 'counts only the given sessions' {
        $m = Get-RankingMetrics -Path $dir -SessionId 's-a', 's-d'
        $m.Submissions, $m.Impressions, $m.Clicks | Should -Be 2, 7, 3
        $m.AverageLatencyMs, $m.P50LatencyMs | Should -Be 80, 40
        $m.MeanReciprocalRank | Should -Be ((1 / 3 + 1) / 2)
    }

    It 'matches session ids exactly' {
        (Get-RankingMetrics -Path $dir -SessionId 'S-A').Submissions | Should -Be 0
    }

    It 'counts entries at or after -Since' {
        $m = Get-RankingMetrics -Path $dir -Since '2026-11-21T00:00:00Z'
        $m.Submissions, $m.Succeeded, $m.Failed, $m.Impressions, $m.Clicks | Should -Be 2, 1, 1, 3, 1
        $m.MeanReciprocalRank | Should -Be 1
    }

    It 'counts entries before -Until, which is exclusive' {
        $m = Get-RankingMetrics -Path $dir -Until ([datetime]::new(2026, 11, 20, 10, 0, 0, [DateTimeKind]::Utc))
        $m.Submissions, $m.Impressions, $m.Clicks | Should -Be 1, 4, 2
        $m.MeanReciprocalRank | Should -Be (1 / 3)
        $m.Until | Should -Be ([datetimeoffset]'2026-11-20T10:00:00Z')
        $m | Out-String -Width 200 | Should -Match 'Filter\s+: since the first entry, until 2026-11-20 10:00:00Z'
    }

    It 'combines the filters' {
        $m = Get-RankingMetrics -Path $dir -SessionId 's-b', 's-d' -Since '2026-11-20T00:00:00Z' -Until '2026-11-21T00:00:00Z'
        $m.Submissions, $m.Clicks, $m.MeanReciprocalRank | Should -Be 1, 1, 0.5
    }

    It 'gives zeros and empty latency for a range with nothing in it' {
        $m = Get-RankingMetrics -Path $dir -Since '2030-01-01'
        $m.Submissions, $m.Clicks, $m.ClickThroughRate, $m.MeanReciprocalRank | Should -Be 0, 0, 0, 0
        $m.P95LatencyMs | Should -BeNullOrEmpty
        $m | Out-String | Should -Match 'Period\s+: no entries'
    }
}

Describe 'Get-RankingMetrics and damaged or missing logs' {
    It 'skips a torn line with a warning and counts the rest' {
        $copy = Join-Path $TestDrive 'torn'
        Copy-Item $dir $copy -Recurse
        $file = Get-ChildItem $copy -Filter 'cxone-audit-*.jsonl' | Select-Object -First 1
        [IO.File]::AppendAllText($file.FullName, "{`"timestamp`":`"2026-11-2`n")

        $m = Get-RankingMetrics -Path $copy -WarningVariable warnings -WarningAction SilentlyContinue

        $m.Submissions | Should -Be 4
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "Skipped $($file.Name):9: not valid JSON*"
    }

    It 'reports a missing directory as AuditLogNotFound and returns nothing' {
        $result = Get-RankingMetrics -Path (Join-Path $TestDrive 'nowhere') -ErrorVariable problem -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $problem.FullyQualifiedErrorId | Should -BeLike 'AuditLogNotFound,*'
        $problem[0].ErrorDetails.RecommendedAction | Should -BeLike '*-AuditPath*' -Because 'every error says what to do'
    }

    It 'computes metrics from the files alone, in a fresh process' {
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $json = & dotnet $pwsh -NoProfile -NonInteractive -Command "Import-Module '$env:CXONERANKING_MODULE_PATH'; Get-RankingMetrics -Path '$dir' | Select-Object Submissions, Clicks, MeanReciprocalRank | ConvertTo-Json -Compress"
        $LASTEXITCODE | Should -Be 0
        $fresh = $json | ConvertFrom-Json
        $fresh.Submissions, $fresh.Clicks | Should -Be 4, 4
        $fresh.MeanReciprocalRank | Should -Be ((1 / 3 + 1 / 2 + 1) / 3)
    }
}

Describe 'Add-SnippetClick looks for a clicked session''s ranking in the week before the click only' {
    # Files are named by the UTC day they were written: a ranking written 30 days ago is in a file
    # the check no longer opens, so one click on a year-long log reads about a week of it.
    BeforeAll {
        $window = Join-Path $TestDrive 'window'
        foreach ($session in 'old-1', 'recent-1') {
            $writer = [CXoneRanking.Audit.AuditLogWriter]::new($window)
            $entry = [CXoneRanking.AuditEntry]::Ranking('ranking.submitted', $session, [datetimeoffset]::UtcNow)
            $entry.Snippets = [string[]]('KB-1')
            $writer.Append($entry)
            # Move the day's file to the day the ranking stands for (30 days and 3 days ago).
            $days = if ($session -eq 'old-1') { 30 } else { 3 }
            $today = Get-ChildItem $window -Filter 'cxone-audit-*.jsonl' | Sort-Object Name | Select-Object -Last 1
            $name = 'cxone-audit-{0:yyyyMMdd}.jsonl' -f [datetime]::UtcNow.AddDays(-$days)
            Move-Item $today.FullName (Join-Path $window $name)
        }
    }

    It 'finds a ranking 3 days old and says a ranking 30 days old was not found in the last 7 days' {
        'recent-1', 'old-1' | ForEach-Object { [pscustomobject]@{ session_id = $_; snippet_id = 'KB-1'; rank_position = 1 } } |
            Add-SnippetClick -AuditPath $window -WarningVariable warned -WarningAction SilentlyContinue
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Match "1 click\(s\) for 1 session\(s\) whose ranking was not found in the last 7 days of the audit log in '.+' \(its files from $('{0:yyyy-MM-dd}' -f [datetime]::UtcNow.AddDays(-7)) on\): 'old-1'\."
    }

    It 'reads further back for a click recorded with an older time' {
        [pscustomobject]@{ session_id = 'old-1'; snippet_id = 'KB-1'; rank_position = 1; timestamp = [datetimeoffset]::UtcNow.AddDays(-29) } |
            Add-SnippetClick -AuditPath $window -WarningVariable warned -WarningAction SilentlyContinue
        @($warned).Count | Should -Be 0
    }
}

Describe 'Get-RankingMetrics counts an impression as clicked once' {
    BeforeAll {
        $repeat = Join-Path $TestDrive 'repeat'
        $entry = [CXoneRanking.AuditEntry]::Ranking('ranking.submitted', 'r-1', [datetimeoffset]'2026-11-20T09:00:00Z')
        $entry.Snippets = [string[]]('KB-1')
        [CXoneRanking.Audit.AuditLogWriter]::new($repeat).Append($entry)
        # The agent clicked KB-1 twice in its one showing; another session was never ranked by this log.
        @'
session_id,snippet_id,rank_position,timestamp
r-1,KB-1,1,2026-11-20T09:00:10Z
r-1,KB-1,1,2026-11-20T09:00:12Z
elsewhere,KB-9,1,2026-11-20T09:00:15Z
'@ | ConvertFrom-Csv | Add-SnippetClick -Path $repeat -WarningVariable clickWarnings -WarningAction SilentlyContinue
        $m = Get-RankingMetrics -Path $repeat
    }

    It 'reports 1/1 (100.0%), not 2/1 (200.0%), and still counts every click' {
        $m.Clicks | Should -Be 3
        $m.ClickedImpressions | Should -Be 1
        $m.ClickThroughRate | Should -Be 1
        $m.TopSnippets[0].Clicks, $m.TopSnippets[0].ClickedImpressions, $m.TopSnippets[0].ClickThroughRate | Should -Be 2, 1, 1
        $m.ClickThroughRateByPosition[0].ClickThroughRate | Should -Be 1
    }

    It 'counts the clicks of a session the log never ranked apart' {
        $m.ClicksWithoutRanking | Should -Be 1
        $m | Out-String -Width 200 | Should -Match 'ClicksWithoutRanking\s+: 1'
    }

    It 'records a click for a session the log never ranked, with one warning naming it' {
        (Get-AuditEntry $repeat | Where-Object session_id -eq 'elsewhere').event | Should -Be 'click'
        @($clickWarnings).Count | Should -Be 1
        "$($clickWarnings[0])" | Should -Match "1 click\(s\) for 1 session\(s\) whose ranking was not found in the last 7 days of the audit log in '.+' \(its files from 2026-11-13 on\): 'elsewhere'"
    }

    It 'does not warn about sessions the log ranked' {
        [pscustomobject]@{ session_id = 'r-1'; snippet_id = 'KB-1'; rank_position = 1 } |
            Add-SnippetClick -Path $repeat -WarningVariable none -WarningAction SilentlyContinue
        @($none).Count | Should -Be 0
    }

    It 'warns, and still returns the zero metrics, when nothing falls in the range' {
        $empty = Get-RankingMetrics -Path $repeat -Since '2030-01-01T00:00:00Z' -WarningVariable warnings -WarningAction SilentlyContinue
        $empty.Submissions | Should -Be 0
        "$($warnings[0])" | Should -Match 'No audit entry counts since .+ \(\d+ file\(s\) read\): every figure is zero\. Widen -Since/-Until'
    }
}

Describe 'Get-RankingMetrics joins each click to the ranking in force, and shows no rate without impressions' {
    BeforeAll {
        $inForce = Join-Path $TestDrive 'in-force'
        function Add-InForce([string] $Event, [string] $Session, [string] $At, [string[]] $Snippets, [string] $Status) {
            $entry = [CXoneRanking.AuditEntry]::Ranking($Event, $Session, [datetimeoffset]$At)
            $entry.Status = $Status
            if ($Snippets) {
                $entry.Snippets = $Snippets
                $entry.SnippetCount = $Snippets.Count
            }
            [CXoneRanking.Audit.AuditLogWriter]::new($inForce).Append($entry)
        }
        Add-InForce 'ranking.submitted' 'c-1' '2026-12-01T09:00:00Z' 'KB-1', 'KB-2', 'KB-3', 'KB-4' 'Succeeded'
        Add-InForce 'ranking.submitted' 'c-1' '2026-12-02T09:00:00Z' 'KB-1', 'KB-2', 'KB-3', 'KB-4' 'Succeeded'   # a re-send
        Add-InForce 'ranking.failed' 'c-2' '2026-12-02T09:00:00Z' -Status 'InvalidRanking'
        Add-InForce 'ranking.failed' 'c-3' '2026-12-02T09:00:00Z' -Status 'EngineFailure'
        @'
session_id,snippet_id,rank_position,timestamp
c-1,KB-2,2,2026-12-02T09:05:00Z
c-1,KB-999,1,2026-12-02T09:06:00Z
c-1,KB-4,7,2026-12-02T09:07:00Z
'@ | ConvertFrom-Csv | Add-SnippetClick -AuditPath $inForce -WarningVariable clickWarnings -WarningAction SilentlyContinue
        $m = Get-RankingMetrics -AuditPath $inForce
    }

    It 'counts a re-sent identical ranking once: 4 impressions, not 8' {
        $m.Impressions | Should -Be 4
        $m.ClickedImpressions | Should -Be 1
        $m.ClickThroughRate | Should -Be 0.25
    }

    It 'counts clicks on a snippet not shown, or past the ranking''s end, apart and warns once naming them' {
        $m.ClicksNotShown | Should -Be 2
        $m.Clicks | Should -Be 3
        @($clickWarnings).Count | Should -Be 1
        "$($clickWarnings[0])" | Should -Match "Recorded 2 click\(s\) on a snippet .+ never showed, .+: 'KB-999' in session 'c-1' at position 1, 'KB-4' in session 'c-1' at position 7"
    }

    It 'counts rankings never sent apart from failed sends' {
        $m.NotSent, $m.Failed, $m.Submissions | Should -Be 1, 1, 3
        $m | Out-String -Width 200 | Should -Match 'NotSent\s+: 1'
    }

    It 'shows a dash, not 0.0%, where there are no impressions' {
        $none = Get-RankingMetrics -AuditPath $inForce -SessionId 'c-9' -WarningAction SilentlyContinue
        $none | Out-String -Width 200 | Should -Match 'ClickThroughRate\s+: –'
    }

    It 'refuses a click time that is not ISO 8601 with InvalidClick, naming the row and the format' {
        "session_id,snippet_id,rank_position,timestamp`nc-1,KB-2,2,07/12/2026 19:01" | ConvertFrom-Csv |
            Add-SnippetClick -AuditPath $inForce -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InvalidClick*'
        "$($bad[0])" | Should -Match "Click 1: the timestamp '07/12/2026 19:01' is not an ISO 8601 .+yyyy-MM-ddTHH:mm:ssZ"
    }
}

#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Search-CXoneExpert and Add-SnippetClick -Expert end to end against the emulator: results come
# as snippet ranks in the site's order with the site's rank as relevance, they validate and submit
# like CSV rows, a click is registered with the position the agent saw, every request carried a
# valid, current token, and no secret or token shows anywhere (docs/expert.md).

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $key = 'expert-search-key'
    $secret = 'Expert-Search-Secret-4a9c'
    $clientSecret = 'Expert-Search-Client-Secret-1e5b'
    $emulator = Start-CXoneEmulator -ArgumentList '--expert-key', $key, '--expert-secret', $secret,
        '--client-id', 'expert-search', '--client-secret', $clientSecret
    $token = [pscredential]::new($key, (ConvertTo-SecureString $secret -AsPlainText -Force))
    # Not under TestDrive, which Pester empties after each Describe: the secret search reads them at the end.
    $work = Join-Path ([System.IO.Path]::GetTempPath()) "expert-search-$([guid]::NewGuid().ToString('N'))"
    $audit = Join-Path $work 'audit'
    $transcript = Join-Path $work 'transcript.txt'
    $null = Start-Transcript -LiteralPath $transcript
    $script:records = [System.Collections.Generic.List[object]]::new()
    $expert = Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin' -AuditPath $audit -PassThru -Verbose 4>&1 |
        ForEach-Object { $script:records.Add($_); $_ } | Where-Object { $_ -is [CXoneRanking.ExpertConnection] }
    Connect-CXone -BaseUri $emulator.Uri -ClientId 'expert-search' -ClientSecret (ConvertTo-SecureString $clientSecret -AsPlainText -Force)

    function Get-History { @((Invoke-RestMethod "$($emulator.Uri)_emulator/expert/history").searches) }
    # Runs a command with every stream captured, so the secret search below sees them all.
    function Invoke-Captured([scriptblock] $Command) {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $output = & $Command *>&1
        foreach ($item in $output) { $script:records.Add($item) }
        $output | Where-Object {
            $_ -isnot [System.Management.Automation.InformationalRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord]
        }
    }
}

AfterAll {
    try { Stop-Transcript | Out-Null } catch [System.Management.Automation.PSInvalidOperationException] { } # the last test stopped it
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    Disconnect-CXoneExpert
    Disconnect-CXone
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Search-CXoneExpert' {
    It 'gives one rank per result in the site order, with the site rank as relevance, for many results' {
        $ranks = @(Invoke-Captured { Search-CXoneExpert -Query refund -SessionId call-1 })

        $ranks.Count | Should -Be 4
        $ranks | ForEach-Object { $_ | Should -BeOfType ([CXoneRanking.SnippetRank]) }
        $ranks.Metadata.expert_position | Should -Be '1', '2', '3', '4'
        $ranks.RelevanceScore | Should -Be ($ranks | ForEach-Object { [double]::Parse($_.Metadata.expert_rank, [cultureinfo]::InvariantCulture) })
        $ranks.RelevanceScore | Should -Be ($ranks.RelevanceScore | Sort-Object -Descending)
        $ranks.SessionId | Select-Object -Unique | Should -Be 'call-1'
        $ranks[0].SnippetId | Should -Be '101'
        $ranks[0].Metadata.title | Should -Be 'How to request a refund'
        $ranks[0].Metadata.path | Should -Not -BeNullOrEmpty
        $logged = Get-History | Where-Object query_id -eq ([long]$ranks[0].Metadata.expert_query_id)
        $logged.count_results | Should -Be 4
    }

    It 'gives exactly one rank for a search with one result' {
        $ranks = @(Search-CXoneExpert -Query chargeback -SessionId call-2)

        $ranks.Count | Should -Be 1
        $ranks[0].SnippetId | Should -Be '123'
        $ranks[0].RelevanceScore | Should -Be 1
    }

    It 'gives nothing and no error for a search without results' {
        $ranks = @(Search-CXoneExpert -Query xyzzy -SessionId call-3 -ErrorVariable failures)

        $ranks.Count | Should -Be 0
        $failures.Count | Should -Be 0
    }

    It 'takes queries from the pipeline, and a failed search is one error while the next goes on' {
        Invoke-RestMethod -Method Post "$($emulator.Uri)_emulator/expert/faults" -ContentType 'application/json' `
            -Body '{"route":"site/query","responses":[404]}' | Out-Null

        $ranks = @('refund', 'chargeback' | Search-CXoneExpert -SessionId call-4 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ExpertSearchFailed,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $ranks.SnippetId | Should -Be '123'
    }

    It 'gives ranks that validate with Test-RankingPayload and submit like CSV rows' {
        $result = Search-CXoneExpert -Query refund -SessionId call-5 | Test-RankingPayload

        $ranks = @(Search-CXoneExpert -Query refund -SessionId call-5)
        $result.IsValid | Should -BeTrue
        # Best score first, ties by id: the site's order, since the score is the site's rank.
        $result.Payload.Snippets.SnippetId | Should -Be @($ranks | Sort-Object @{ e = 'RelevanceScore'; Descending = $true }, SnippetId).SnippetId
        $result.Payload.Snippets.Score | Should -Be ($ranks.RelevanceScore | Sort-Object -Descending)
        $submitted = Search-CXoneExpert -Query refund -SessionId call-5 | Submit-SnippetRanking
        $submitted.Status | Should -Be 'Succeeded'
    }
}

Describe 'Search-CXoneExpert with no result' {
    It 'warns that the query found nothing, naming the query, and outputs nothing' {
        $ranks = @(Search-CXoneExpert -Query zzqqxx -SessionId call-z -WarningVariable warned -WarningAction SilentlyContinue)

        $ranks.Count | Should -Be 0
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match "No results for 'zzqqxx'"
    }
}

Describe 'Search-CXoneExpert with several queries for one session' {
    It 'merges overlapping queries into one rank per page, keeping the best result and noting the queries' {
        $refund = @(Search-CXoneExpert -Query refund -SessionId call-m1)
        $billing = @(Search-CXoneExpert -Query billing -SessionId call-m2)
        $overlap = @($refund.SnippetId | Where-Object { $_ -in $billing.SnippetId })
        $overlap.Count | Should -BeGreaterThan 0 -Because 'the two queries must share a page for this test to mean anything'

        $ranks = @('refund', 'billing' | Search-CXoneExpert -SessionId call-10)

        $ranks.Count | Should -Be @(@($refund.SnippetId) + @($billing.SnippetId) | Sort-Object -Unique).Count
        @($ranks.SnippetId | Sort-Object -Unique).Count | Should -Be $ranks.Count
        foreach ($id in $overlap) {
            $merged = $ranks | Where-Object SnippetId -eq $id
            $found = @($refund; $billing) | Where-Object SnippetId -eq $id
            $merged.RelevanceScore | Should -Be ($found.RelevanceScore | Measure-Object -Maximum).Maximum
            @($merged.Metadata.expert_queries | ConvertFrom-Json) | Should -Be 'refund', 'billing'
        }
        $only = $ranks | Where-Object { $_.SnippetId -notin $overlap } | Select-Object -First 1
        @($only.Metadata.expert_queries | ConvertFrom-Json).Count | Should -Be 1
    }

    It 'submits the merged session, which used to fail with DuplicateSnippetId' {
        $submitted = 'refund', 'billing' | Search-CXoneExpert -SessionId call-11 | Submit-SnippetRanking -ErrorVariable failures

        $failures.Count | Should -Be 0
        $submitted.Status | Should -Be 'Succeeded'
        $submitted.SessionId | Should -Be 'call-11'
    }
}

Describe 'Add-SnippetClick -Expert' {
    It 'registers a click on a result a directive lifted from third place to the top at position 1' {
        $ranks = @(Search-CXoneExpert -Query refund -SessionId call-7)
        $third = $ranks | Where-Object { $_.Metadata.expert_position -eq '3' }
        $lift = New-BoostDirective -SnippetId $third.SnippetId -Factor 10
        $ranked = $ranks | Test-RankingPayload -BoostDirective $lift
        $ranked.Payload.Snippets[0].SnippetId | Should -Be $third.SnippetId

        $entry = Invoke-Captured { $ranked.Payload.Snippets[0] | Add-SnippetClick -SessionId call-7 -Expert -PassThru }

        $entry.RankPosition | Should -Be 1
        $entry.ExpertQueryId | Should -Be ([long]$third.Metadata.expert_query_id)
        $search = Get-History | Where-Object query_id -eq $entry.ExpertQueryId
        @($search.selections).Count | Should -Be 1
        # [0]: on an array, .rank would be System.Array's own Rank property.
        $search.selections[0].page_id | Should -Be ([int]$third.SnippetId)
        $search.selections[0].position | Should -Be 1
        $search.selections[0].rank | Should -Be $third.RelevanceScore
    }

    It 'writes the click to the Expert connection''s audit path with expert_query_id' {
        $line = Get-ChildItem -LiteralPath $audit -Filter 'cxone-audit-*.jsonl' | Get-Content | Select-Object -Last 1 | ConvertFrom-Json

        $line.event | Should -Be 'click'
        $line.session_id | Should -Be 'call-7'
        $line.expert_query_id | Should -BeGreaterThan 0
    }

    It 'takes the Expert connection as -Connection, like the other Expert cmdlets, with -ExpertConnection as its alias' {
        $snippet = (Search-CXoneExpert -Query chargeback -SessionId call-12 | Test-RankingPayload).Payload.Snippets[0]

        $entry = $snippet | Add-SnippetClick -SessionId call-12 -Expert -Connection $expert -PassThru
        $again = $snippet | Add-SnippetClick -SessionId call-12 -Expert -ExpertConnection $expert -PassThru

        $entry.ExpertQueryId | Should -BeGreaterThan 0
        $again.ExpertQueryId | Should -Be $entry.ExpertQueryId
    }

    It 'keeps the audit entry and gives ExpertSelectionFailed when the site refuses the selection' {
        $snippet = (Search-CXoneExpert -Query chargeback -SessionId call-8 | Test-RankingPayload).Payload.Snippets[0]
        Invoke-RestMethod -Method Post "$($emulator.Uri)_emulator/expert/faults" -ContentType 'application/json' `
            -Body '{"route":"site/query/{queryid}","responses":[400]}' | Out-Null

        $entry = $snippet | Add-SnippetClick -SessionId call-8 -Expert -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ExpertSelectionFailed,*'
        $entry.SessionId | Should -Be 'call-8'
    }

    It 'names a snippet without an Expert query id in an ExpertSelectionFailed error, and still records the click' {
        $entry = [pscustomobject]@{ SnippetId = 'KB-1'; Position = 2 } |
            Add-SnippetClick -SessionId call-9 -Expert -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ExpertSelectionFailed,*'
        $failures[0].Exception.Message | Should -Match 'expert_query_id'
        $entry.SnippetId | Should -Be 'KB-1'
    }
}

Describe 'Expert requests and secrets' {
    It 'sent every Expert request with a valid token of a current epoch' {
        $journal = @(Get-Journal $emulator | Where-Object { $_.route })
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()

        $journal.Count | Should -BeGreaterThan 8
        # A scripted fault is answered before the token is read, so it has no token status.
        $journal | Where-Object { $_.outcome -ne 'fault' -and $_.token_status -ne 'valid' } | Should -BeNullOrEmpty
        $journal | Where-Object { $_.outcome -ne 'fault' -and [math]::Abs($_.token_epoch - $now) -gt 300 } | Should -BeNullOrEmpty
    }

    It 'shows no secret and no token in any stream, file or object' {
        Stop-Transcript | Out-Null
        $places = Get-SecretSearchPlace -Records $script:records -Transcript $transcript -Errors $Error -AuditDirectory $audit `
            -EmulatorUri $emulator.Uri -Connection $expert

        foreach ($place in $places.GetEnumerator()) {
            $place.Value | Should -Not -Match ([regex]::Escape($secret)) -Because "the secret must not be in $($place.Key)"
            $place.Value | Should -Not -Match 'tkn_' -Because "no token may be in $($place.Key)"
        }
    }
}

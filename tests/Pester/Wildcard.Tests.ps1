#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Boost directive wildcards mean what -like means, answer at once on hostile patterns, and a
# pattern -like rejects is refused when the directive is made.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force

    # One session of one snippet per pair (metadata k = the value), and per pair an exclude rule
    # on that snippet's id and on k = the pattern: a snippet is excluded iff its own rule matched.
    function Get-ExcludedByModule([object[]] $Pairs, [string] $Session) {
        $indexes = 0..($Pairs.Count - 1)
        $rows = foreach ($i in $indexes) {
            [pscustomobject]@{ session_id = $Session; snippet_id = "KB-$i"; relevance_score = 0.5; k = $Pairs[$i].Value }
        }
        $ranks = $rows | New-SnippetRank -MetadataProperty k
        $quietly = @{ ErrorAction = 'SilentlyContinue'; ErrorVariable = '+invalid' }
        $rules = foreach ($i in $indexes) { New-BoostDirective -SnippetId "KB-$i" -MetadataKey k -Value $Pairs[$i].Pattern -Exclude @quietly }
        $result = $ranks | Test-RankingPayload -BoostDirective $rules -MaxResultWindow 1
        $excludedIds = [string[]]@($result.Warnings.Where({ $_.Code -eq 'Excluded' }).SnippetId)
        $excluded = [System.Collections.Generic.HashSet[string]]::new($excludedIds)
        $refused = [System.Collections.Generic.HashSet[string]]::new([string[]]@($invalid.TargetObject.SnippetId))
        foreach ($i in $indexes) {
            if ($refused.Contains("KB-$i")) { 'invalid' } else { $excluded.Contains("KB-$i") }
        }
    }

    # Pairs from a small alphabet: the value is either random text or text the pattern should
    # match (each * becoming up to two letters, each ? one), so both answers turn up often.
    function New-Pair([System.Random] $Random, [int] $Count) {
        foreach ($pair in 1..$Count) {
            $pattern = -join @(for ($n = $Random.Next(0, 8); $n -gt 0; $n--) { 'aB*?[]-`:'[$Random.Next(9)] })
            $value = if ($Random.Next(2)) { -join @(for ($n = $Random.Next(0, 8); $n -gt 0; $n--) { 'abAB[]-`*:'[$Random.Next(10)] }) }
            else { $pattern.Replace('*', 'ab'.Substring(0, $Random.Next(3))).Replace('?', 'b').Replace('`', '') }
            [pscustomobject]@{ Pattern = $pattern; Value = $value }
        }
    }
}

Describe 'Boost directive wildcards' {
    It 'exclude exactly the values -like matches, on 3000 seeded random pairs' {
        $random = [System.Random]::new(20250611)
        $pairs = New-Pair $random 3000
        $mismatches = [System.Collections.Generic.List[string]]::new()
        $outcomes = @{}
        for ($start = 0; $start -lt $pairs.Count; $start += 250) {
            $chunk = $pairs[$start..([Math]::Min($start + 249, $pairs.Count - 1))]
            $module = @(Get-ExcludedByModule $chunk "s-$start")
            for ($i = 0; $i -lt $chunk.Count; $i++) {
                $like = try { $chunk[$i].Value -like $chunk[$i].Pattern } catch { 'invalid' }
                $outcomes["$like"]++
                if ("$like" -ne "$($module[$i])") {
                    $mismatches.Add("'$($chunk[$i].Value)' -like '$($chunk[$i].Pattern)': -like $like, module $($module[$i])")
                }
            }
        }
        $mismatches | Should -BeNullOrEmpty
        foreach ($outcome in 'True', 'False', 'invalid') {
            $outcomes[$outcome] | Should -BeGreaterThan 100 -Because "the sample must exercise $outcome"
        }
    }

    It 'answer the reported hostile pattern in well under a second' {
        $rank = New-SnippetRank -SnippetId KB-1 -RelevanceScore 0.5 -SessionId s-1 -Metadata @{ category = 'a' * 60 }
        $rule = New-BoostDirective -MetadataKey category -Value (('*a' * 25) + 'b') -Factor 1.5
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $result = $rank | Test-RankingPayload -BoostDirective $rule
        $watch.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5 -Because 'a backtracking matcher ran for minutes here'
        $result.Payload.Snippets[0].BoostFactor | Should -Be 1.0
    }

    It 'refuse a pattern -like rejects when the directive is made, naming it, and go on' {
        { 'x' -like '[abc' } | Should -Throw
        $made = 'bill[ing', 'billing*' | ForEach-Object { [pscustomobject]@{ metadata_key = 'category'; value = $_; factor = 1.5 } } |
            New-BoostDirective -ErrorVariable errs -ErrorAction SilentlyContinue
        $made.Value | Should -Be 'billing*'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidBoostDirective,*'
        $expected = "'bill[ing' is not a valid wildcard pattern: the '[' at position 5 has no closing ']'"
        $errs[0].Exception.Message | Should -Match ([regex]::Escape($expected))
    }

    It 'refuse an invalid snippet id pattern, and one in a directive file with the rule named' {
        New-BoostDirective -SnippetId 'KB-[9-1]' -Exclude -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].Exception.Message | Should -BeLike "*the range '9-1' runs backwards*"
        $file = Join-Path $TestDrive 'rules.json'
        '[{ "metadata_key": "category", "value": "[", "exclude": true }]' | Set-Content -Path $file
        New-BoostDirective -Path $file -ErrorVariable fileErrs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $fileErrs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidDirectiveFile,*'
        $fileErrs[0].Exception.Message | Should -BeLike 'rules.json: rule 1 *not a valid wildcard pattern*'
    }
}

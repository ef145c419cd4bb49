#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-Help for every exported cmdlet, as an admin sees it: the MAML that the build generates from
# docs/cmdlets/<Verb-Noun>.md must give a real synopsis (not the syntax placeholder PowerShell shows
# when there is no help), a description, a description for every parameter and at least two
# examples with code and an explanation. And about_CXoneRanking must be found.

BeforeDiscovery {
    $cmdlets = (Import-PowerShellDataFile $env:CXONERANKING_MODULE_PATH).CmdletsToExport
}

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # The "## Synopsis" paragraph of the page the help was generated from.
    function Get-PageSynopsis([string] $Name) {
        $lines = Get-Content (Join-Path $env:CXONERANKING_REPO_ROOT "docs/cmdlets/$Name.md")
        $text = foreach ($line in $lines[([array]::IndexOf($lines, '## Synopsis') + 1)..($lines.Count - 1)]) {
            if ($line -like '## *') { break }
            $line
        }
        ($text -join ' ' -replace '\s+', ' ').Trim()
    }
}

Describe 'the help file' {
    It 'lies beside the root module under en-US, where Get-Help looks for it' {
        $moduleBase = Split-Path $env:CXONERANKING_MODULE_PATH
        Join-Path $moduleBase 'en-US/CXoneRanking.PowerShell.dll-Help.xml' | Should -Exist
        (Get-Command Connect-CXone).HelpFile | Should -BeLike '*CXoneRanking.PowerShell.dll-Help.xml'
    }
}

Describe 'Get-Help <_> -Full' -ForEach $cmdlets {
    BeforeAll {
        $name = $_
        $help = Get-Help $name -Full
        $command = Get-Command $name
    }

    It 'has the synopsis of its page, not the syntax placeholder' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($name) + '(\s|$)')
        ($help.Synopsis -replace '\s+', ' ').Trim() | Should -Be (Get-PageSynopsis $name)
    }

    It 'has a description' {
        ($help.description.Text -join ' ').Trim().Length | Should -BeGreaterThan 80
    }

    It 'describes every parameter of the compiled cmdlet' {
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $entry = @($help.parameters.parameter | Where-Object name -EQ $parameter)
            $entry.Count | Should -Be 1 -Because "-$parameter must appear once in the help"
            ($entry[0].description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter must be described"
        }
    }

    It 'describes -WhatIf and -Confirm when the cmdlet supports them' {
        foreach ($parameter in 'WhatIf', 'Confirm' | Where-Object { $command.Parameters.ContainsKey($_) }) {
            ((@($help.parameters.parameter) | Where-Object name -EQ $parameter).description.Text -join ' ') | Should -Not -BeNullOrEmpty
        }
    }

    It 'has at least two examples, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because $example.title
        }
    }

    It 'gives each parameter the Required and Position of the compiled cmdlet' {
        $defaultSet = $command.DefaultParameterSet
        foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common }) {
            $entry = @($help.parameters.parameter | Where-Object name -EQ $parameter.Name)[0]
            $sets = @($parameter.ParameterSets.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Name = $_.Key; Mandatory = $_.Value.IsMandatory; Position = $_.Value.Position } })
            $inDefault = @($sets | Where-Object { $_.Name -in $defaultSet, '__AllParameterSets' })
            $required = if ($inDefault) { $inDefault[0].Mandatory } else { -not ($sets | Where-Object { -not $_.Mandatory }) }
            $entry.required | Should -Be $required.ToString().ToLowerInvariant() -Because "-$($parameter.Name) is$(if (-not $required) { ' not' }) mandatory in the syntax Get-Help shows first"
            foreach ($set in $sets) {
                $position = if ($set.Position -ge 0) { [string]$set.Position } else { 'named' }
                $entry.position | Should -Match "(^|\), )$position( \(([^)]*, )?$([regex]::Escape($set.Name))(, [^)]*)?\)|$)" -Because "-$($parameter.Name) in set $($set.Name)"
            }
            if (@($sets.Mandatory | Select-Object -Unique).Count -gt 1) {
                ($entry.description.Text -join ' ') | Should -Match 'Required in the .* parameter sets?; optional in' -Because "-$($parameter.Name) is mandatory in some sets only"
            }
        }
    }

    It 'shows short type names in its syntax, as Az and Graph do' {
        $syntax = $help.syntax | Out-String -Width 500
        $syntax | Should -Not -Match '<(System|CXoneRanking)\.'
        foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common -and -not $_.SwitchParameter }) {
            $type = if ([Nullable]::GetUnderlyingType($parameter.ParameterType)) { [Nullable]::GetUnderlyingType($parameter.ParameterType) } else { $parameter.ParameterType }
            $syntax | Should -Match "-$($parameter.Name)\]? <$([regex]::Escape($type.Name))>" -Because "-$($parameter.Name) is a $($type.FullName)"
        }
    }

    It 'shows the parameter sets of the compiled cmdlet in its syntax' {
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    It 'has notes, inputs, outputs and an online link' {
        ($help.alertSet.alert.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        $help.inputTypes | Should -Not -BeNullOrEmpty
        $help.returnValues | Should -Not -BeNullOrEmpty
        @($help.relatedLinks.navigationLink)[0].uri | Should -BeLike "https://*/$name.md"
    }
}

Describe 'Add-SnippetClick -SessionId in the help' {
    It 'says it is required and at position 0 where the syntax shows it so' {
        $entry = Get-Help Add-SnippetClick -Parameter SessionId
        $entry.required | Should -Be 'true'
        $entry.position | Should -Be '0 (FromParameters), named (FromPipeline)'
        ($entry.description.Text -join ' ') | Should -Match 'Required in the FromParameters parameter set; optional in FromPipeline'
    }
}

Describe 'about_CXoneRanking' {
    It 'is found by Get-Help and covers the ranking rules, the audit log, the environment and scheduled tasks' {
        $about = Get-Help about_CXoneRanking | Out-String
        $about | Should -Match 'HOW A SCORE IS MADE'
        $about | Should -Match 'THE AUDIT LOG'
        $about | Should -Match 'SCHEDULED TASKS'
        foreach ($variable in 'CXONE_ENV', 'CXONE_BASE_URI', 'CXONE_CLIENT_ID', 'CXONE_CLIENT_SECRET', 'CXONE_OAUTH_URL', 'CXONE_AUDIT_PATH', 'CXONE_ISSUER', 'CXONE_ACCESS_KEY_ID', 'CXONE_ACCESS_KEY_SECRET') {
            $about | Should -Match $variable
        }
    }
}

# A parameter named in the help pages or in a message (an error's text, its recommended action, a
# warning) must exist on the cmdlet it is about. In code (fenced blocks) that is the command it
# follows, parentheses and pipes included; in prose, the cmdlet it directly follows
# ("Connect-CXone -AuditPath"), else, as the text does not say which, some exported cmdlet.
# Another module's command (Import-Csv -Delimiter, Where-Object -EQ) is not checked.
Describe 'parameters named in the help and in messages' {
    BeforeAll {
        Import-Module $env:CXONERANKING_MODULE_PATH -Force
        $module = Get-Module CXoneRanking
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        # A command name, a parenthesis or pipe, or a -Parameter token (not part of a word, a variable or a header such as X-CXone-Signature).
        $tokenPattern = '(?<command>\b[A-Z][A-Za-z]*[a-z]-[A-Z][A-Za-z]+\b)|(?<open>\()|(?<close>\))|(?<pipe>\|)|(?<![\w\-\$])-(?<parameter>[A-Z][A-Za-z]+)\b'
        # Every name a parameter answers to, per exported cmdlet.
        $namesOf = @{}
        foreach ($cmdlet in $module.ExportedCmdlets.Values) {
            $namesOf[$cmdlet.Name] = @($common) + @($cmdlet.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
        }
        $anyName = @($namesOf.Values | ForEach-Object { $_ }) | Select-Object -Unique

        function Test-Named([string] $Name, [string] $Command, [string] $Where) {
            if ($Name -ceq 'Infinity') { return } # the text of a negative infinity (the audit log's "-Infinity"), a number, not a parameter
            if (-not $Command) { if ($Name -notin $anyName) { "${Where}: -$Name (no exported cmdlet has it)" }; return }
            if ($namesOf.ContainsKey($Command) -and $Name -notin $namesOf[$Command]) { "${Where}: -$Name (not a parameter of $Command)" }
        }

        # "<where>: -X (...)" for each -X token that names no parameter of the cmdlet it is about.
        function Find-UnknownParameter([string] $Text, [string] $Where) {
            $inCode = $false
            $number = 0
            foreach ($line in $Text -split '\r?\n') {
                $number++
                if ($line -match '^\s*```') { $inCode = -not $inCode; $stack = [System.Collections.Generic.Stack[string]]::new(); $current = $null; continue }
                $at = "${Where}:$number"
                if ($inCode) {
                    foreach ($match in [regex]::Matches($line, $tokenPattern)) {
                        if ($match.Groups['command'].Success) { $current = $match.Value }
                        elseif ($match.Groups['open'].Success) { $stack.Push($current); $current = $null }
                        elseif ($match.Groups['close'].Success) { $current = if ($stack.Count) { $stack.Pop() } }
                        elseif ($match.Groups['pipe'].Success) { $current = $null }
                        else { Test-Named $match.Groups['parameter'].Value $current $at }
                    }
                    continue
                }
                $bound = $null
                $end = -1
                foreach ($match in [regex]::Matches($line, $tokenPattern)) {
                    $adjacent = $end -ge 0 -and $line.Substring($end, $match.Index - $end) -match '^ +$'
                    if ($match.Groups['command'].Success) { $bound = $match.Value }
                    elseif ($match.Groups['parameter'].Success) {
                        if (-not $adjacent) { $bound = $null }
                        Test-Named $match.Groups['parameter'].Value $bound $at
                    }
                    else { $bound = $null }
                    $end = $match.Index + $match.Length
                }
            }
        }
    }

    It 'exist on the cmdlets docs/cmdlets/*.md names them for' {
        $problems = foreach ($page in Get-ChildItem (Join-Path $env:CXONERANKING_REPO_ROOT 'docs/cmdlets') -Filter *.md) {
            Find-UnknownParameter (Get-Content -Raw $page.FullName) "docs/cmdlets/$($page.Name)"
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'exist for every message of the cmdlets (string literals under src/CXoneRanking.PowerShell and Core)' {
        $sources = Get-ChildItem (Join-Path $env:CXONERANKING_REPO_ROOT 'src') -Recurse -Filter *.cs |
            Where-Object { $_.FullName -match '[\\/]CXoneRanking\.(PowerShell|Core)[\\/]' -and $_.FullName -notmatch '[\\/](obj|bin)[\\/]' }
        $problems = foreach ($source in $sources) {
            $text = Get-Content -Raw $source.FullName
            # String literals, interpolated or not; comments and identifiers are not messages.
            foreach ($literal in [regex]::Matches($text, '\$?@?"(?:[^"\\\r\n]|\\.)*"')) {
                Find-UnknownParameter $literal.Value "$($source.Name)"
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'catches a parameter that no longer exists' {
        Find-UnknownParameter 'Use Submit-SnippetRanking -LockTimeoutSeconds 5.' 'sample' | Should -Be 'sample:1: -LockTimeoutSeconds (not a parameter of Submit-SnippetRanking)'
        Find-UnknownParameter 'Raise -NoSuchTimeout.' 'sample' | Should -Be 'sample:1: -NoSuchTimeout (no exported cmdlet has it)'
        $code = "``````powershell`nImport-Csv r.csv -Delimiter ';' | New-SnippetRank -SessionId x |`n    Submit-SnippetRanking -BoostDirective (New-BoostDirective -Path d.json) -OutFile x`n``````"
        Find-UnknownParameter $code 'sample' | Should -Be 'sample:3: -OutFile (not a parameter of Submit-SnippetRanking)'
    }
}

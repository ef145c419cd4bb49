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

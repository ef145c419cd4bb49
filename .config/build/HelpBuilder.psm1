<#
    Builds the module's MAML help (en-US/CXoneRanking.PowerShell.dll-Help.xml, the file Get-Help
    looks for beside the root module's dll) from docs/cmdlets/<Verb-Noun>.md. Descriptions come
    from the markdown; parameter types, sets, positions, aliases and pipeline input come from the
    compiled cmdlets, read in a child pwsh (Export-CmdletMetadata.ps1), so they cannot go stale
    and the build process never loads the module's assemblies.

    Build-CmdletHelp fails, listing every problem at once, when an exported cmdlet has no page, a
    parameter is undocumented, a documented parameter does not exist, or a page breaks the format
    (HelpMarkdown.psm1).
#>
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'HelpMarkdown.psm1') -Force

$script:Maml = 'http://schemas.microsoft.com/maml/2004/10'
$script:Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$script:OnlineBase = 'https://github.com/cxoneranking/CXoneRanking/blob/main/docs/cmdlets'
$script:ShouldProcessHelp = [ordered]@{
    WhatIf  = 'Shows what would happen if the cmdlet runs (Submit-SnippetRanking: for each session, what would be sent; Export-BoostDirective: which file would be written; Import-CXoneExpertSearchLog: reads the site''s log and outputs what would be imported). Nothing is sent, written or audited.'
    Confirm = 'Prompts you for confirmation before each change: each session submitted, each file written, each search-log import.'
}

function Get-CmdletMetadata([string] $ManifestPath) {
    $json = [System.IO.Path]::GetTempFileName()
    try {
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Export-CmdletMetadata.ps1') `
            -ManifestPath $ManifestPath -OutputPath $json | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Could not read the cmdlets of '$ManifestPath' (exit code $LASTEXITCODE)." }
        @(Get-Content -LiteralPath $json -Raw | ConvertFrom-Json)
    }
    finally { Remove-Item -LiteralPath $json -ErrorAction SilentlyContinue }
}

function Test-CmdletHelp($Commands, $Pages, [string] $DocsPath) {
    foreach ($command in $Commands) {
        $page = $Pages[$command.Name]
        if (-not $page) { "$($command.Name) has no help page: create docs/cmdlets/$($command.Name).md"; continue }
        $page.Problems
        foreach ($parameter in $command.Parameters) {
            if (-not $page.Parameters.Contains($parameter.Name)) { "$($page.File): parameter -$($parameter.Name) of $($command.Name) is not documented (add '### -$($parameter.Name)' under '## Parameters')" }
        }
        foreach ($name in $page.Parameters.Keys) {
            if ($name -notin $command.Parameters.Name) { "$($page.File): documents -$name, which $($command.Name) does not have" }
        }
    }
    foreach ($name in $Pages.Keys) {
        if ($name -notin $Commands.Name) { "$($Pages[$name].File): $name is not a cmdlet the module exports (remove the page or export the cmdlet)" }
    }
}

function Write-Paragraph([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs) {
    $Writer.WriteStartElement('maml', 'description', $script:Maml)
    foreach ($paragraph in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $script:Maml, $paragraph) }
    $Writer.WriteEndElement()
}

function Write-TypeElement([System.Xml.XmlWriter] $Writer, [string] $Type) {
    $Writer.WriteStartElement('dev', 'type', $script:Dev)
    $Writer.WriteElementString('maml', 'name', $script:Maml, $Type)
    $Writer.WriteElementString('maml', 'uri', $script:Maml, '')
    $Writer.WriteEndElement()
}

# The type as Az and Graph show it: PSCredential, String[], Dictionary[String, Object] (no namespaces).
function Get-ShortTypeName([string] $Type) { $Type -replace '\b[A-Za-z_][A-Za-z0-9_]*\.', '' }

# One value of a parameter's metadata for its full description: the value when every set agrees,
# else each value with its sets, e.g. "0 (Boost, Exclude), named (SnippetBoost)"; Get-Help shows it as is.
function Get-PerSetText($Sets, [scriptblock] $Value) {
    $values = @($Sets | ForEach-Object { [pscustomobject]@{ Set = $_.Name; Text = [string](& $Value $_) } })
    if (@($values.Text | Select-Object -Unique).Count -eq 1) { return $values[0].Text }
    ($values | Group-Object Text | ForEach-Object { "$($_.Name) ($($_.Group.Set -join ', '))" }) -join ', '
}

# One <command:parameter>; $Set is a syntax item's view (its own Mandatory/Position) or $null for the full
# list. Get-Help shows "Required?" only as true or false: in the full list a parameter mandatory in
# some sets only is "true" when it is in the default set and mandatory there, and its description
# ends with a line naming the sets; "Position?" is shown as written, so it names each set's.
function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter, $Help, $Set, [string] $DefaultSet) {
    $sets = @($Parameter.Sets)
    $positionText = { param($s) if ($s.Position -ge 0) { [string]$s.Position } else { 'named' } }
    $mandatory = @($sets | Where-Object Mandatory)
    $inDefault = @($sets | Where-Object { $_.Name -eq $DefaultSet -or $_.Name -eq '__AllParameterSets' })
    $required = if ($Set) { $Set.Mandatory } elseif ($inDefault) { [bool]$inDefault[0].Mandatory } else { $mandatory.Count -eq $sets.Count }
    $position = if ($Set) { & $positionText $Set } else { Get-PerSetText $sets $positionText }
    $paragraphs = @($Help.Paragraphs)
    if (-not $Set -and $mandatory.Count -gt 0 -and $mandatory.Count -lt $sets.Count) {
        $optional = @($sets | Where-Object { -not $_.Mandatory })
        $paragraphs += "Required in the $($mandatory.Name -join ', ') parameter set$(if ($mandatory.Count -gt 1) { 's' }); optional in $($optional.Name -join ', ')."
    }
    $pipeline = @($sets.PipelineInput | Where-Object { $_ -ne 'False' } | Select-Object -Unique)
    $Writer.WriteStartElement('command', 'parameter', $script:Command)
    $Writer.WriteAttributeString('required', $required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $Parameter.Type.EndsWith('[]').ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $Parameter.SupportsWildcards.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $(if ($pipeline) { $pipeline -join '; ' } else { 'False' }))
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $script:Maml, $Parameter.Name)
    if (-not $Set) { Write-Paragraph $Writer $paragraphs }
    if (-not $Parameter.IsSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $script:Command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString((Get-ShortTypeName $Parameter.Type))
        $Writer.WriteEndElement()
    }
    Write-TypeElement $Writer $Parameter.Type
    $Writer.WriteElementString('dev', 'defaultValue', $script:Dev, $(if ($Help.DefaultValue) { $Help.DefaultValue } elseif ($Parameter.IsSwitch) { 'False' } else { 'None' }))
    $Writer.WriteEndElement()
}

# WhatIf and Confirm are common parameters: not in the pages, described here once for all.
function Get-ShouldProcessParameter {
    foreach ($name in $script:ShouldProcessHelp.Keys) {
        $parameter = [pscustomobject]@{
            Name = $name; Type = 'System.Management.Automation.SwitchParameter'; IsSwitch = $true; SupportsWildcards = $false
            Aliases = @(if ($name -eq 'WhatIf') { 'wi' } else { 'cf' }); Sets = @([pscustomobject]@{ Name = 'All'; Mandatory = $false; Position = -2147483648; PipelineInput = 'False' })
        }
        [pscustomobject]@{ Parameter = $parameter; Help = [pscustomobject]@{ Paragraphs = @($script:ShouldProcessHelp[$name]); DefaultValue = 'False' } }
    }
}

function Write-CommandHelp([System.Xml.XmlWriter] $Writer, $Command, $Page) {
    $byName = @{}
    foreach ($parameter in $Command.Parameters) { $byName[$parameter.Name] = [pscustomobject]@{ Parameter = $parameter; Help = $Page.Parameters[$parameter.Name] } }
    $extra = @(if ($Command.SupportsShouldProcess) { Get-ShouldProcessParameter })
    $Writer.WriteStartElement('command', 'command', $script:Command)
    $Writer.WriteStartElement('command', 'details', $script:Command)
    $Writer.WriteElementString('command', 'name', $script:Command, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $script:Command, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $script:Command, $Command.Noun)
    Write-Paragraph $Writer @($Page.Synopsis)
    $Writer.WriteEndElement()
    Write-Paragraph $Writer $Page.Description

    $Writer.WriteStartElement('command', 'syntax', $script:Command)
    foreach ($set in @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })) {
        $Writer.WriteStartElement('command', 'syntaxItem', $script:Command)
        $Writer.WriteElementString('maml', 'name', $script:Maml, $Command.Name)
        # As PowerShell lists them: positional by position, then mandatory, then the rest.
        $ordered = @($set.Parameters | Sort-Object @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ Expression = { -not $_.Mandatory } })
        foreach ($entry in $ordered) { Write-Parameter $Writer $byName[$entry.Name].Parameter $byName[$entry.Name].Help $entry }
        foreach ($item in $extra) { Write-Parameter $Writer $item.Parameter $item.Help $item.Parameter.Sets[0] }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $script:Command)
    $defaultSet = $Command.ParameterSets | Where-Object IsDefault | Select-Object -First 1 -ExpandProperty Name
    foreach ($name in $Page.Parameters.Keys) { if ($byName.ContainsKey($name)) { Write-Parameter $Writer $byName[$name].Parameter $byName[$name].Help $null $defaultSet } }
    foreach ($item in $extra) { Write-Parameter $Writer $item.Parameter $item.Help $null }
    $Writer.WriteEndElement()

    foreach ($kind in @(@('inputTypes', 'inputType', $Page.Inputs), @('returnValues', 'returnValue', $Page.Outputs))) {
        $Writer.WriteStartElement('command', $kind[0], $script:Command)
        foreach ($type in $kind[2]) {
            $Writer.WriteStartElement('command', $kind[1], $script:Command)
            Write-TypeElement $Writer $type.Type
            Write-Paragraph $Writer $type.Paragraphs
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $script:Maml)
    $Writer.WriteStartElement('maml', 'alert', $script:Maml)
    foreach ($paragraph in $Page.Notes) { $Writer.WriteElementString('maml', 'para', $script:Maml, $paragraph) }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $script:Command)
    foreach ($example in $Page.Examples) {
        $Writer.WriteStartElement('command', 'example', $script:Command)
        $Writer.WriteElementString('maml', 'title', $script:Maml, "-------------------------- $($example.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $script:Dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $script:Dev)
        # The empty paragraph leaves a blank line before the next example's title.
        foreach ($paragraph in @($example.Remarks) + '') { $Writer.WriteElementString('maml', 'para', $script:Maml, $paragraph) }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # The first link is the one Get-Help -Online opens.
    $Writer.WriteStartElement('command', 'relatedLinks', $script:Command)
    $links = @([pscustomobject]@{ Text = 'Online Version:'; Uri = "$script:OnlineBase/$($Command.Name).md" }) + @($Page.Links)
    foreach ($link in $links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $script:Maml)
        $Writer.WriteElementString('maml', 'linkText', $script:Maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $script:Maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function Build-CmdletHelp {
    <#
    .SYNOPSIS
        Validates docs/cmdlets against the laid-out module's cmdlets and writes the MAML help file.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ManifestPath,
        [Parameter(Mandatory)] [string] $DocsPath,
        [Parameter(Mandatory)] [string] $OutputPath,
        [string] $RepositoryRoot = (Split-Path (Split-Path $DocsPath))
    )
    $ManifestPath = (Resolve-Path -LiteralPath $ManifestPath).ProviderPath
    $commands = Get-CmdletMetadata $ManifestPath
    $pages = @{}
    foreach ($file in Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File) {
        $display = [System.IO.Path]::GetRelativePath($RepositoryRoot, $file.FullName) -replace '\\', '/'
        $pages[$file.BaseName] = Read-HelpMarkdown -Path $file.FullName -DisplayPath $display
    }
    $problems = @(Test-CmdletHelp $commands $pages $DocsPath)
    if ($problems) { throw "The cmdlet help is incomplete ($($problems.Count) problem(s)):`n  - " + ($problems -join "`n  - ") }

    $null = New-Item -ItemType Directory -Path (Split-Path $OutputPath) -Force
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        $writer.WriteAttributeString('xmlns', 'maml', $null, $script:Maml)
        $writer.WriteAttributeString('xmlns', 'command', $null, $script:Command)
        $writer.WriteAttributeString('xmlns', 'dev', $null, $script:Dev)
        foreach ($command in $commands) { Write-CommandHelp $writer $command $pages[$command.Name] }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
    Write-Host "Help for $($commands.Count) cmdlets written to $OutputPath"
}

Export-ModuleMember -Function Build-CmdletHelp

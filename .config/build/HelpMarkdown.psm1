<#
    Reads docs/cmdlets/<Verb-Noun>.md, the one source of the cmdlets' help. The format is strict
    so that a missing piece is an error, not a silently thinner help page:

        # Verb-Noun
        ## Synopsis         one paragraph
        ## Description      paragraphs, "- " lists, fenced code
        ## Parameters       "### -Name" per parameter: paragraphs, then optionally "Default value: x"
        ## Examples         "### Example N: title" per example: one fenced code block, then text
        ## Inputs           "### Type.Name" per input type with text, or just "None."
        ## Outputs          the same
        ## Notes            paragraphs
        ## Related Links    "- Name" or "- [Text](https://...)" per line

    Every section is required, in this order. Read-HelpMarkdown returns the parsed page and a list
    of problems (each names the file); it never throws on content.
#>
Set-StrictMode -Version Latest

$script:Sections = 'Synopsis', 'Description', 'Parameters', 'Examples', 'Inputs', 'Outputs', 'Notes', 'Related Links'

# Markdown inline marks mean nothing in a console: `code` and **bold** lose their marks, a link keeps its address.
function ConvertFrom-InlineMarkdown([string] $Text) {
    $Text = $Text -replace '\[([^\]]+)\]\(([^)]+)\)', '$1 ($2)'
    $Text = $Text -replace '\*\*([^*]+)\*\*', '$1'
    $Text -replace '`([^`]+)`', '$1'
}

<#
    Lines to paragraphs: text lines join into one paragraph, each "- " or "1. " item is its own
    paragraph, and each line of a fenced block is kept as it is (indented by four spaces).
#>
function ConvertTo-Paragraph([string[]] $Lines) {
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = $null
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            if ($current) { $paragraphs.Add((ConvertFrom-InlineMarkdown $current)); $current = $null }
            $inCode = -not $inCode
            continue
        }
        if ($inCode) { $paragraphs.Add('    ' + $line); continue }
        if ($line.Trim() -eq '') {
            if ($current) { $paragraphs.Add((ConvertFrom-InlineMarkdown $current)); $current = $null }
            continue
        }
        if ($line -match '^\s*(-|\*|\d+\.)\s+') {
            if ($current) { $paragraphs.Add((ConvertFrom-InlineMarkdown $current)) }
            $current = $line.Trim() -replace '^\*\s', '- '
            continue
        }
        $current = if ($current) { "$current $($line.Trim())" } else { $line.Trim() }
    }
    if ($current) { $paragraphs.Add((ConvertFrom-InlineMarkdown $current)) }
    , $paragraphs.ToArray()
}

# The file as "## section" -> lines before any "###", plus its "###" subsections with their lines.
function Split-HelpSection([string[]] $Lines, [System.Collections.Generic.List[string]] $Problems, [string] $File) {
    $sections = [ordered]@{}
    $section = $null
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inCode = -not $inCode }
        if (-not $inCode -and $line -match '^##\s+(.+?)\s*$' -and $line -notmatch '^###') {
            $section = [pscustomobject]@{ Name = $Matches[1]; Lines = [System.Collections.Generic.List[string]]::new(); Subsections = [System.Collections.Generic.List[object]]::new() }
            if ($sections.Contains($section.Name)) { $Problems.Add("${File}: section '## $($section.Name)' appears twice") }
            $sections[$section.Name] = $section
            continue
        }
        if (-not $section) { continue }
        if (-not $inCode -and $line -match '^###\s+(.+?)\s*$') {
            $section.Subsections.Add([pscustomobject]@{ Title = $Matches[1]; Lines = [System.Collections.Generic.List[string]]::new() })
            continue
        }
        if ($section.Subsections.Count -gt 0) { $section.Subsections[-1].Lines.Add($line) } else { $section.Lines.Add($line) }
    }
    $sections
}

function Read-ParameterHelp($Section, $Problems, [string] $File) {
    $parameters = [ordered]@{}
    foreach ($sub in $Section.Subsections) {
        if ($sub.Title -notmatch '^-([A-Za-z][A-Za-z0-9]*)$') { $Problems.Add("${File}: '### $($sub.Title)' under Parameters must be '### -ParameterName'"); continue }
        $name = $Matches[1]
        $lines = @($sub.Lines)
        $default = $null
        $last = @($lines | Where-Object { $_.Trim() }) | Select-Object -Last 1
        if ($last -and $last.Trim() -match '^Default value:\s*(.+)$') {
            $default = ConvertFrom-InlineMarkdown $Matches[1]
            $lines = @($lines | Where-Object { $_ -ne $last })
        }
        $paragraphs = ConvertTo-Paragraph $lines
        if ($paragraphs.Count -eq 0) { $Problems.Add("${File}: parameter -$name has no description") }
        $parameters[$name] = [pscustomobject]@{ Name = $name; Paragraphs = $paragraphs; DefaultValue = $default }
    }
    $parameters
}

function Read-ExampleHelp($Section, $Problems, [string] $File) {
    foreach ($sub in $Section.Subsections) {
        if ($sub.Title -notmatch '^Example \d+:\s*\S') { $Problems.Add("${File}: example title '### $($sub.Title)' must be 'Example N: what it shows'") }
        $code = [System.Collections.Generic.List[string]]::new()
        $after = [System.Collections.Generic.List[string]]::new()
        $state = 'before'
        foreach ($line in $sub.Lines) {
            if ($line -match '^\s*```') { $state = if ($state -eq 'before') { 'code' } elseif ($state -eq 'code') { 'after' } else { 'extra' }; continue }
            if ($state -eq 'code') { $code.Add($line) } elseif ($state -eq 'after') { $after.Add($line) }
            elseif ($line.Trim() -and $state -eq 'before') { $Problems.Add("${File}: '$($sub.Title)' has text before its code block") }
        }
        if ($state -eq 'extra') { $Problems.Add("${File}: '$($sub.Title)' has more than one code block") }
        if ($code.Count -eq 0) { $Problems.Add("${File}: '$($sub.Title)' has no code block") }
        $remarks = ConvertTo-Paragraph $after
        if ($remarks.Count -eq 0) { $Problems.Add("${File}: '$($sub.Title)' has no explanation after its code") }
        [pscustomobject]@{ Title = $sub.Title; Code = ($code -join "`n").TrimEnd(); Remarks = $remarks }
    }
}

# Inputs and Outputs: "### Type" subsections, or a single paragraph such as "None." for no type.
function Read-TypeHelp($Section) {
    if ($Section.Subsections.Count -eq 0) {
        $paragraphs = ConvertTo-Paragraph $Section.Lines
        if ($paragraphs.Count -eq 0) { return @() }
        return , [pscustomobject]@{ Type = 'None'; Paragraphs = $paragraphs }
    }
    foreach ($sub in $Section.Subsections) { [pscustomobject]@{ Type = $sub.Title; Paragraphs = (ConvertTo-Paragraph $sub.Lines) } }
}

function Read-LinkHelp($Section, $Problems, [string] $File) {
    foreach ($line in $Section.Lines) {
        if (-not $line.Trim()) { continue }
        if ($line -match '^\s*-\s+\[([^\]]+)\]\((https?://[^)]+)\)\s*$') { [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] } }
        elseif ($line -match '^\s*-\s+([A-Za-z][\w-]*)\s*$') { [pscustomobject]@{ Text = $Matches[1]; Uri = '' } }
        else { $Problems.Add("${File}: related link '$($line.Trim())' must be '- Name' or '- [Text](https://...)'") }
    }
}

function Read-HelpMarkdown {
    param([Parameter(Mandatory)] [string] $Path, [string] $DisplayPath = $Path)

    $problems = [System.Collections.Generic.List[string]]::new()
    $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    $expectedName = [System.IO.Path]::GetFileNameWithoutExtension($Path)
    $title = $lines | Where-Object { $_.Trim() } | Select-Object -First 1
    if ($title -ne "# $expectedName") { $problems.Add("${DisplayPath}: the first line must be '# $expectedName'") }

    $sections = Split-HelpSection $lines $problems $DisplayPath
    $names = @($sections.Keys)
    foreach ($name in $names) { if ($name -notin $script:Sections) { $problems.Add("${DisplayPath}: unknown section '## $name' (sections: $($script:Sections -join ', '))") } }
    foreach ($name in $script:Sections) { if ($name -notin $names) { $problems.Add("${DisplayPath}: section '## $name' is missing") } }
    $known = @($names | Where-Object { $_ -in $script:Sections })
    $expectedOrder = @($script:Sections | Where-Object { $_ -in $known })
    if (($known -join '|') -ne ($expectedOrder -join '|')) { $problems.Add("${DisplayPath}: sections must come in this order: $($script:Sections -join ', ')") }

    $empty = [pscustomobject]@{ Lines = @(); Subsections = @() }
    $get = { param($name) if ($sections.Contains($name)) { $sections[$name] } else { $empty } }
    $synopsis = ConvertTo-Paragraph (& $get 'Synopsis').Lines
    if ($synopsis.Count -ne 1) { $problems.Add("${DisplayPath}: the synopsis must be exactly one paragraph") }
    $description = ConvertTo-Paragraph (& $get 'Description').Lines
    if ($description.Count -eq 0) { $problems.Add("${DisplayPath}: the description is empty") }
    $examples = @(Read-ExampleHelp (& $get 'Examples') $problems $DisplayPath)
    if ($examples.Count -lt 2) { $problems.Add("${DisplayPath}: at least two examples are required ($($examples.Count) found)") }
    $notes = ConvertTo-Paragraph (& $get 'Notes').Lines
    if ($notes.Count -eq 0) { $problems.Add("${DisplayPath}: the notes are empty") }
    $inputs = @(Read-TypeHelp (& $get 'Inputs'))
    $outputs = @(Read-TypeHelp (& $get 'Outputs'))
    if ($inputs.Count -eq 0) { $problems.Add("${DisplayPath}: Inputs is empty (write 'None.' if the cmdlet takes no pipeline input)") }
    if ($outputs.Count -eq 0) { $problems.Add("${DisplayPath}: Outputs is empty (write 'None.' if the cmdlet outputs nothing)") }

    [pscustomobject]@{
        Name        = $expectedName
        File        = $DisplayPath
        Synopsis    = ($synopsis | Select-Object -First 1)
        Description = $description
        Parameters  = (Read-ParameterHelp (& $get 'Parameters') $problems $DisplayPath)
        Examples    = $examples
        Inputs      = $inputs
        Outputs     = $outputs
        Notes       = $notes
        Links       = @(Read-LinkHelp (& $get 'Related Links') $problems $DisplayPath)
        Problems    = $problems
    }
}

Export-ModuleMember -Function Read-HelpMarkdown

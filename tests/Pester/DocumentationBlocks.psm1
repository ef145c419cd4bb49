<#
.SYNOPSIS
    Finds the PowerShell a user is told to type, in the files they read it in: README.md,
    docs/*.md, docs/cmdlets/*.md (the source of Get-Help's examples) and about_CXoneRanking, so
    that Documentation.Tests.ps1 can run each block as written.
.NOTES
    The conventions (written for doc authors in docs/design.md, "Documentation that runs"):
    - Markdown: a block fenced ```powershell runs; any other fence (```text for output, ```json,
      ```sh) is shown only.
    - about_CXoneRanking.help.txt: an example is a run of lines indented by eight or more spaces
      after a blank line. A sample right under its sentence (no blank line between) is part of
      the prose, as the environment-variable table is.
    - In either, a block whose first line is `# not run: <why>` is shown but not run; the test
      lists it as skipped with that reason.
#>
Set-StrictMode -Version Latest

function New-DocumentationBlock([string] $File, [int] $Line, [string[]] $Code) {
    $first = @($Code | Where-Object { $_.Trim() } | Select-Object -First 1)
    $notRun = if ($first -and $first[0].Trim() -match '^#\s*not run:\s*(.+)$') { $Matches[1] } else { $null }
    [pscustomobject]@{ File = $File; Line = $Line; Code = ($Code -join "`n"); NotRun = $notRun; Name = "${File}:$Line" }
}

# The ```powershell blocks of one Markdown file; Line is the line of the first line of code.
function Get-MarkdownBlock([string] $Path, [string] $DisplayPath) {
    $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    $fence = $null
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($null -eq $fence) {
            if ($lines[$i] -match '^(\s*)```\s*(\S*)\s*$') {
                $fence = [pscustomobject]@{ Indent = $Matches[1].Length; Language = $Matches[2]; Start = $i + 1; Code = [System.Collections.Generic.List[string]]::new() }
            }
            continue
        }
        if ($lines[$i] -match '^\s*```\s*$') {
            if ($fence.Language -eq 'powershell') { New-DocumentationBlock $DisplayPath ($fence.Start + 1) $fence.Code }
            $fence = $null
            continue
        }
        # A fence inside a list item is indented: its code is, by as much.
        $line = $lines[$i]
        $cut = [Math]::Min($fence.Indent, $line.Length - $line.TrimStart().Length)
        $fence.Code.Add($line.Substring($cut))
    }
}

# The examples of a plain-text about topic: runs of lines indented by 8+ spaces after a blank line.
function Get-AboutTopicBlock([string] $Path, [string] $DisplayPath) {
    $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    $block = $null
    for ($i = 0; $i -le $lines.Count; $i++) {
        $line = if ($i -lt $lines.Count) { $lines[$i] } else { '' }
        $isCode = $line -match '^ {8}'
        if ($block -and ($isCode -or ($line.Trim() -eq '' -and $i + 1 -lt $lines.Count -and $lines[$i + 1] -match '^ {8}'))) {
            $block.Code.Add($(if ($line.Length -ge 8) { $line.Substring(8) } else { '' }))
            continue
        }
        if ($block) { New-DocumentationBlock $DisplayPath $block.Start $block.Code; $block = $null }
        if ($isCode -and $i -gt 0 -and $lines[$i - 1].Trim() -eq '') {
            $block = [pscustomobject]@{ Start = $i + 1; Code = [System.Collections.Generic.List[string]]::new() }
            $block.Code.Add($line.Substring(8))
        }
    }
}

<#
.SYNOPSIS
    Every PowerShell block a user reads in the repository's documentation, in file order:
    File (relative to the root), Line (of its first line of code), Code, NotRun (the reason, or
    $null) and Name ("File:Line").
#>
function Get-DocumentationBlock {
    param([Parameter(Mandatory)] [string] $RepositoryRoot)
    $markdown = @(Get-Item -LiteralPath (Join-Path $RepositoryRoot 'README.md')) +
        @(Get-ChildItem -LiteralPath (Join-Path $RepositoryRoot 'docs') -Filter '*.md' -File -Recurse | Sort-Object FullName)
    foreach ($file in $markdown) {
        Get-MarkdownBlock $file.FullName ([System.IO.Path]::GetRelativePath($RepositoryRoot, $file.FullName) -replace '\\', '/')
    }
    $about = Join-Path $RepositoryRoot 'module/en-US/about_CXoneRanking.help.txt'
    Get-AboutTopicBlock $about 'module/en-US/about_CXoneRanking.help.txt'
}

Export-ModuleMember -Function Get-DocumentationBlock

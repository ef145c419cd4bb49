<#
.SYNOPSIS
    Runs one documentation block (./block.ps1 in the working folder) the way a reader would paste
    it, after the few things the examples take as given, and reports every error it left.
.DESCRIPTION
    Run by Documentation.Tests.ps1 in a fresh pwsh whose working folder holds the fixtures, with
    CXONE_* pointing at the test's emulator, DOCS_BLOCK_FILE and DOCS_BLOCK_LINE naming where the
    block is written. Exit code: the block's own when it calls exit, 97 when it left any error
    record it does not declare (each printed as "<file>:<line>: <error id>: <message>"), 96 when
    an error it declares ("# expected error: <Id>", for an example that shows one) did not occur,
    else 0.

    Given (what the examples assume a reader already has):
    - a CXone connection and an Expert connection (Connect-CXone, Connect-CXoneExpert from CXONE_*)
    - $secret     the CXone client secret, as a SecureString
    - $token      the Expert server API token (key and secret), as a PSCredential
    - $rules      New-BoostDirective -Path ./directives.json; $current: the same rules
    - $hookSecret a callback secret, as a SecureString
    - $emulator   the running emulator (Uri, TokenUri); CXoneEmulator.psm1 is imported
    - Read-Host and Get-Credential do not prompt: they return the emulator's secret or
      credential for what their prompt names (Expert, access key, else the CXone client)
    - Invoke-Item opens nothing
#>
$emulator = [pscustomobject]@{ Uri = [uri] $env:CXONE_BASE_URI; TokenUri = [uri] "$($env:CXONE_BASE_URI)oauth/token" }
Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1')
$secret = ConvertTo-SecureString $env:CXONE_CLIENT_SECRET -AsPlainText -Force
$token = [pscredential]::new($env:CXONE_EXPERT_KEY, (ConvertTo-SecureString $env:CXONE_EXPERT_SECRET -AsPlainText -Force))
$rules = New-BoostDirective -Path ./directives.json
$current = $rules
$hookSecret = ConvertTo-SecureString 'documentation-hook-secret' -AsPlainText -Force
Connect-CXone
Connect-CXoneExpert

function Read-Host([Parameter(Position = 0)] [string] $Prompt, [switch] $AsSecureString) {
    $plain = if ($Prompt -match 'Expert') { $env:CXONE_EXPERT_SECRET } else { $env:CXONE_CLIENT_SECRET }
    if ($AsSecureString) { ConvertTo-SecureString $plain -AsPlainText -Force } else { $plain }
}

function Get-Credential([Parameter(Position = 0)] [string] $UserName, [string] $Message) {
    $user, $plain = if ($Message -match 'Expert') { $env:CXONE_EXPERT_KEY, $env:CXONE_EXPERT_SECRET }
    elseif ($Message -match 'access key') { $env:DOCS_ACCESS_KEY_ID, $env:DOCS_ACCESS_KEY_SECRET }
    else { $env:CXONE_CLIENT_ID, $env:CXONE_CLIENT_SECRET }
    [pscredential]::new($user, (ConvertTo-SecureString $plain -AsPlainText -Force))
}

function Invoke-Item { }

$Error.Clear()
try { . (Join-Path (Get-Location).ProviderPath 'block.ps1') }
catch { $null = $_ }    # already in $Error, reported below with the others

# A block that shows an error on purpose says so in a comment: "# expected error: <Id>[, <Id>]".
# Those errors are allowed, and each must occur; any other error fails the block.
$expected = @(Select-String -Path (Join-Path (Get-Location).ProviderPath 'block.ps1') -Pattern '#\s*expected error:\s*(.+)$' |
    ForEach-Object { $_.Matches[0].Groups[1].Value -split '\s*,\s*' } | Where-Object { $_ })
foreach ($id in $expected) {
    if (-not @($Error | Where-Object { "$($_.FullyQualifiedErrorId)" -like "$id,*" -or "$($_.FullyQualifiedErrorId)" -eq $id })) {
        [Console]::Error.WriteLine("$($env:DOCS_BLOCK_FILE):$($env:DOCS_BLOCK_LINE): the block says it gives the error $id, and it did not")
        exit 96
    }
}
$unexpected = @($Error | Where-Object { $record = $_; -not @($expected | Where-Object { "$($record.FullyQualifiedErrorId)" -like "$_,*" }) })

if ($unexpected.Count -gt 0) {
    $records = @($unexpected)
    [array]::Reverse($records)    # $Error is newest first
    foreach ($record in $records) {
        $line = if ($record -is [System.Management.Automation.ErrorRecord] -and $record.InvocationInfo -and
            $record.InvocationInfo.ScriptName -like '*block.ps1') { [int] $env:DOCS_BLOCK_LINE + $record.InvocationInfo.ScriptLineNumber - 1 }
        else { $env:DOCS_BLOCK_LINE }
        $id = if ($record -is [System.Management.Automation.ErrorRecord]) { $record.FullyQualifiedErrorId } else { $record.GetType().Name }
        $message = if ($record -is [System.Management.Automation.ErrorRecord]) { $record.Exception.Message } else { "$record" }
        [Console]::Error.WriteLine("$($env:DOCS_BLOCK_FILE):${line}: ${id}: $message")
    }
    exit 97
}
exit 0

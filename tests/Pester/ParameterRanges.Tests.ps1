#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Every exported cmdlet's date and number parameters, found through Get-Command, given the values
# a user can type that lie at or past the edge: [datetime]::MinValue and MaxValue (in a zone east
# of UTC, in UTC and west of it, where a local MinValue or MaxValue does not fit a DateTimeOffset),
# a time a year ahead, the numbers' MinValue, MaxValue, 0, -1, NaN and the infinities, and for every
# cmdlet with -Since and -Until a reversed range. Whatever the answer, an error must be a named one:
# never a System.* error id, never the NotSpecified category. A reversed range is InvalidTimeRange.

BeforeDiscovery {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $labels = @{
        DateTime       = 'MinValue', 'MaxValue', 'Future'
        DateTimeOffset = 'MinValue', 'MaxValue', 'Future'
        Int32          = 'MinValue', 'MaxValue', 'Zero', 'MinusOne'
        Int64          = 'MinValue', 'MaxValue', 'Zero', 'MinusOne'
        Double         = 'MinValue', 'MaxValue', 'Zero', 'MinusOne', 'NaN', 'PositiveInfinity', 'NegativeInfinity'
    }
    $zones = 'Asia/Tokyo', 'UTC', 'America/Los_Angeles'
    $cmdlets = @(Get-Command -Module CXoneRanking -CommandType Cmdlet)
    $swept = foreach ($command in $cmdlets) {
        foreach ($parameter in $command.Parameters.Values | Where-Object { $common -notcontains $_.Name }) {
            $type = $parameter.ParameterType
            if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
            if (-not $labels.ContainsKey($type.Name)) { continue }
            foreach ($value in $labels[$type.Name]) {
                foreach ($zone in @(if ($type.Name -like 'DateTime*') { $zones } else { 'UTC' })) {
                    @{ Cmdlet = $command.Name; Parameter = $parameter.Name; Type = $type.Name; Value = $value; Zone = $zone }
                }
            }
        }
    }
    $ranged = @($cmdlets | Where-Object { $_.Parameters.ContainsKey('Since') -and $_.Parameters.ContainsKey('Until') } |
            ForEach-Object { @{ Cmdlet = $_.Name } })
    $sweptCmdlets = @($swept | ForEach-Object { $_.Cmdlet } | Sort-Object -Unique | ForEach-Object { @{ Cmdlet = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $key = 'ranges-key'
    $secret = 'Ranges-Secret-58a2'
    $clientSecret = ConvertTo-SecureString 'Ranges-Client-Secret-1b7e' -AsPlainText -Force
    $emulator = Start-CXoneEmulator -ArgumentList '--client-id', 'ranges', '--client-secret', 'Ranges-Client-Secret-1b7e',
        '--expert-key', $key, '--expert-secret', $secret, '--expert-history', '40', '--seed', '5'
    $token = [pscredential]::new($key, (ConvertTo-SecureString $secret -AsPlainText -Force))
    $audit = Join-Path $TestDrive 'audit'
    Connect-CXone -BaseUri $emulator.Uri -ClientId ranges -ClientSecret $clientSecret -AuditPath $audit
    Connect-CXoneExpert -Site $emulator.Uri -Credential $token -User '=admin'
    # A log with imported searches and their clicks, and a click of a session, for the cmdlets that read it.
    $null = Import-CXoneExpertSearchLog -Path $audit
    Add-SnippetClick -SessionId 's-1' -SnippetId 'KB-001' -RankPosition 1 -Path $audit
    $originalZone = $env:TZ

    # Arguments that make each cmdlet run for real (no prompt, nothing sent), so only the swept value can go wrong.
    function Get-BaseArgument([string] $Cmdlet) {
        switch ($Cmdlet) {
            'Add-SnippetClick' { @{ SessionId = 's-1'; SnippetId = 'KB-001'; RankPosition = 1; Path = $audit } }
            'Connect-CXone' { @{ BaseUri = $emulator.Uri; ClientId = 'ranges'; ClientSecret = $clientSecret; AuditPath = $audit } }
            'Connect-CXoneExpert' { @{ Site = $emulator.Uri; Credential = $token; User = '=admin' } }
            'Export-RankingAuditLog' { @{ AuditPath = $audit; Destination = (Join-Path $TestDrive 'export'); Format = 'JsonLines' } }
            'Export-RankingReport' { @{ AuditPath = $audit; Path = (Join-Path $TestDrive 'report.html') } }
            'Get-RankingExperiment' { @{ Path = $audit } }
            'Get-RankingHistory' { @{ SessionId = 's-1'; Path = $audit } }
            'Get-RankingMetrics' { @{ Path = $audit } }
            'Measure-RankingChange' { @{ BoostDirective = @(); Path = $audit; Resamples = 20; WarningAction = 'SilentlyContinue' } }
            'Get-SnippetBoostSuggestion' { @{ Path = $audit; WarningAction = 'SilentlyContinue' } }
            'Import-CXoneExpertSearchLog' { @{ Path = $audit; WhatIf = $true } }
            'New-BoostDirective' { @{ SnippetId = 'KB-001'; Factor = 1.5 } }
            'New-SnippetRank' { @{ SessionId = 's-1'; SnippetId = 'KB-001'; RelevanceScore = 0.5 } }
            'Search-CXoneExpert' { @{ Query = 'refund' } }
            'Set-RankingAuditPolicy' { @{ AuditPath = (Join-Path $TestDrive 'policy-audit') } }
            'Submit-SnippetRanking' { @{ InputObject = @(New-TestRank 's-1'); WhatIf = $true } }
            'Test-RankingPayload' { @{ InputObject = @(New-TestRank 's-1') } }
            default { $null }
        }
    }

    function Get-SweptValue([string] $Type, [string] $Value) {
        $class = switch ($Type) { 'DateTime' { [datetime] } 'DateTimeOffset' { [datetimeoffset] } 'Int32' { [int] } 'Int64' { [long] } 'Double' { [double] } }
        switch ($Value) {
            'Future' { if ($Type -eq 'DateTime') { (Get-Date).AddYears(1) } else { [datetimeoffset]::Now.AddYears(1) } }
            'Zero' { $class::new() }
            'MinusOne' { -1 -as $class }
            default { $class::$Value }
        }
    }

    # Every error the call raised, terminating or not; a binding error is one too.
    function Invoke-Swept([string] $Cmdlet, [hashtable] $Arguments) {
        $raised = @()
        try {
            $null = & $Cmdlet @Arguments -ErrorAction SilentlyContinue -ErrorVariable nonTerminating
            $raised += @($nonTerminating)
        }
        catch {
            $raised += @($nonTerminating) + $_
        }
        @($raised | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }

    function Set-Zone([string] $Zone) {
        $env:TZ = $Zone
        [TimeZoneInfo]::ClearCachedData()
    }
}

AfterAll {
    $env:TZ = $originalZone
    [TimeZoneInfo]::ClearCachedData()
    Disconnect-CXone -ErrorAction SilentlyContinue
    Disconnect-CXoneExpert -ErrorAction SilentlyContinue
    if ($emulator) { Stop-CXoneEmulator $emulator }
}

Describe 'Date and number parameters at their edges' {
    It 'knows how to run <Cmdlet>' -ForEach $sweptCmdlets {
        Get-BaseArgument $Cmdlet | Should -Not -BeNullOrEmpty -Because 'a cmdlet with date or number parameters needs base arguments here'
    }

    It '<Cmdlet> -<Parameter> [<Type>]::<Value> (TZ <Zone>) gives named errors only' -ForEach $swept {
        $arguments = Get-BaseArgument $Cmdlet
        $arguments[$Parameter] = Get-SweptValue $Type $Value
        Set-Zone $Zone
        try { $errors = Invoke-Swept $Cmdlet $arguments }
        finally { Set-Zone $originalZone }

        foreach ($record in $errors) {
            $record.FullyQualifiedErrorId | Should -Not -Match '^System\.' -Because "$($record.Exception.GetType().FullName): $($record.Exception.Message)"
            $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified' -Because "$($record.FullyQualifiedErrorId): $($record.Exception.Message)"
        }
    }
}

Describe 'A reversed time range' {
    It '<Cmdlet> -Since later than -Until is InvalidTimeRange, not zeros' -ForEach $ranged {
        $arguments = Get-BaseArgument $Cmdlet
        $arguments.Since = (Get-Date).AddDays(-1)
        $arguments.Until = (Get-Date).AddDays(-2)

        $errors = Invoke-Swept $Cmdlet $arguments

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimeRange,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }
}

Describe 'A DateTimeOffset for -Since and -Until' {
    # What Get-RankingHistory's Timestamp is: "explain, then measure from then on" passes it straight on.
    It '<Cmdlet> takes -Since and -Until as [DateTimeOffset], as the instants they are' -ForEach $ranged {
        $arguments = Get-BaseArgument $Cmdlet
        # 01:00 and 04:00 UTC: in order as instants, reversed as clock readings.
        $arguments.Since = [datetimeoffset]::new(2026, 12, 7, 10, 0, 0, [timespan]::FromHours(9))
        $arguments.Until = [datetimeoffset]::new(2026, 12, 6, 20, 0, 0, [timespan]::FromHours(-8))
        $inOrder = Invoke-Swept $Cmdlet $arguments
        $arguments.Until = [datetimeoffset]::new(2026, 12, 6, 16, 0, 0, [timespan]::FromHours(-8))   # 00:00 UTC
        if ($Cmdlet -eq 'Export-RankingReport') { $arguments.Path = Join-Path $TestDrive 'offset-report.html' }   # not the one just written
        $reversed = Invoke-Swept $Cmdlet $arguments

        $wrong = @($inOrder | Where-Object { $_.Exception -is [System.Management.Automation.ParameterBindingException] -or $_.FullyQualifiedErrorId -like 'InvalidTimeRange,*' })
        $wrong.Count | Should -Be 0 -Because "$($wrong | ForEach-Object { $_.Exception.Message })"
        $reversed.Count | Should -Be 1
        $reversed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTimeRange,*'
    }
}

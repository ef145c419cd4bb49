<#
.SYNOPSIS
    Writes the exported cmdlets of a laid-out module, with their parameters and parameter sets,
    as JSON. The help builder runs this in a child pwsh, so the build process itself never loads
    the module's assemblies.
#>
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$module = Import-Module $ManifestPath -PassThru
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

# The name a reader expects: System.Double for double?, CXoneRanking.BoostDirective[] for arrays.
function Get-FriendlyTypeName([type] $Type) {
    if ($Type.IsArray) { return (Get-FriendlyTypeName $Type.GetElementType()) + '[]' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-FriendlyTypeName $underlying }
    if ($Type.IsGenericType) {
        $arguments = ($Type.GetGenericArguments() | ForEach-Object { Get-FriendlyTypeName $_ }) -join ', '
        return ($Type.GetGenericTypeDefinition().FullName -replace '`\d+$', '') + "[$arguments]"
    }
    $Type.FullName
}

function Get-PipelineInput($Set) {
    $kinds = @(if ($Set.ValueFromPipelineByPropertyName) { 'ByPropertyName' }; if ($Set.ValueFromPipeline) { 'ByValue' })
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

$commands = foreach ($name in @($module.ExportedCmdlets.Keys | Sort-Object)) {
    $command = $module.ExportedCmdlets[$name]
    $parameters = foreach ($parameter in $command.Parameters.Values) {
        if ($parameter.Name -in $common) { continue }
        [ordered]@{
            Name             = $parameter.Name
            Type             = Get-FriendlyTypeName $parameter.ParameterType
            IsSwitch         = $parameter.SwitchParameter
            Aliases          = @($parameter.Aliases)
            SupportsWildcards = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            Sets             = @(foreach ($entry in $parameter.ParameterSets.GetEnumerator()) {
                    [ordered]@{
                        Name          = $entry.Key
                        Mandatory     = $entry.Value.IsMandatory
                        Position      = $entry.Value.Position
                        PipelineInput = Get-PipelineInput $entry.Value
                    }
                })
        }
    }
    [ordered]@{
        Name                  = $command.Name
        Verb                  = $command.Verb
        Noun                  = $command.Noun
        SupportsShouldProcess = $command.Parameters.ContainsKey('WhatIf')
        Parameters            = @($parameters)
        ParameterSets         = @(foreach ($set in $command.ParameterSets) {
                [ordered]@{
                    Name       = $set.Name
                    IsDefault  = $set.IsDefault
                    Parameters = @($set.Parameters | Where-Object Name -NotIn $common | ForEach-Object {
                            [ordered]@{ Name = $_.Name; Mandatory = $_.IsMandatory; Position = $_.Position }
                        })
                }
            })
    }
}
ConvertTo-Json -InputObject @($commands) -Depth 8 | Set-Content -LiteralPath $OutputPath -Encoding utf8

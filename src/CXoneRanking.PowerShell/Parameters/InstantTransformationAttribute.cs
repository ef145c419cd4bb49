using System.Management.Automation;

namespace CXoneRanking.PowerShell.Parameters;

/// <summary>
/// Lets -Since and -Until (a DateTime, see <see cref="TimeRangeParameters"/>) take a DateTimeOffset, as
/// Get-RankingHistory's <c>Timestamp</c> and the audit entries' times are: PowerShell has no conversion of its own
/// between the two. The offset names one instant, so it becomes that instant's UTC DateTime; everything else passes
/// through for PowerShell to convert as before.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class InstantTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is DateTimeOffset instant ? instant.UtcDateTime : inputData;
}

using System.Management.Automation;
using CXoneRanking.PowerShell.Connections;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Forgets the CXone connection and its token.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "CXone")]
[OutputType(typeof(void))]
public sealed class DisconnectCXoneCommand : PSCmdlet
{
    /// <summary>A connection from Connect-CXone -PassThru; by default, this runspace's current one.</summary>
    [Parameter(ValueFromPipeline = true)]
    public CXoneConnection? Connection { get; set; }

    protected override void ProcessRecord()
    {
        var current = ConnectionStore.Current(this);
        var target = Connection ?? current;
        if (target is null)
        {
            WriteVerbose("Not connected; nothing to forget.");
            return;
        }
        if (ReferenceEquals(target, current)) ConnectionStore.Clear(this);
        target.Dispose();
        WriteVerbose($"Disconnected: {target}.");
    }
}

using System.Management.Automation;
using CXoneRanking.Expert;
using CXoneRanking.PowerShell.Connections;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Forgets the CXone Expert connection and erases its copy of the token secret.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "CXoneExpert")]
[OutputType(typeof(void))]
public sealed class DisconnectCXoneExpertCommand : PSCmdlet
{
    /// <summary>A connection from Connect-CXoneExpert -PassThru; by default, this runspace's current one.</summary>
    [Parameter(ValueFromPipeline = true)]
    public ExpertConnection? Connection { get; set; }

    protected override void ProcessRecord()
    {
        var current = ExpertConnectionStore.Current(this);
        var target = Connection ?? current;
        if (target is null)
        {
            WriteVerbose("Not connected to CXone Expert; nothing to forget.");
            return;
        }
        if (ReferenceEquals(target, current)) ExpertConnectionStore.Clear(this);
        target.Dispose();
        WriteVerbose($"Disconnected: {target}.");
    }
}

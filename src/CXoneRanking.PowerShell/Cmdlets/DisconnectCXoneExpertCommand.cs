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
        // A connection a script built itself is the script's to dispose: it is forgotten, not closed.
        WriteVerbose(ExpertConnectionStore.CloseIfMadeHere(target)
            ? $"Disconnected: {target}."
            : $"Forgot {target}; it was not made by Connect-CXoneExpert, so it stays open for whoever made it.");
    }
}

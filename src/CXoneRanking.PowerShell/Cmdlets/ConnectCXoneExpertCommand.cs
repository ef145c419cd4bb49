using System.Management.Automation;
using System.Security;
using CXoneRanking.Api;
using CXoneRanking.Expert;
using CXoneRanking.PowerShell.Async;
using CXoneRanking.PowerShell.Connections;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Signs in to a CXone Expert site with a server API token and keeps the connection for this runspace.</summary>
[Cmdlet(VerbsCommunications.Connect, "CXoneExpert", DefaultParameterSetName = WithCredential)]
[OutputType(typeof(ExpertConnection))]
public sealed class ConnectCXoneExpertCommand : PSCmdlet, IDisposable
{
    private const string WithCredential = "Credential";
    private const string WithKey = "Key";
    private readonly CmdletAsyncBridge _async = new();

    /// <summary>The Expert site, e.g. https://help.example.com; default $env:CXONE_EXPERT_SITE.</summary>
    [Parameter(Position = 0)]
    public Uri? Site { get; set; }

    /// <summary>The server API token: its key as user name, its secret as password.</summary>
    [Parameter(ParameterSetName = WithCredential)]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    /// <summary>The server API token's key; default $env:CXONE_EXPERT_KEY.</summary>
    [Parameter(ParameterSetName = WithKey)]
    [ValidateNotNullOrEmpty]
    public string? Key { get; set; }

    /// <summary>The server API token's secret; default $env:CXONE_EXPERT_SECRET.</summary>
    [Parameter(ParameterSetName = WithKey)]
    public SecureString? Secret { get; set; }

    /// <summary>Who the token signs in as: an Expert user id, or = and a username (=admin); default $env:CXONE_EXPERT_USER.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? User { get; set; }

    /// <summary>The audit directory Import-CXoneExpertSearchLog and Add-SnippetClick -Expert use when given no -AuditPath.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AuditPath { get; set; }

    [Parameter]
    [ValidateRange(1, ExpertSettings.MaxAttemptsLimit)]
    public int MaxAttempts { get; set; } = ExpertSettings.DefaultMaxAttempts;

    /// <summary>Seconds one HTTP attempt may take.</summary>
    [Parameter]
    [Alias("RequestTimeout")]
    [ValidateRange(1, ExpertSettings.MaxRequestTimeoutSeconds)]
    public int RequestTimeoutSec { get; set; } = ExpertSettings.DefaultRequestTimeoutSeconds;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var withCredential = Credential != PSCredential.Empty;
        var request = new ExpertConnectionRequest
        {
            Site = Site,
            Key = withCredential ? Credential.UserName : Key,
            Secret = withCredential ? Credential.Password : Secret,
            User = User,
            AuditPath = AuditPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(AuditPath),
            MaxAttempts = MaxAttempts,
            RequestTimeoutSeconds = RequestTimeoutSec,
        };
        var settings = request.ToSettings(System.Environment.GetEnvironmentVariable, out var problem);
        if (settings is null)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidConnectionSettings", $"Cannot connect to CXone Expert: {problem}.",
                EndpointPolicy.WithoutUserInfo(Site),
                ConnectionAdvice.FixSettings("Connect-CXoneExpert")));
            return;
        }
        ExpertConnection? connection = null;
        try
        {
            var site = settings.Site!.GetLeftPart(UriPartial.Authority);
            WriteVerbose($"Checking the server API token (key {settings.Key}) for '{settings.User}' at {site}.");
            _async.Run(async stop => connection = await ExpertConnection.ConnectAsync(settings, stop).ConfigureAwait(false));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidConnectionSettings", e.Message,
                EndpointPolicy.WithoutUserInfo(Site),
                ConnectionAdvice.FixSettings("Connect-CXoneExpert")));
        }
        catch (ExpertApiException e)
        {
            ThrowTerminatingError(ExpertErrorRecords.Connect(e, settings.Site));
        }
        catch (OperationCanceledException)
        {
            return; // Ctrl+C: nothing was stored
        }
        // The connection it replaces is closed (its sockets and its copy of the secret) if this module made it;
        // a script that kept it from -PassThru gets ConnectionClosed if it uses it again (docs/design.md#cxone-expert).
        ExpertConnectionStore.Replace(this, connection!);
        WriteVerbose($"Connected: {connection} (signed in as {connection!.SignedInAs}).");
        if (PassThru) WriteObject(connection);
    }

    protected override void StopProcessing() => _async.Stop();

    public void Dispose() => _async.Dispose();
}

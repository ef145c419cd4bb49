using System.Management.Automation;
using System.Security;
using CXoneRanking.Api;
using CXoneRanking.PowerShell.Async;
using CXoneRanking.PowerShell.Connections;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// Signs in to a CXone tenant (OAuth2 client credentials, or a CXone access key with OpenID discovery) and keeps the connection for this runspace.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "CXone", DefaultParameterSetName = WithSecret)]
[OutputType(typeof(CXoneConnection))]
public sealed class ConnectCXoneCommand : PSCmdlet
{
    private const string WithSecret = "ClientSecret";
    private const string WithCredential = "Credential";
    // The access-key sets: the application's id and secret as -ClientId/-ClientSecret, or as -Credential.
    private const string WithAccessKey = "AccessKey";
    private const string WithAccessKeyCredential = "AccessKeyCredential";
    private readonly CmdletAsyncBridge _async = new();

    /// <summary>The tenant's environment name: the API is https://{Environment}.api.cxone.com.</summary>
    [Parameter(Position = 0)]
    [ValidatePattern("^[A-Za-z0-9][A-Za-z0-9.-]*$")]
    public string? Environment { get; set; }

    [Parameter]
    public Uri? BaseUri { get; set; }

    [Parameter(ParameterSetName = WithSecret)]
    [Parameter(ParameterSetName = WithAccessKey)]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    [Parameter(ParameterSetName = WithSecret)]
    [Parameter(ParameterSetName = WithAccessKey)]
    public SecureString? ClientSecret { get; set; }

    /// <summary>The client id as user name and the client secret as password.</summary>
    [Parameter(ParameterSetName = WithCredential, Mandatory = true)]
    [Parameter(ParameterSetName = WithAccessKeyCredential, Mandatory = true)]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    [Parameter(ParameterSetName = WithSecret)]
    [Parameter(ParameterSetName = WithCredential)]
    public Uri? TokenUri { get; set; }

    [Parameter(ParameterSetName = WithSecret)]
    [Parameter(ParameterSetName = WithCredential)]
    [ValidateNotNullOrEmpty]
    public string[]? Scope { get; set; }

    /// <summary>The OpenID issuer whose discovery documents name the token and API endpoints.</summary>
    [Parameter(ParameterSetName = WithAccessKey)]
    [Parameter(ParameterSetName = WithAccessKeyCredential)]
    public Uri? Issuer { get; set; }

    /// <summary>The access key id as user name and the access key secret as password.</summary>
    [Parameter(ParameterSetName = WithAccessKey)]
    [Parameter(ParameterSetName = WithAccessKeyCredential, Mandatory = true)]
    [Credential]
    public PSCredential AccessKey { get; set; } = PSCredential.Empty;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RankingPathTemplate { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SessionPathTemplate { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AuditPath { get; set; }

    [Parameter]
    [ValidateRange(1, ConnectionSettings.MaxAttemptsLimit)]
    public int MaxAttempts { get; set; } = ConnectionSettings.DefaultMaxAttempts;

    /// <summary>Seconds one HTTP attempt may take.</summary>
    [Parameter]
    [Alias("RequestTimeout")]
    [ValidateRange(1, ConnectionSettings.MaxRequestTimeoutSeconds)]
    public int RequestTimeoutSec { get; set; } = ConnectionSettings.DefaultRequestTimeoutSeconds;

    /// <summary>Seconds one session's submission may take in all.</summary>
    [Parameter]
    [Alias("TotalTimeout")]
    [ValidateRange(1, ConnectionSettings.MaxTotalTimeoutSeconds)]
    public int TotalTimeoutSec { get; set; } = ConnectionSettings.DefaultTotalTimeoutSeconds;

    /// <summary>At most this many ranking requests per second (client-side), for shared tenants.</summary>
    [Parameter]
    [ValidateRange(0.1, 10000)]
    public double? RateLimit { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var withCredential = ParameterSetName is WithCredential or WithAccessKeyCredential;
        var withAccessKey = AccessKey != PSCredential.Empty;
        var request = new ConnectionRequest
        {
            Environment = Environment, BaseUri = BaseUri, TokenUri = TokenUri, Scope = Scope,
            ClientId = withCredential ? Credential.UserName : ClientId,
            ClientSecret = withCredential ? Credential.Password : ClientSecret,
            UseAccessKey = ParameterSetName is WithAccessKey or WithAccessKeyCredential,
            Issuer = Issuer,
            AccessKeyId = withAccessKey ? AccessKey.UserName : null,
            AccessKeySecret = withAccessKey ? AccessKey.Password : null,
            RankingPathTemplate = RankingPathTemplate, SessionPathTemplate = SessionPathTemplate,
            AuditPath = AuditPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(AuditPath),
            MaxAttempts = MaxAttempts, RequestTimeoutSeconds = RequestTimeoutSec, TotalTimeoutSeconds = TotalTimeoutSec, RateLimit = RateLimit,
        };
        var settings = request.ToSettings(out var problem);
        if (settings is null)
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidConnectionSettings", $"Cannot connect to CXone: {problem}.",
                EndpointPolicy.WithoutUserInfo(BaseUri) ?? (object?)Environment, ConnectionAdvice.FixSettings("Connect-CXone")));

        CXoneConnection? connection = null;
        try
        {
            WriteVerbose(ConnectionMessages.Starting(settings!));
            _async.Run(async stop => connection = await CXoneConnection.ConnectAsync(settings!, stop).ConfigureAwait(false));
        }
        catch (CXoneAuthenticationException e) when (e.RedirectLocation is not null)
        {
            ThrowTerminatingError(ErrorRecords.Create(e, "RedirectRefused", ErrorCategory.SecurityError,
                settings!.Credentials?.TokenUri ?? settings.AccessKey?.Issuer,
                "Give the endpoint's own https address (-TokenUri, -Issuer or -Environment). The secret is never sent on through a redirect."));
        }
        catch (CXoneAuthenticationException e)
        {
            var unreachable = e.HttpStatus is null;
            var errorId = unreachable ? "TokenEndpointUnreachable" : "AuthenticationFailed";
            var category = unreachable ? ErrorCategory.ConnectionError : ErrorCategory.AuthenticationError;
            var action = unreachable ? ConnectionAdvice.CheckTokenEndpoint : ConnectionAdvice.CheckCredentials;
            ThrowTerminatingError(ErrorRecords.Create(e, errorId, category, settings!.Credentials?.TokenUri ?? settings.AccessKey?.Issuer, action));
        }
        // Described before it is kept: a connection whose description fails is never the current one.
        // The connection it replaces is not closed: a script may still hold it from -PassThru.
        WriteVerbose(ConnectionMessages.Connected(connection!));
        ConnectionStore.Set(this, connection!);
        if (PassThru) WriteObject(connection);
    }

    protected override void StopProcessing() => _async.Stop();
}

namespace CXoneRanking.PowerShell.Errors;

/// <summary>
/// What to do when Connect-CXone or Connect-CXoneExpert fails: the recommended actions of their
/// errors, which name the parameters to check and never a secret.
/// </summary>
internal static class ConnectionAdvice
{
    /// <summary>The token endpoint answered and refused the sign-in (AuthenticationFailed).</summary>
    public const string CheckCredentials =
        "Check the client id and secret (or the access key) and -Scope against the application registered in CXone, "
        + "and that -Environment, -TokenUri or -Issuer names your tenant's sign-in; then run Connect-CXone again.";

    /// <summary>No answer from the token endpoint, or one that could not be read (TokenEndpointUnreachable).</summary>
    public const string CheckTokenEndpoint =
        "Check the address (-Environment, -TokenUri or -Issuer), the network and any proxy from this machine, "
        + "or raise -RequestTimeoutSec; then run Connect-CXone again.";

    /// <summary>The parameters cannot make a connection (InvalidConnectionSettings); the message says which.</summary>
    public static string FixSettings(string cmdlet) =>
        $"Correct what the message names and run {cmdlet} again; its help (Get-Help {cmdlet}) lists the parameters and environment variables.";
}

namespace CXoneRanking.Emulator;

/// <summary>
/// The issuer's discovery documents, pointing back at this emulator: <c>/.well-known/openid-configuration</c>
/// (the token endpoint) and <c>/.well-known/cxone-configuration?tenantId=</c> (the API endpoint), so a
/// client that signs in with an access key discovers everything from one address, as with CXone.
/// </summary>
internal sealed class DiscoveryEndpoints(EmulatorState state)
{
    public static readonly string[] GrantTypes = ["client_credentials", "password", "refresh_token"];
    public static readonly string[] AuthMethods = ["client_secret_basic", "client_secret_post"];

    public Task OpenIdConfigurationAsync(HttpContext context)
    {
        var self = Self(context);
        context.JournalNote().Record(JournalOutcome.Discovery, "openid-configuration");
        return JsonReply.WriteAsync(context, StatusCodes.Status200OK,
            new OpenIdConfiguration(self, self + "/oauth/token", GrantTypes, AuthMethods, ["HS256"]),
            EmulatorJsonContext.Default.OpenIdConfiguration);
    }

    public Task CXoneConfigurationAsync(HttpContext context)
    {
        var tenants = context.Request.Query["tenantId"];
        if (tenants.Count != 1 || string.IsNullOrEmpty(tenants[0]))
        {
            context.JournalNote().Record(JournalOutcome.Rejected, "missing_tenant_id");
            return JsonReply.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "tenantId is required once");
        }

        if (!string.Equals(tenants[0], state.Options.TenantId, StringComparison.Ordinal))
        {
            context.JournalNote().Record(JournalOutcome.NotFound, "unknown_tenant");
            return JsonReply.WriteErrorAsync(context, StatusCodes.Status404NotFound, "unknown_tenant", "no such tenant");
        }

        context.JournalNote().Record(JournalOutcome.Discovery, "cxone-configuration");
        return JsonReply.WriteAsync(context, StatusCodes.Status200OK,
            new CXoneConfiguration(state.Options.TenantId, Self(context)), EmulatorJsonContext.Default.CXoneConfiguration);
    }

    /// <summary>This emulator's own address as the client reached it (it listens on loopback only).</summary>
    public static string Self(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
}

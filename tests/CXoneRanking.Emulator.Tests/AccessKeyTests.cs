using System.Net.Http.Headers;
using System.Text;

namespace CXoneRanking.Emulator.Tests;

public sealed class AccessKeyTests
{
    private const string KeyId = "key-id-1";
    private const string KeySecret = "key-secret-Zq9-never-logged";
    private const string Tenant = "tenant-under-test";

    private static Task<EmulatorServer> StartAsync(params string[] more) =>
        EmulatorServer.StartAsync(["--access-key-id", KeyId, "--access-key-secret", KeySecret, "--tenant-id", Tenant, .. more]);

    private static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(id) + ":" + Uri.EscapeDataString(secret))));

    private static Task<HttpResponseMessage> PostGrantAsync(EmulatorServer server, Dictionary<string, string> form, AuthenticationHeaderValue? basic)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = basic;
        return server.Http.SendAsync(request);
    }

    private static Dictionary<string, string> PasswordForm(string secret = KeySecret) =>
        new() { ["grant_type"] = "password", ["username"] = KeyId, ["password"] = secret };

    private static AuthenticationHeaderValue GoodClient => Basic(EmulatorServer.ClientId, EmulatorServer.ClientSecret);

    [Fact]
    public async Task OpenId_configuration_points_the_token_endpoint_at_the_emulator()
    {
        await using var server = await StartAsync();

        var document = await server.GetJsonAsync("/.well-known/openid-configuration");

        var self = server.BaseUri.GetLeftPart(UriPartial.Authority);
        Assert.Equal(self, document.GetProperty("issuer").GetString());
        Assert.Equal(self + "/oauth/token", document.GetProperty("token_endpoint").GetString());
        Assert.Contains("password", document.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("client_secret_basic", document.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task CXone_configuration_names_the_emulator_as_the_tenants_api_endpoint()
    {
        await using var server = await StartAsync();

        var document = await server.GetJsonAsync($"/.well-known/cxone-configuration?tenantId={Tenant}");

        Assert.Equal(server.BaseUri.GetLeftPart(UriPartial.Authority), document.GetProperty("api_endpoint").GetString());
        Assert.Equal(Tenant, document.GetProperty("tenantId").GetString());
        await server.GetJsonAsync("/.well-known/cxone-configuration?tenantId=other", HttpStatusCode.NotFound);
        await server.GetJsonAsync("/.well-known/cxone-configuration", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_password_grant_answers_tokens_and_an_id_token_with_the_tenant_id()
    {
        await using var server = await StartAsync("--token-lifetime", "300");

        using var response = await PostGrantAsync(server, PasswordForm(), GoodClient);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var json = await EmulatorServer.ReadJsonAsync(response);
        Assert.Equal(300, json.GetProperty("expires_in").GetInt32());
        Assert.StartsWith("rt-", json.GetProperty("refresh_token").GetString(), StringComparison.Ordinal);
        var parts = json.GetProperty("id_token").GetString()!.Split('.');
        Assert.Equal(3, parts.Length);
        using var claims = JsonDocument.Parse(Convert.FromBase64String(Pad(parts[1])));
        Assert.Equal(Tenant, claims.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal(KeyId, claims.RootElement.GetProperty("sub").GetString());
        var bearer = json.GetProperty("access_token").GetString();
        using var status = await server.GetStatusAsync("s-1", bearer);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_successor_works_next()
    {
        await using var server = await StartAsync();
        using var first = await PostGrantAsync(server, PasswordForm(), GoodClient);
        var refresh1 = (await EmulatorServer.ReadJsonAsync(first)).GetProperty("refresh_token").GetString()!;

        using var second = await PostGrantAsync(server, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh1 }, GoodClient);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var refresh2 = (await EmulatorServer.ReadJsonAsync(second)).GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(refresh1, refresh2);

        using var replay = await PostGrantAsync(server, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh1 }, GoodClient);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", (await EmulatorServer.ReadJsonAsync(replay)).GetProperty("error").GetString());

        (await server.PostControlAsync("/_emulator/refresh-tokens/revoke", "{}")).Dispose();
        using var revoked = await PostGrantAsync(server, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh2 }, GoodClient);
        Assert.Equal(HttpStatusCode.BadRequest, revoked.StatusCode);
    }

    [Fact]
    public async Task Basic_credentials_are_form_decoded_as_RFC_6749_says()
    {
        await using var server = await EmulatorServer.StartAsync("--client-id", "app:1", "--client-secret", "p%+ w:é", "--access-key-id", KeyId, "--access-key-secret", KeySecret);

        using var encoded = await PostGrantAsync(server, PasswordForm(), Basic("app:1", "p%+ w:é"));
        Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
    }

    public static TheoryData<string, string?, HttpStatusCode, string> Refusals => new()
    {
        { "no Basic header", null, HttpStatusCode.Unauthorized, "invalid_client" },
        { "wrong client secret", "wrong", HttpStatusCode.Unauthorized, "invalid_client" },
        { "wrong access key secret", "key", HttpStatusCode.BadRequest, "invalid_grant" },
        { "secret in the form too", "form", HttpStatusCode.BadRequest, "invalid_request" },
        { "no password", "nopassword", HttpStatusCode.BadRequest, "invalid_request" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Bad_access_key_requests_get_the_OAuth_error(string why, string? variant, HttpStatusCode status, string error)
    {
        await using var server = await StartAsync();
        var form = PasswordForm(variant == "key" ? "wrong" : KeySecret);
        if (variant == "form") form["client_secret"] = EmulatorServer.ClientSecret;
        if (variant == "nopassword") form.Remove("password");
        var basic = variant switch { null => null, "wrong" => Basic(EmulatorServer.ClientId, "wrong"), _ => GoodClient };

        using var response = await PostGrantAsync(server, form, basic);

        Assert.True(status == response.StatusCode, why);
        Assert.Equal(error, (await EmulatorServer.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_journal_keeps_no_secret_refresh_token_or_id_token()
    {
        await using var server = await StartAsync();
        using var first = await PostGrantAsync(server, PasswordForm(), GoodClient);
        var json = await EmulatorServer.ReadJsonAsync(first);
        var refresh = json.GetProperty("refresh_token").GetString()!;
        (await PostGrantAsync(server, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh }, GoodClient)).Dispose();
        (await server.Http.GetAsync($"/.well-known/cxone-configuration?tenantId={Tenant}")).Dispose();

        var journal = await server.JournalAsync();
        var text = string.Join("\n", journal.Select(e => e.GetRawText()));

        Assert.Equal(["password", "refresh_token", "cxone-configuration"], journal.Select(e => e.GetProperty("detail").GetString()));
        Assert.Equal("/.well-known/cxone-configuration", journal[2].GetProperty("path").GetString());
        foreach (var secret in new[] { KeySecret, EmulatorServer.ClientSecret, refresh, json.GetProperty("id_token").GetString()!, json.GetProperty("access_token").GetString()! })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
    }
}

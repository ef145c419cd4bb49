using System.Text;

namespace CXoneRanking.Emulator.Tests;

public sealed class TokenEndpointTests
{
    [Fact]
    public async Task Good_client_credentials_get_a_bearer_token_that_must_not_be_cached()
    {
        await using var server = await EmulatorServer.StartAsync("--token-lifetime", "120");

        using var response = await server.PostTokenAsync(EmulatorServer.GoodTokenForm());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var token = await EmulatorServer.ReadJsonAsync(response);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(120, token.GetProperty("expires_in").GetInt32());
        Assert.True(token.GetProperty("access_token").GetString()!.Length >= 32);
    }

    [Fact]
    public async Task Every_token_is_different()
    {
        await using var server = await EmulatorServer.StartAsync();

        Assert.NotEqual(await server.GetTokenAsync(), await server.GetTokenAsync());
    }

    [Fact]
    public async Task Default_lifetime_is_one_hour()
    {
        await using var server = await EmulatorServer.StartAsync();

        using var response = await server.PostTokenAsync(EmulatorServer.GoodTokenForm());

        Assert.Equal(3600, (await EmulatorServer.ReadJsonAsync(response)).GetProperty("expires_in").GetInt32());
    }

    [Theory]
    [InlineData("client_secret", "wrong", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("client_secret", "", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("client_id", "someone-else", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("scope", "agentassist:session:write", HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("scope", "agentassist:snippet:write", HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("scope", "", HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("grant_type", "authorization_code", HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("grant_type", "password", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type", "", HttpStatusCode.BadRequest, "invalid_request")]
    public async Task Bad_token_requests_get_the_OAuth_error(string field, string value, HttpStatusCode status, string error)
    {
        await using var server = await EmulatorServer.StartAsync();
        var form = EmulatorServer.GoodTokenForm();
        form[field] = value;

        using var response = await server.PostTokenAsync(form);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, (await EmulatorServer.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_missing_scope_field_is_invalid_scope()
    {
        await using var server = await EmulatorServer.StartAsync();
        var form = EmulatorServer.GoodTokenForm();
        form.Remove("scope");

        using var response = await server.PostTokenAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", (await EmulatorServer.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Extra_scopes_in_any_order_are_fine()
    {
        await using var server = await EmulatorServer.StartAsync();
        var form = EmulatorServer.GoodTokenForm();
        form["scope"] = "openid agentassist:snippet:write   agentassist:session:write";

        using var response = await server.PostTokenAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_JSON_body_is_not_a_form()
    {
        await using var server = await EmulatorServer.StartAsync();
        var json = JsonSerializer.Serialize(EmulatorServer.GoodTokenForm());

        using var response = await server.Http.PostAsync("/oauth/token", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await EmulatorServer.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Client_id_and_secret_come_from_the_options()
    {
        await using var server = await EmulatorServer.StartAsync();
        var defaults = EmulatorServer.GoodTokenForm();
        defaults["client_id"] = "emulator";
        defaults["client_secret"] = "emulator";

        using var response = await server.PostTokenAsync(defaults);

        // The server was started with --client-id/--client-secret, so the defaults no longer work.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

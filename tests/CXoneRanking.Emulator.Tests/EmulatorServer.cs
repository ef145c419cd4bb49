using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;

namespace CXoneRanking.Emulator.Tests;

/// <summary>One emulator on a real Kestrel at 127.0.0.1 on a free port, with an HttpClient for it.</summary>
internal sealed class EmulatorServer : IAsyncDisposable
{
    public const string ClientId = "test-client";
    public const string ClientSecret = "s3cret-Zq9-never-logged";
    public const string Scope = "agentassist:session:write agentassist:snippet:write";

    private readonly WebApplication app;

    private EmulatorServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public static Task<EmulatorServer> StartAsync(params string[] options) => StartAsync(null, options);

    public static async Task<EmulatorServer> StartAsync(TimeProvider? clock, params string[] options)
    {
        // A test that names its own client (odd characters, say) replaces the default one.
        string[] client = options.Contains("--client-id") ? [] : ["--client-id", ClientId, "--client-secret", ClientSecret];
        string[] args = ["--urls", "http://127.0.0.1:0", .. client, .. options];
        var app = EmulatorApp.Build(args, clock);
        await app.StartAsync();
        return new EmulatorServer(app, new Uri(EmulatorApp.ListeningAddress(app)));
    }

    /// <summary>
    /// The URI of a session route with the id escaped as one segment. Dots are escaped too and the
    /// URI is not canonicalized, or System.Uri would resolve a session called ".." away.
    /// </summary>
    public Uri SessionUri(string sessionId, string suffix = "")
    {
        var segment = Uri.EscapeDataString(sessionId).Replace(".", "%2E", StringComparison.Ordinal);
        return Raw($"/api/v2/agentassist/sessions/{segment}{suffix}");
    }

    public Uri Raw(string pathAndQuery) =>
        new(BaseUri.GetLeftPart(UriPartial.Authority) + pathAndQuery,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    public static string Escape(string sessionId) => Uri.EscapeDataString(sessionId).Replace(".", "%2E", StringComparison.Ordinal);

    public Task<HttpResponseMessage> PostTokenAsync(IEnumerable<KeyValuePair<string, string>> form) =>
        Http.PostAsync("/oauth/token", new FormUrlEncodedContent(form));

    public static Dictionary<string, string> GoodTokenForm() => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = ClientId,
        ["client_secret"] = ClientSecret,
        ["scope"] = Scope,
    };

    public async Task<string> GetTokenAsync()
    {
        using var response = await PostTokenAsync(GoodTokenForm());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    public async Task<HttpResponseMessage> PostRankingAsync(
        string sessionId, string body, string? token, string? idempotencyKey = null, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SessionUri(sessionId, "/snippets/ranking"));
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetStatusAsync(string sessionId, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SessionUri(sessionId));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostControlAsync(string path, string json) =>
        await Http.PostAsync(Raw(path), new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> LockAsync(string sessionId, double seconds) =>
        PostControlAsync($"/_emulator/sessions/{Escape(sessionId)}/lock", $"{{\"seconds\":{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}");

    public Task<HttpResponseMessage> QueueFaultsAsync(string sessionId, string responsesJson) =>
        PostControlAsync("/_emulator/faults", $"{{\"session_id\":{JsonSerializer.Serialize(sessionId)},\"responses\":{responsesJson}}}");

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.GetAsync(Raw(pathAndQuery));
        Assert.Equal(expected, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public async Task<JsonElement[]> JournalAsync() =>
        [.. (await GetJsonAsync("/_emulator/journal")).GetProperty("entries").EnumerateArray()];

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace CXoneRanking.Emulator.Tests.Expert;

/// <summary>
/// A client of the emulated Expert API for tests. It signs server tokens itself, from NICE's
/// published recipe, rather than with emulator code, so the tests check the contract and not the
/// emulator against itself.
/// </summary>
internal static class ExpertApi
{
    public const string DefaultKey = "emulator-expert-key";
    public const string DefaultSecret = "emulator-expert-secret";

    public static string Token(long epoch, string user = "=admin", string key = DefaultKey, string secret = DefaultSecret, bool upperHex = false)
    {
        var epochText = epoch.ToString(CultureInfo.InvariantCulture);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{key}_{epochText}_{user}"));
        var hex = upperHex ? Convert.ToHexString(hash) : Convert.ToHexStringLower(hash);
        return $"tkn_{key}_{epochText}_{user}_{hex}";
    }

    public static string TokenNow(TimeProvider? clock = null, string user = "=admin") =>
        Token((clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds(), user);

    public static async Task<HttpResponseMessage> SendAsync(EmulatorServer server, HttpMethod method, string pathAndQuery, string? token)
    {
        using var request = new HttpRequestMessage(method, server.Raw("/@api/deki/" + pathAndQuery));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Deki-Token", token);
        }

        return await server.Http.SendAsync(request);
    }

    public static async Task<XElement> GetXmlAsync(
        EmulatorServer server, string pathAndQuery, string? token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(server, HttpMethod.Get, pathAndQuery, token);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    public static async Task<JsonElement> GetJsonAsync(
        EmulatorServer server, string pathAndQuery, string? token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        using var response = await SendAsync(server, HttpMethod.Get, pathAndQuery + separator + "dream.out.format=json", token);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await EmulatorServer.ReadJsonAsync(response);
    }

    public static async Task<long> SearchAsync(EmulatorServer server, string query, string? token = null)
    {
        var search = await GetXmlAsync(server, "site/query?q=" + Uri.EscapeDataString(query), token);
        return long.Parse(search.Attribute("queryid")!.Value, CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> SelectAsync(
        EmulatorServer server, long queryId, int pageId, double rank, int position, string? token = null) =>
        await SendAsync(
            server,
            HttpMethod.Post,
            string.Create(CultureInfo.InvariantCulture, $"site/query/{queryId}?pageid={pageId}&rank={rank}&position={position}&type=page"),
            token);

    public static string QueryDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}

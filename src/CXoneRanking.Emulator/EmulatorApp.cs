using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CXoneRanking.Emulator;

/// <summary>
/// Builds and runs the emulator. Tests call <see cref="Build(string[], TimeProvider?)"/> to host it in-process on a real
/// Kestrel; the executable calls <see cref="RunAsync"/>.
/// </summary>
public static class EmulatorApp
{
    /// <summary>The one line scripts wait for on stdout; the bound URL follows it.</summary>
    public const string ListeningPrefix = "CXone emulator listening on ";

    /// <summary>Builds the app from command-line arguments; throws <see cref="EmulatorOptionsException"/> for bad ones.</summary>
    public static WebApplication Build(string[] args, TimeProvider? time = null) =>
        Build(CommandLine.Parse(args), time ?? TimeProvider.System);

    /// <summary>The first address Kestrel actually bound, with the real port when port 0 was asked for.</summary>
    public static string ListeningAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    public static async Task<int> RunAsync(string[] args)
    {
        EmulatorOptions options;
        try
        {
            options = CommandLine.Parse(args);
        }
        catch (EmulatorOptionsException e)
        {
            await Console.Error.WriteLineAsync($"CXone emulator: {e.Message}\nRun with --help to see the options.");
            return 2;
        }

        if (options.ShowHelp)
        {
            await Console.Out.WriteLineAsync(CommandLine.Usage);
            return 0;
        }

        await using var app = Build(options, TimeProvider.System);
        try
        {
            await app.StartAsync();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"CXone emulator: cannot listen on {string.Join(';', options.Urls)}: {e.Message}");
            return 1;
        }

        await Console.Out.WriteLineAsync(ListeningPrefix + ListeningAddress(app));
        await Console.Out.FlushAsync();
        if (options.ParentProcessId is int parent)
        {
            _ = ParentWatch.StopWhenGoneAsync(parent, app.Lifetime);
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    private static WebApplication Build(EmulatorOptions options, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. options.Urls]);

        // Stdout carries the one "listening on" line scripts parse; everything ASP.NET has to say
        // goes to stderr, and only when it matters.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var state = new EmulatorState(options, time);
        builder.Services.AddSingleton(state);
        var app = builder.Build();

        // Session ids must be read from the raw target before routing sees Kestrel's decoded path.
        app.Use(SessionPath.ResolveAsync);
        app.Use(new ApiTraffic(state).InvokeAsync);
        app.UseRouting();
        MapEndpoints(app, state);
        return app;
    }

    private static void MapEndpoints(WebApplication app, EmulatorState state)
    {
        const string session = "/api/v2/agentassist/sessions/{sessionId}";
        var control = new ControlEndpoints(state);
        var discovery = new DiscoveryEndpoints(state);
        app.MapGet("/.well-known/openid-configuration", discovery.OpenIdConfigurationAsync);
        app.MapGet("/.well-known/cxone-configuration", discovery.CXoneConfigurationAsync);
        app.MapPost("/oauth/token", new TokenEndpoint(state).HandleAsync);
        app.MapPost(session + "/snippets/ranking", new RankingEndpoint(state).HandleAsync);
        app.MapGet(session, new SessionStatusEndpoint(state).HandleAsync);

        app.MapGet("/", control.StatusAsync);
        app.MapPost("/_emulator/faults", control.QueueFaultsAsync);
        app.MapPost("/_emulator/sessions/{sessionId}/lock", control.LockSessionAsync);
        app.MapGet("/_emulator/journal", control.JournalAsync);
        app.MapGet("/_emulator/rankings/{sessionId}", control.RankingAsync);
        app.MapPost("/_emulator/reset", control.ResetAsync);
        app.MapPost("/_emulator/refresh-tokens/revoke", control.RevokeRefreshTokensAsync);
        Expert.ExpertRoutes.Map(app, state.Expert, state.Options.RetryAfterSeconds);
    }
}

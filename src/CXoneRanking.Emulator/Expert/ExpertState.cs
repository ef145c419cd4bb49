namespace CXoneRanking.Emulator.Expert;

/// <summary>Everything the emulated Expert site holds: accounts, token check, articles, search log and scripted faults.</summary>
internal sealed class ExpertState
{
    public ExpertState(EmulatorOptions options, TimeProvider time, DateTimeOffset startedAt)
    {
        Time = time;
        Users = new ExpertUsers();
        Tokens = new ServerTokenVerifier(options.ExpertKey, options.ExpertSecret, Users, time);
        Search = new ArticleSearch(ExpertArticles.All);
        Log = new SearchLog(() => options.ExpertHistory == 0
            ? []
            : SeededHistory.Generate(options.ExpertHistory, options.Seed ?? 0, startedAt, Search));

        // Faults here are keyed by route name (see ExpertRoutes), never drawn at random.
        Faults = new FaultInjector(FaultRates.None, null);
    }

    public TimeProvider Time { get; }

    public ExpertUsers Users { get; }

    public ServerTokenVerifier Tokens { get; }

    public ArticleSearch Search { get; }

    public SearchLog Log { get; }

    public FaultInjector Faults { get; }

    /// <summary>Back to the seeded history with no scripted faults.</summary>
    public void Reset()
    {
        Log.Reset();
        Faults.Clear();
    }
}

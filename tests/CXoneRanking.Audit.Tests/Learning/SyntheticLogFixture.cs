using CXoneRanking.Learning;

namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>One synthetic log of 20,000 sessions (200,000 impressions), written, read back and fitted once for the class.</summary>
public sealed class SyntheticLogFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SyntheticLogFixture()
    {
        Log = new SyntheticClickLog(seed: 20261125);
        Log.Write(_directory.Path, sessions: 20_000);
        Observations = ClickLogObservations.Collect(new AuditLogReader(_directory.Path).ReadEntries());
        Fit = PositionBasedClickModel.Fit(Observations);
    }

    internal SyntheticClickLog Log { get; }
    internal ClickLogObservations Observations { get; }
    internal ClickModelFit Fit { get; }
    internal string Directory => _directory.Path;

    public void Dispose() => _directory.Dispose();
}

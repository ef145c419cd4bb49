using CsCheck;

namespace CXoneRanking.Audit.Tests.BoundedMetrics;

/// <summary>
/// Random multi-day logs for the session-horizon tests: each entry with the UTC day of the file it is in, in chain
/// order. Session i's entries are all in the files of days [start_i, start_i + 7], so no
/// session has a gap longer than the horizon and the bounded fold must give exactly the unbounded figures. They hold
/// rankings, re-sends of the same checksum, experiment arms, clicks late and back-dated (some before any ranking),
/// failures, rankings never sent, write-ahead entries with and without their outcome, unchanged sessions and imported
/// Expert searches with tracked and untracked clicks.
/// </summary>
internal static class MultiDayLogs
{
    public static readonly DateTime Day0 = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    // The documented horizon, written out: the product's constant changed must fail these tests.
    private const int Horizon = 7;

    // Mostly a session's first and last day of the horizon, so gaps of exactly the horizon are common.
    private static readonly Gen<int> EdgeDays = Gen.Frequency((3, Gen.Const(0)), (3, Gen.Const(Horizon)), (2, Gen.Int[1, Horizon - 1]));

    public static readonly Gen<List<(DateTime Day, AuditEntry Entry)>> Log =
        Gen.Select(Gen.Int[0, 11], EdgeDays, Gen.Int[0, 13], Gen.Int[0, 5], Gen.Int[0, 86_399], Gen.Int[-3, 3])
            .Array[1, 150].Select(Build);

    public static List<(DateTime Day, AuditEntry Entry)> Build((int, int, int, int, int, int)[] steps)
    {
        var log = new List<(int Day, int Order, AuditEntry Entry)>();
        var order = 0;
        foreach (var (session, dayDelta, kind, a, second, shift) in steps)
        {
            var day = session * 2 + dayDelta;
            var at = new DateTimeOffset(Day0.AddDays(day).AddSeconds(second), TimeSpan.Zero);
            foreach (var entry in Entries(session, kind, a, at, shift))
                log.Add((day, order++, entry));
        }
        return log.OrderBy(e => e.Day).ThenBy(e => e.Order).Select(e => (Day0.AddDays(e.Day), e.Entry)).ToList();
    }

    private static IEnumerable<AuditEntry> Entries(int session, int kind, int a, DateTimeOffset at, int shift)
    {
        var id = $"s-{session}";
        var snippets = Enumerable.Range(a % 3, a % 4).Select(k => $"K{k}").ToArray();
        switch (kind)
        {
            case 0:
            case 1:
            case 2:
                var submitted = Audit.Tests.Entries.Submitted(id, 40 + a * 17 + kind, at, snippets);
                submitted.RankingChecksum = $"c{a % 3}";   // the same checksum again is a re-send
                if (kind == 2) (submitted.Experiment, submitted.Arm) = ("exp", a % 2 == 0 ? "Control" : "Treatment");
                yield return submitted;
                break;
            case 3:
            case 4:
            case 5:
                // A click written now, made now or up to 3 days earlier or later: late, back-dated, before any ranking.
                yield return Audit.Tests.Entries.Click(id, $"K{a}", 1 + (a + kind) % 4, at.AddHours(shift * 20));
                break;
            case 6:
                var unplaced = Audit.Tests.Entries.Click(id, $"K{a}", 1, at);
                unplaced.RankPosition = null;
                yield return unplaced;
                break;
            case 7:
                yield return Audit.Tests.Entries.Failed(id, a == 0 ? null : 900 + a, a % 2 == 0 ? AuditEvent.RankingFailed : AuditEvent.RankingCancelled, at);
                break;
            case 8:
                var notSent = Audit.Tests.Entries.Failed(id, 0, at: at);
                notSent.Status = a % 2 == 0 ? nameof(SubmissionStatus.InvalidRanking) : nameof(SubmissionStatus.AuditUnavailable);
                yield return notSent;
                break;
            case 9:
                // A write-ahead entry; its outcome follows unless a is 0 (outcome unknown).
                var key = $"k-{session}-{at.UtcTicks}";
                var sending = AuditEntry.Ranking(AuditEvent.RankingSending, id, at);
                (sending.IdempotencyKey, sending.Snippets, sending.RankingChecksum) = (key, snippets, $"c{a % 3}");
                yield return sending;
                if (a == 0) break;
                var outcome = Audit.Tests.Entries.Submitted(id, 100 + a, at.AddMilliseconds(80), snippets);
                (outcome.IdempotencyKey, outcome.RankingChecksum) = (key, $"c{a % 3}");
                yield return outcome;
                break;
            case 10:
                yield return AuditEntry.Ranking(AuditEvent.RankingUnchanged, id, at);
                break;
            case 11:
            case 12:
                var search = new AuditEntry(AuditEvent.ExpertSearch, at) { SessionId = $"expert-query-{session}" };
                search.SnippetCount = a;
                yield return search;
                break;
            default:
                var expertClick = Audit.Tests.Entries.Click($"expert-query-{session}", $"P{a}", 1 + a % 3, at.AddMinutes(shift));
                if (a % 3 == 0) expertClick.RankPosition = null;
                yield return expertClick;
                break;
        }
    }
}

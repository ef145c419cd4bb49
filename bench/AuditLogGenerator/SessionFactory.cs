using System.Globalization;
using CXoneRanking.Api;
using CXoneRanking.Audit;
using CXoneRanking.Ranking;
using CXoneRanking.Ranks;

namespace CXoneRanking.Bench;

/// <summary>
/// One session's entries as Submit-SnippetRanking writes them since issue 23 (docs/audit-log.md "How a ranking came to be"):
/// the write-ahead ranking.sending with its candidates, rule set and window, then its outcome (mostly ranking.submitted;
/// some failures; a very few left without an outcome, as a killed run leaves them); and the clicks the known click model
/// draws for what was shown.
/// </summary>
internal sealed class SessionFactory(GeneratorOptions settings, Random random)
{
    public const string Experiment = "learned-boosts";
    public const string Target = "https://acme.api.cxone.com/api/v2/agentassist/sessions/{sessionId}/snippets/ranking"
        + " tenant=11e1c0de-0000-4000-8000-000000000026";
    private static readonly string[] Categories = ["billing", "howto", "returns", "shipping", "account"];
    private static readonly string[] Hosts = ["rank-01", "rank-02"];

    public static readonly DirectiveSet Control = DirectiveSet.Of([BoostDirective.Boost("category", "billing", 1.25)])!;
    public static readonly DirectiveSet Treatment =
        DirectiveSet.Of([BoostDirective.Boost("category", "billing", 1.25), BoostDirective.Boost("category", "howto", 1.5)])!;

    private readonly RankingOptions _control = new() { MaxResultWindow = settings.Window, Directives = Control.Rules };
    private readonly RankingOptions _treatment = new() { MaxResultWindow = settings.Window, Directives = Treatment.Rules };

    private readonly HashSet<int> _taken = [];

    public long Failed { get; private set; }
    public long Unanswered { get; private set; }

    /// <summary>
    /// The entries of session <paramref name="sessionId"/>, ranked at <paramref name="at"/>; its clicks into <paramref name="clicks"/>.
    /// </summary>
    public IEnumerable<AuditEntry> Rank(string sessionId, DateTimeOffset at, string? arm, int runNumber, List<AuditEntry> clicks)
    {
        var options = arm == "Treatment" ? _treatment : _control;
        var pool = random.Next(0, 2000);
        var candidates = new RankInput[settings.Candidates];
        _taken.Clear();
        for (var k = 0; k < candidates.Length; k++)
        {
            int number;
            do number = pool + random.Next(0, 4 * candidates.Length); while (!_taken.Add(number));
            var relevance = Math.Round(random.NextDouble(), 4);
            var boost = random.Next(5) == 0 ? 1.2 : 1.0;
            candidates[k] = new RankInput(k + 1, "KB-" + number.ToString(CultureInfo.InvariantCulture), relevance, boost,
                new StoredMetadata("category", Categories[random.Next(Categories.Length)]), null);
        }
        // The engine itself ranks, and the payload's checksum is of the very bytes the submitter would POST.
        var ranking = new SessionRanker(sessionId, options).Rank(candidates, []);
        if (settings.WithoutOrigins) ranking = WithoutOrigins(ranking);
        if (arm is not null) ranking = ranking.Labelled(Experiment, arm);
        var payload = ranking.Payload ?? throw new InvalidOperationException($"{sessionId}: {ranking.RefusalReason}");
        var checksum = SerializedPayload.Of(payload).Checksum;
        var key = Guid(random).ToString();
        var host = Hosts[runNumber % Hosts.Length];
        yield return Targeted(SubmissionAudit.Sending(ranking, payload, checksum, key, at)).Stamped("svc-ranking", host);

        var draw = random.NextDouble();
        if (draw < 0.0002) { Unanswered++; yield break; }
        var latency = (long)Math.Round(Math.Exp(4.2 + 0.5 * Normal()));
        var outcomeAt = at.AddMilliseconds(latency);
        if (draw < 0.012)
        {
            Failed++;
            var failure = draw < 0.004
                ? SubmissionOutcome.Sent(SubmissionStatus.TimedOut, "No answer within 30 s (3 attempts).", [], null, 3, latency + 30000, null)
                : SubmissionOutcome.Sent(SubmissionStatus.EngineFailure, "The ranking engine answered 503 Service Unavailable.", [], 503, 3,
                    latency + 1500, null);
            var failed = SubmissionAudit.Outcome(ranking, payload, checksum, key, failure, outcomeAt, sent: true);
            yield return Targeted(failed).Stamped("svc-ranking", host);
            yield break;
        }
        var success = SubmissionOutcome.Sent(SubmissionStatus.Succeeded, null, [], 200, 1, latency, null);
        yield return Targeted(SubmissionAudit.Outcome(ranking, payload, checksum, key, success, outcomeAt, sent: true)).Stamped("svc-ranking", host);

        var shown = payload.Snippets;
        for (var p = 1; p <= shown.Count; p++)
        {
            var id = shown[p - 1].SnippetId;
            if (random.NextDouble() >= ClickModel.Probability(p, int.Parse(id.AsSpan(3), CultureInfo.InvariantCulture))) continue;
            clicks.Add(AuditEntry.Click(sessionId, id, p, outcomeAt.AddSeconds(5 + random.Next(600))).Stamped("svc-clicks", "clicks-01"));
        }
    }

    // A ranking whose options are unknown is recorded without its origins (SubmissionAudit.RecordOrigins), as 0.2 wrote it.
    private static SessionRanking WithoutOrigins(SessionRanking ranking) => new()
    {
        SessionId = ranking.SessionId, Errors = ranking.Errors, Warnings = ranking.Warnings, Payload = ranking.Payload,
        Candidates = ranking.Candidates, HeldBack = ranking.HeldBack, Options = null,
    };

    // The submitter names the target when it writes the entries (SubmissionAuditTrail), not SubmissionAudit.
    private static AuditEntry Targeted(AuditEntry entry)
    {
        entry.Target = Target;
        return entry;
    }

    private static Guid Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

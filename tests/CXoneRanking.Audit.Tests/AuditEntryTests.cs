using System.Reflection;

namespace CXoneRanking.Audit.Tests;

public class AuditEntryTests
{
    [Fact]
    public void Click_keeps_its_fields_and_stores_the_timestamp_in_utc_to_the_millisecond()
    {
        var local = new DateTimeOffset(2026, 11, 25, 20, 7, 58, TimeSpan.FromHours(1)).AddTicks(1_234_567);
        var click = AuditEntry.Click("s-1", "KB-001", 3, local);

        Assert.Equal(AuditEvent.Click, click.Event);
        Assert.Equal(("s-1", "KB-001", 3), (click.SessionId, click.SnippetId, click.RankPosition!.Value));
        Assert.Equal(TimeSpan.Zero, click.Timestamp.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 19, 7, 58, 123, TimeSpan.Zero), click.Timestamp);
    }

    [Theory]
    [InlineData("", "KB-1", 1, "session id is blank")]
    [InlineData("   ", "KB-1", 1, "session id is blank")]
    [InlineData("s\u0007", "KB-1", 1, "control character")]
    [InlineData("s-1", "", 1, "snippet id is empty")]
    [InlineData("s-1", "KB\n1", 1, "control character")]
    [InlineData("s-1", "KB-1", 0, "below 1")]
    [InlineData("s-1", "KB-1", -4, "below 1")]
    public void Click_refuses_what_is_not_a_click(string session, string snippet, int position, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => AuditEntry.Click(session, snippet, position, Entries.T0));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Click_refuses_half_a_surrogate_pair_which_json_cannot_carry()
    {
        Assert.Contains("unpaired surrogate", Assert.Throws<ArgumentException>(() => AuditEntry.Click("s-1", "KB\ud800", 1, Entries.T0)).Message);
        Assert.Contains("unpaired surrogate", Assert.Throws<ArgumentException>(() => AuditEntry.Click("\udc00s", "KB", 1, Entries.T0)).Message);
        Assert.Equal("KB-🎉", AuditEntry.Click("s", "KB-🎉", 1, Entries.T0).SnippetId);
    }

    [Fact]
    public void Click_refuses_a_snippet_id_longer_than_the_engine_allows()
    {
        Assert.NotNull(AuditEntry.Click("s", new string('k', 128), 1, Entries.T0));
        Assert.Throws<ArgumentException>(() => AuditEntry.Click("s", new string('k', 129), 1, Entries.T0));
    }

    [Fact]
    public void Ranking_accepts_only_ranking_events()
    {
        Assert.Equal(AuditEvent.RankingCancelled, AuditEntry.Ranking(AuditEvent.RankingCancelled, "s", Entries.T0).Event);
        Assert.Throws<ArgumentException>(() => AuditEntry.Ranking(AuditEvent.Click, "s", Entries.T0));
        Assert.Throws<ArgumentException>(() => AuditEntry.Ranking("ranking.submited", "s", Entries.T0));
        Assert.Throws<ArgumentException>(() => AuditEntry.Ranking(AuditEvent.RankingFailed, " ", Entries.T0));
    }

    // The whole set of fields, so that adding one fails here and gets a deliberate look: an entry
    // must never be able to carry a credential. Target is a base address and path template with no user info or query (RankingTarget).
    private static readonly string[] ExpectedProperties =
    [
        "Timestamp", "Event", "SessionId", "Target", "SnippetCount", "MaxWindow", "Snippets", "SnippetId", "RankPosition",
        "Status", "HttpStatus", "Attempts", "LatencyMs", "IdempotencyKey", "RankingChecksum", "Error", "Note",
        "ModuleVersion", "Host", "User", "PrevHash", "Hash",
        "ExpertQueryId", "ExpertRank", "ExpertTerms", "ExpertResultCount", // ids, a number and sanitized search terms
        "Experiment", "Arm", // the experiment's name and the session's arm (docs/experiments.md)
        "DirectiveSet", "Overflow", "Normalize", "HasCandidates", // how the ranking came to be: a hash, two options, the candidates
        "CandidatesProblem", // why the recorded candidates could not be read: the parser's words
        "Files", // an audit.pruned entry's deleted files: log file names
    ];

    [Fact]
    public void An_entry_has_no_field_that_could_hold_a_secret()
    {
        var properties = typeof(AuditEntry).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();

        Assert.Equal(ExpectedProperties.Order(), properties.Order());
        string[] secretWords = ["secret", "token", "password", "credential", "authorization", "bearer", "apikey", "key"];
        foreach (var name in properties.Where(n => n != "IdempotencyKey")) // a GUID per submission, not a credential
            Assert.DoesNotContain(secretWords, word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(typeof(AuditEntry).GetFields(BindingFlags.Public | BindingFlags.Instance));
    }

    [Fact]
    public void Every_field_of_an_entry_is_written_and_nothing_else()
    {
        using var dir = new TempDirectory();
        var entry = Entries.Submitted("s-1", 42, null, "KB-1", "KB-2");
        entry.IdempotencyKey = "9b2f6c1e-0000-4000-8000-000000000001";
        entry.RankingChecksum = new string('a', 64);
        entry.Error = "engine said no";
        entry.Note = "callback failed";
        entry.SnippetId = "KB-1";
        entry.Target = "https://acme.example/api/v2/agentassist/sessions/{sessionId}/snippets/ranking";
        entry.RankPosition = 1;
        entry.ExpertQueryId = 7;
        entry.ExpertRank = 0.5;
        entry.ExpertTerms = "refund";
        entry.ExpertResultCount = 4;
        entry.Experiment = "exp-1";
        entry.Arm = "Treatment";
        entry.DirectiveSet = new string('b', 64);
        entry.Overflow = "Clamp";
        entry.Normalize = true;
        entry.Candidates = [];
        entry.Files = ["cxone-audit-20261025.jsonl"];

        Entries.Writer(dir.Path).Append(entry);

        using var json = System.Text.Json.JsonDocument.Parse(Entries.AllLines(dir.Path).Single());
        var written = json.RootElement.EnumerateObject().Select(p => p.Name.Replace("_", "")).ToArray();
        // CandidatesProblem is what a reader found wrong with the written candidates: read, never written.
        var expected = ExpectedProperties.Where(p => p != "CandidatesProblem").Select(p => p == "HasCandidates" ? "candidates" : p.ToLowerInvariant());
        Assert.Equal(expected.Order(), written.Order());
    }

    [Theory]
    [InlineData("POST failed: Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl", "eyJ")]
    [InlineData("token response {\"access_token\":\"s3cr3t-value\",\"expires_in\":3600}", "s3cr3t-value")]
    [InlineData("form client_id=abc&client_secret=hunter2&grant_type=client_credentials", "hunter2")]
    [InlineData("retry with Bearer abc.def-ghi", "abc.def-ghi")]
    [InlineData("password = swordfish", "swordfish")]
    public void Credentials_in_free_text_are_masked_before_they_reach_the_entry(string message, string secret)
    {
        var entry = AuditEntry.Ranking(AuditEvent.RankingFailed, "s", Entries.T0);
        entry.Error = message;
        entry.Note = message;

        Assert.DoesNotContain(secret, entry.Error);
        Assert.DoesNotContain(secret, entry.Note);
        Assert.Contains(AuditText.Mask, entry.Error);
    }

    [Fact]
    public void Free_text_keeps_ordinary_words_is_single_line_and_short()
    {
        var entry = AuditEntry.Ranking(AuditEvent.RankingFailed, "s", Entries.T0);
        entry.Error = "HTTP 409: session locked\r\nafter 3 attempts";
        Assert.Equal("HTTP 409: session locked  after 3 attempts", entry.Error);

        entry.Note = new string('x', 2000);
        Assert.Equal(AuditText.MaxLength, entry.Note!.Length);
        Assert.Equal(entry.Note, AuditText.Sanitize(entry.Note)); // idempotent: reading an entry back changes nothing
    }
}

namespace CXoneRanking.Audit.Tests;

/// <summary>
/// Add-SnippetClick's check for never-ranked sessions: with a first day, only the files of that day
/// (the UTC day each was written, in its name) and later are read, so one click does not read a year.
/// </summary>
public sealed class RankedSessionsTests
{
    private static readonly DateTime Today = new(2026, 12, 7);

    [Fact]
    public void Only_the_files_from_the_first_day_on_are_read()
    {
        using var log = new TempDirectory();
        WriteRankingOn(log.Path, "s-old", Today.AddDays(-30));
        WriteRankingOn(log.Path, "s-week", Today.AddDays(-7));
        WriteRankingOn(log.Path, "s-today", Today);
        string[] clicked = ["s-old", "s-week", "s-today", "s-none"];

        var firstDay = RankedSessions.FirstDayFor(new DateTimeOffset(Today.AddHours(23.5), TimeSpan.Zero));

        Assert.Equal(Today.AddDays(-RankedSessions.LookbackDays), firstDay);
        Assert.Equal(["s-none", "s-old"], RankedSessions.NeverRanked(log.Path, clicked, firstDay).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(["s-none"], RankedSessions.NeverRanked(log.Path, clicked));
    }

    [Fact]
    public void A_session_whose_only_ranking_was_never_sent_counts_as_never_ranked_as_in_the_metrics()
    {
        using var log = new TempDirectory();
        var invalid = Entries.Failed("s-invalid", 0, at: new DateTimeOffset(Today, TimeSpan.Zero));
        invalid.Status = nameof(SubmissionStatus.InvalidRanking);
        Entries.Writer(log.Path).Append(invalid);
        Entries.Writer(log.Path).Append(Entries.Submitted("s-shown", 10, new DateTimeOffset(Today, TimeSpan.Zero), "KB-1"));

        Assert.Equal(["s-invalid"], RankedSessions.NeverRanked(log.Path, ["s-invalid", "s-shown"]));
    }

    private static void WriteRankingOn(string directory, string session, DateTime day)
    {
        using var staging = new TempDirectory();
        Entries.Writer(staging.Path).Append(Entries.Submitted(session, 10, new DateTimeOffset(day, TimeSpan.Zero), "KB-1"));
        var written = Directory.GetFiles(staging.Path, "cxone-audit-*.jsonl").Single();
        File.Copy(written, Path.Combine(directory, AuditLogFile.For(directory, day, 0).Name));
    }
}

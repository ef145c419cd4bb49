using System.Diagnostics;
using System.Globalization;
using CXoneRanking;
using CXoneRanking.Audit;
using CXoneRanking.Bench;

// Writes a valid audit folder of --days x --sessions, streamed: see README.md.
GeneratorOptions options;
try { options = GeneratorOptions.Parse(args); }
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (Directory.Exists(options.Output) && Directory.EnumerateFileSystemEntries(options.Output).Any())
{
    Console.Error.WriteLine($"{options.Output} is not empty: the generator writes a new log only.");
    return 2;
}

var clock = Stopwatch.StartNew();
var random = new Random(options.Seed);
var sessions = new SessionFactory(options, random);
long sessionCount = 0, clickCount = 0, lateClicks = 0;
var late = new List<AuditEntry>();
await using (var files = new DayFiles(options.Output, options.MaxFileBytes, options.GzipLevel))
{
    var chain = new ChainWriter(files);
    var runsPerDay = (options.SessionsPerDay + options.RunSize - 1) / options.RunSize;
    var runSpacing = TimeSpan.FromSeconds(86400.0 / runsPerDay);
    var clicks = new List<AuditEntry>();
    for (var d = 0; d < options.Days; d++)
    {
        var day = options.StartDay.AddDays(d);
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await files.BeginDayAsync(day, options.GzipClosedDays && d < options.Days - 1);
        // Yesterday's late clicks, imported early today: back-dated into yesterday, written in today's file.
        foreach (var click in late) await chain.WriteAsync(click);
        late.Clear();
        var dayName = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        for (var run = 0; run < runsPerDay; run++)
        {
            var first = run * options.RunSize;
            var count = Math.Min(options.RunSize, options.SessionsPerDay - first);
            var runStart = midnight + TimeSpan.FromTicks(runSpacing.Ticks * run) + TimeSpan.FromMinutes(1);
            // Every third run is an experiment: its sessions split between two rule sets, each recorded once per run.
            var experiment = run % 3 == 2;
            if (!options.WithoutOrigins)
                await chain.WriteAsync(AuditEntry.RankingDirectives(SessionFactory.Control, runStart).Stamped("svc-ranking", "rank-01"));
            if (experiment && !options.WithoutOrigins)
                await chain.WriteAsync(AuditEntry.RankingDirectives(SessionFactory.Treatment, runStart).Stamped("svc-ranking", "rank-01"));
            for (var s = 0; s < count; s++)
            {
                var id = "sess-" + dayName + "-" + (first + s).ToString("D6", CultureInfo.InvariantCulture);
                var arm = experiment ? (random.Next(2) == 0 ? "Control" : "Treatment") : null;
                foreach (var entry in sessions.Rank(id, runStart.AddMilliseconds(s * 20L), arm, run, clicks)) await chain.WriteAsync(entry);
                sessionCount++;
            }
            // The run's clicks, recorded by Add-SnippetClick after it; a few arrive only with tomorrow's import.
            foreach (var click in clicks)
            {
                if (d < options.Days - 1 && random.NextDouble() < options.LateClickShare) { late.Add(click); lateClicks++; }
                else await chain.WriteAsync(click);
                clickCount++;
            }
            clicks.Clear();
        }
    }
    await files.DisposeAsync();
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Join(Environment.NewLine,
        $"folder          {Path.GetFullPath(options.Output)}",
        $"days            {options.Days} from {options.StartDay:yyyy-MM-dd}, {options.SessionsPerDay} sessions a day, seed {options.Seed}",
        $"sessions        {sessionCount} ({sessions.Failed} failed, {sessions.Unanswered} without an outcome)",
        $"clicks          {clickCount} ({lateClicks} in the next day's file)",
        $"entries         {chain.Entries}",
        $"files           {files.Files}",
        $"raw bytes       {files.RawBytes} ({files.RawBytes / (double)sessionCount:n0} per session)",
        $"stored bytes    {files.StoredBytes} ({100.0 * files.StoredBytes / files.RawBytes:n1}% of raw)",
        $"last hash       {chain.LastHash}",
        $"seconds         {seconds:n1} ({files.RawBytes / 1048576.0 / seconds:n0} MiB/s raw)",
        $"peak working    {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:n0} MiB"));
}
return 0;

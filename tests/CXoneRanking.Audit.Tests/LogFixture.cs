using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests;

/// <summary>A small valid log to damage, and a way to edit its lines as a person with an editor would.</summary>
internal static class LogFixture
{
    public const string Day1 = "cxone-audit-20261125.jsonl";
    public const string Day2 = "cxone-audit-20261126.jsonl";

    /// <summary>Five clicks in one file, and two more in the next day's file.</summary>
    public static TempDirectory ValidLog()
    {
        var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        writer.Append([.. Enumerable.Range(1, 5).Select(i => Entries.Click($"s-{i}", $"KB-{i}", i))]);
        clock.Advance(TimeSpan.FromDays(1));
        writer.Append([Entries.Click("s-6", "KB-6", 1), Entries.Click("s-7", "KB-7", 2)]);
        return dir;
    }

    public static string PathOf(TempDirectory dir, string name = Day1) => Path.Combine(dir.Path, name);

    /// <summary>Rewrites a file's lines through <paramref name="edit"/>; the file keeps its final newline.</summary>
    public static void EditLines(TempDirectory dir, Func<List<string>, List<string>> edit, string name = Day1)
    {
        var lines = File.ReadAllText(PathOf(dir, name)).TrimEnd('\n').Split('\n').ToList();
        File.WriteAllText(PathOf(dir, name), string.Join("\n", edit(lines)) + "\n");
    }
}

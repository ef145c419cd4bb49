using System.Globalization;
using System.Text.RegularExpressions;

namespace CXoneRanking.Audit;

/// <summary>
/// One file of the log: <c>cxone-audit-YYYYMMDD.jsonl</c>, then <c>cxone-audit-YYYYMMDD_001.jsonl</c>,
/// <c>_002</c>, ... as a day's file fills up. Files order by (day, sequence), which is the order
/// of the chain.
/// </summary>
internal sealed class AuditLogFile : IComparable<AuditLogFile>
{
    public const string SearchPattern = "cxone-audit-*.jsonl";

    private static readonly Regex NamePattern = new(@"^cxone-audit-(?<day>\d{8})(?:_(?<seq>\d{3,9}))?\.jsonl$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private AuditLogFile(string path, DateTime day, int sequence)
    {
        Path = path;
        Day = day;
        Sequence = sequence;
    }

    public string Path { get; }

    /// <summary>The UTC day the file was written on (a date, time of day zero).</summary>
    public DateTime Day { get; }

    /// <summary>0 for the day's first file, then 1, 2, ... for the files it rolled to.</summary>
    public int Sequence { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public static AuditLogFile For(string directory, DateTime day, int sequence)
    {
        var stamp = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var name = sequence == 0
            ? $"cxone-audit-{stamp}.jsonl"
            : string.Format(CultureInfo.InvariantCulture, "cxone-audit-{0}_{1:D3}.jsonl", stamp, sequence);
        return new AuditLogFile(System.IO.Path.Combine(directory, name), day.Date, sequence);
    }

    /// <summary>The file at <paramref name="path"/> if its name is a log file's, else null.</summary>
    public static AuditLogFile? TryParse(string path)
    {
        var match = NamePattern.Match(System.IO.Path.GetFileName(path));
        if (!match.Success) return null;
        if (!DateTime.TryParseExact(match.Groups["day"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return null;
        var sequence = match.Groups["seq"].Success ? int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture) : 0;
        // "_000" would tie with the day's first file; the writer never makes one.
        if (match.Groups["seq"].Success && sequence == 0) return null;
        return new AuditLogFile(path, day, sequence);
    }

    /// <summary>The log files in <paramref name="directory"/>, oldest first; none if it does not exist.</summary>
    public static List<AuditLogFile> List(string directory)
    {
        var files = new List<AuditLogFile>();
        if (!Directory.Exists(directory)) return files;
        foreach (var path in Directory.EnumerateFiles(directory, SearchPattern))
            if (TryParse(path) is { } file) files.Add(file);
        files.Sort();
        return files;
    }

    public int CompareTo(AuditLogFile? other) => other is null ? 1
        : Day != other.Day ? Day.CompareTo(other.Day)
        : Sequence.CompareTo(other.Sequence);

    public override string ToString() => Name;
}

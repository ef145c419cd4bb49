using System.Globalization;
using System.Text.RegularExpressions;

namespace CXoneRanking.Audit;

/// <summary>
/// One file of the log: <c>cxone-audit-YYYYMMDD.jsonl</c>, then <c>cxone-audit-YYYYMMDD_001.jsonl</c>,
/// <c>_002</c>, ... as a day's file fills up. Files order by (day, sequence), which is the order
/// of the chain. A closed day's file may be gzip-compressed (<c>.jsonl.gz</c>, see <see cref="AuditCompression"/>):
/// the same file, the same bytes inside.
/// </summary>
internal sealed class AuditLogFile : IComparable<AuditLogFile>
{
    public const string SearchPattern = "cxone-audit-*.jsonl*";

    /// <summary>What a compressed file's name adds to its raw name.</summary>
    public const string CompressedSuffix = ".gz";

    private static readonly Regex NamePattern = new(@"^cxone-audit-(?<day>\d{8})(?:_(?<seq>\d{3,9}))?\.jsonl(?<gz>\.gz)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private AuditLogFile(string path, DateTime day, int sequence, bool isCompressed)
    {
        Path = path;
        Day = day;
        Sequence = sequence;
        IsCompressed = isCompressed;
    }

    public string Path { get; }

    /// <summary>True for a <c>.jsonl.gz</c> file: a closed day's file, compressed, read to its end.</summary>
    public bool IsCompressed { get; }

    /// <summary>The path of the file uncompressed (<c>.jsonl</c>), whichever of the two this is.</summary>
    public string RawPath => IsCompressed ? Path.Substring(0, Path.Length - CompressedSuffix.Length) : Path;

    /// <summary>The path of the file compressed (<c>.jsonl.gz</c>), whichever of the two this is.</summary>
    public string CompressedPath => IsCompressed ? Path : Path + CompressedSuffix;

    /// <summary>The same file compressed: where its bytes are once <see cref="AuditCompression"/> has compressed it.</summary>
    public AuditLogFile Compressed => IsCompressed ? this : new AuditLogFile(CompressedPath, Day, Sequence, isCompressed: true);

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
        return new AuditLogFile(System.IO.Path.Combine(directory, name), day.Date, sequence, isCompressed: false);
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
        return new AuditLogFile(path, day, sequence, match.Groups["gz"].Success);
    }

    /// <summary>True when <paramref name="path"/> names a compressed file (it ends in <c>.gz</c>).</summary>
    public static bool IsCompressedName(string path) => path.EndsWith(CompressedSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The log files in <paramref name="directory"/>, oldest first, one per file whether raw or compressed; none if it does
    /// not exist. When both <c>X.jsonl</c> and <c>X.jsonl.gz</c> are there (a compression interrupted between its rename
    /// and its delete), <c>X.jsonl</c> is the file: it is what was written, and the next housekeeping settles the pair.
    /// </summary>
    public static List<AuditLogFile> List(string directory)
    {
        var files = new List<AuditLogFile>();
        if (!Directory.Exists(directory)) return files;
        var raw = new HashSet<string>(StringComparer.Ordinal);
        var compressed = new List<AuditLogFile>();
        foreach (var path in Directory.EnumerateFiles(directory, SearchPattern))
        {
            if (TryParse(path) is not { } file) continue;
            if (file.IsCompressed) compressed.Add(file);
            else
            {
                files.Add(file);
                raw.Add(file.Path);
            }
        }
        files.AddRange(compressed.Where(f => !raw.Contains(f.RawPath)));
        files.Sort();
        return files;
    }

    public int CompareTo(AuditLogFile? other) => other is null ? 1
        : Day != other.Day ? Day.CompareTo(other.Day)
        : Sequence.CompareTo(other.Sequence);

    public override string ToString() => Name;
}

using System.Globalization;
using System.IO.Compression;

namespace CXoneRanking.Bench;

/// <summary>What to generate: the command line of the generator (README.md lists every option).</summary>
internal sealed class GeneratorOptions
{
    public string Output { get; private set; } = "";
    public int Days { get; private set; } = 60;
    public int SessionsPerDay { get; private set; } = 5000;
    public DateOnly StartDay { get; private set; } = new(2026, 10, 1);
    public int Seed { get; private set; } = 26;
    public bool GzipClosedDays { get; private set; }
    public CompressionLevel GzipLevel { get; private set; } = CompressionLevel.Optimal;
    public int Candidates { get; private set; } = 15;
    public int Window { get; private set; } = 10;
    public int RunSize { get; private set; } = 5000;
    public long MaxFileBytes { get; private set; } = 10L * 1024 * 1024;
    public double LateClickShare { get; private set; } = 0.02;

    /// <summary>Entries as version 0.2 wrote them: no candidates, rule set or options, no ranking.directives entries.</summary>
    public bool WithoutOrigins { get; private set; }

    public static GeneratorOptions Parse(string[] args)
    {
        var options = new GeneratorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--out": options.Output = Next(); break;
                case "--days": options.Days = Positive(Next(), "--days"); break;
                case "--sessions": options.SessionsPerDay = Positive(Next(), "--sessions"); break;
                case "--start": options.StartDay = DateOnly.ParseExact(Next(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--seed": options.Seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--gzip-closed-days": options.GzipClosedDays = true; break;
                case "--without-origins": options.WithoutOrigins = true; break;
                case "--gzip-level": options.GzipLevel = Enum.Parse<CompressionLevel>(Next(), ignoreCase: true); break;
                case "--candidates": options.Candidates = Positive(Next(), "--candidates"); break;
                case "--window": options.Window = Positive(Next(), "--window"); break;
                case "--run-size": options.RunSize = Positive(Next(), "--run-size"); break;
                case "--max-file-mib": options.MaxFileBytes = Positive(Next(), "--max-file-mib") * 1024L * 1024; break;
                case "--late-click-share": options.LateClickShare = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}' (see bench/AuditLogGenerator/README.md).");
            }
        }
        if (options.Output.Length == 0) throw new ArgumentException("--out <folder> is required.");
        if (options.Window > options.Candidates) options.Window = options.Candidates;
        return options;
    }

    private static int Positive(string text, string name)
    {
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{name} must be at least 1.");
    }
}

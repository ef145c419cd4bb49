using System.Reflection;

namespace CXoneRanking.Audit;

/// <summary>
/// The writer of each format. JSON Lines is Core's own. Parquet lives in CXoneRanking.Parquet, built for .NET 10 only:
/// the one maintained managed Parquet library (Parquet.Net 6) has no netstandard2.0 build, so Windows PowerShell 5.1
/// cannot load it, and Core finds it by name where it is there (docs/design.md Decisions log, 2026-12-08).
/// </summary>
internal static class AuditExportFormats
{
    public const string ParquetAssembly = "CXoneRanking.Parquet";
    private const string ParquetFactory = "CXoneRanking.Audit.ParquetDayWriterFactory, " + ParquetAssembly;

    /// <summary>The factory of <paramref name="format"/>.</summary>
    /// <exception cref="PlatformNotSupportedException">Parquet on a runtime that cannot load it (Windows PowerShell 5.1).</exception>
    public static IAuditDayWriterFactory For(AuditExportFormat format) => format switch
    {
        AuditExportFormat.JsonLines => new JsonLinesFactory(),
        AuditExportFormat.Parquet => LoadParquet(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No such export format."),
    };

    private static IAuditDayWriterFactory LoadParquet()
    {
        IAuditDayWriterFactory? factory;
        try
        {
            // Resolved from Core's own load context: the module's private one on PowerShell 7, where dependencies/ holds it.
            // On .NET Framework the file may be found and still not load (it is built for .NET 10).
            factory = Type.GetType(ParquetFactory, throwOnError: false) is { } type ? Activator.CreateInstance(type) as IAuditDayWriterFactory : null;
        }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException or FileNotFoundException or TypeLoadException
            or TargetInvocationException or MissingMethodException)
        {
            factory = null;
        }
        return factory ?? throw new PlatformNotSupportedException(
            $"Parquet export needs PowerShell 7.6 or later (.NET 10): {ParquetAssembly} cannot be loaded on {RuntimeName}.");
    }

    private static string RuntimeName => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    private sealed class JsonLinesFactory : IAuditDayWriterFactory
    {
        public string Extension => ".jsonl";

        public IAuditDayWriter Create(Stream output) => new JsonLinesDayWriter(output);
    }
}

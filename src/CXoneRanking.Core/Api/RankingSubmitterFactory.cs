using CXoneRanking.Audit;

namespace CXoneRanking.Api;

/// <summary>
/// Creates a <see cref="RankingSubmitter"/> that logs to an <see cref="ILogSink"/>. Hosts that load
/// Core in an isolated AssemblyLoadContext use this instead of the constructor, whose signature
/// names <c>ILogger</c> (see <see cref="ILogSink"/> for why that matters).
/// </summary>
public static class RankingSubmitterFactory
{
    public static RankingSubmitter Create(CXoneConnection connection, AuditLogWriter? audit, SubmitOptions options, ILogSink log) =>
        new(connection, audit, options, new SinkLogger(log ?? throw new ArgumentNullException(nameof(log))));
}

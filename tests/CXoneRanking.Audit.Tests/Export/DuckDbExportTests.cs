using CXoneRanking.Metrics;
using DuckDB.NET.Data;

namespace CXoneRanking.Audit.Tests.Export;

/// <summary>The export read back by a real engine (DuckDB), compared with the metrics computed from the same log.</summary>
public sealed class DuckDbExportTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly DuckDBConnection _duck = new("DataSource=:memory:");

    public DuckDbExportTests() => _duck.Open();

    private string Audit => _root.Sub("audit");
    private string Destination => _root.Sub("export");

    [Theory]
    [InlineData(AuditExportFormat.Parquet)]
    [InlineData(AuditExportFormat.JsonLines)]
    public void TheEngineCountsWhatTheMetricsCount(AuditExportFormat format)
    {
        var log = ExportLog.Days(Audit, days: 4);
        ExportRunner.Run(Audit, Destination, format);
        var metrics = RankingMetricsCalculator.Calculate(new AuditLogReader(Audit).ReadEntries());
        var from = Source(format);

        Assert.Equal(metrics.Clicks, Scalar($"SELECT count(*) FROM {from} WHERE event = 'click'"));
        Assert.Equal(metrics.Succeeded, Scalar($"SELECT count(*) FROM {from} WHERE event = 'ranking.submitted'"));
        Assert.Equal(metrics.Failed, Scalar($"SELECT count(*) FROM {from} WHERE event IN ('ranking.failed', 'ranking.cancelled')"));
        Assert.Equal(metrics.Submissions, Scalar($"""
            SELECT count(DISTINCT idempotency_key) FROM {from} WHERE event LIKE 'ranking.%' AND event <> 'ranking.unchanged'
            """));
        Assert.Equal(log.Sessions, Scalar($"SELECT count(DISTINCT session_id) FROM {from}"));
        Assert.Equal(log.Clicks, metrics.Clicks);
        Assert.Equal(4, Scalar($"SELECT count(DISTINCT day) FROM {from}"));
        Assert.Equal(metrics.Impressions, Scalar($"SELECT sum(len(snippets)) FROM {from} WHERE event = 'ranking.submitted'"));
    }

    [Fact]
    public void ParquetColumnsHaveTheirDocumentedTypes()
    {
        ExportLog.Days(Audit, days: 2);
        ExportRunner.Run(Audit, Destination, AuditExportFormat.Parquet);
        var types = Rows($"DESCRIBE SELECT * FROM {Source(AuditExportFormat.Parquet)}").ToDictionary(r => (string)r[0], r => (string)r[1]);

        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["timestamp"]);
        Assert.Equal("VARCHAR[]", types["snippets"]);
        Assert.Equal("INTEGER", types["rank_position"]);
        Assert.Equal("BIGINT", types["latency_ms"]);
        Assert.Equal("BOOLEAN", types["normalize"]);
        Assert.Equal("DOUBLE", types["expert_rank"]);
        Assert.Equal("DATE", types["day"]);
        Assert.Equal(AuditExportSchema.Columns.Select(c => c.Name).Append("day"), types.Keys);
        var first = Rows($"SELECT epoch_ms(timestamp), snippets, rank_position FROM {Source(AuditExportFormat.Parquet)} "
            + "WHERE event = 'click' ORDER BY timestamp LIMIT 1").Single();
        Assert.Equal(Entries.T0.AddSeconds(5).ToUnixTimeMilliseconds(), Convert.ToInt64(first[0]));
        Assert.Empty((System.Collections.IList)first[1]);
        Assert.Equal(2, Convert.ToInt32(first[2]));
    }

    [Fact]
    public void AGrownOpenDayIsExportedAgainAndTheEngineSeesItsNewRows()
    {
        var log = ExportLog.Days(Audit, days: 3);
        ExportRunner.Run(Audit, Destination, AuditExportFormat.Parquet);
        log.GrowLastDay(sessions: 7);

        var again = ExportRunner.Run(Audit, Destination, AuditExportFormat.Parquet);

        Assert.Equal([AuditExportAction.Unchanged, AuditExportAction.Unchanged, AuditExportAction.Written], again.Select(d => d.Action));
        Assert.Equal(log.Clicks, Scalar($"SELECT count(*) FROM {Source(AuditExportFormat.Parquet)} WHERE event = 'click'"));
        Assert.Equal(log.Sessions, Scalar($"SELECT count(DISTINCT session_id) FROM {Source(AuditExportFormat.Parquet)}"));
    }

    [Fact]
    public void TwoAuditFoldersShareOneDestinationWithoutACollision()
    {
        var first = ExportLog.Days(_root.Sub("host-a"), days: 3, prefix: "a");
        var second = ExportLog.Days(_root.Sub("host-b"), days: 3, prefix: "b");

        ExportRunner.Run(first.Directory, Destination, AuditExportFormat.Parquet);
        ExportRunner.Run(second.Directory, Destination, AuditExportFormat.Parquet);

        Assert.Equal(6, Directory.EnumerateFiles(Destination, "*.parquet", SearchOption.AllDirectories).Count());
        Assert.Equal(first.Clicks + second.Clicks, Scalar($"SELECT count(*) FROM {Source(AuditExportFormat.Parquet)} WHERE event = 'click'"));
        Assert.Equal(first.Sessions + second.Sessions, Scalar($"SELECT count(DISTINCT session_id) FROM {Source(AuditExportFormat.Parquet)}"));
    }

    private string Source(AuditExportFormat format) => format == AuditExportFormat.Parquet
        ? $"read_parquet('{Destination}/**/*.parquet', hive_partitioning = true)"
        : $"read_json_auto('{Destination}/**/*.jsonl', hive_partitioning = true)";

    private long Scalar(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is System.Numerics.BigInteger huge ? (long)huge : Convert.ToInt64(command.ExecuteScalar());
    }

    private List<object[]> Rows(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose()
    {
        _duck.Dispose();
        _root.Dispose();
    }
}

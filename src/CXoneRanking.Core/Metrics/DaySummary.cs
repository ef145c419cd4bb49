namespace CXoneRanking.Metrics;

/// <summary>
/// One closed day's summary (docs/audit-log.md#daily-summaries): the day's additive metrics figures (with those of
/// the sessions the horizon closed at its end), the names and lengths of the day's files when it was read, and the
/// hash of the day's last entry, so it can be checked against the folder and the chain.
/// </summary>
internal sealed class DaySummary(DateTime day, IReadOnlyList<KeyValuePair<string, long>> files, string? lastHash, MetricsTally tally)
{
    public DateTime Day { get; } = day;

    /// <summary>Each file of the day, oldest first, with the length read.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Files { get; } = files;

    public string? LastHash { get; } = lastHash;

    public MetricsTally Tally { get; } = tally;

    /// <summary>
    /// Why the summary does not describe <paramref name="current"/> (the day's files now, full paths and lengths), or
    /// null when it does. A file compressed since is the same file when its gzip trailer gives the recorded length.
    /// </summary>
    public string? StaleBecause(IReadOnlyList<KeyValuePair<string, long>> current)
    {
        if (current.Count != Files.Count) return $"the day had {Files.Count} file(s), now {current.Count}";
        for (var i = 0; i < current.Count; i++)
        {
            var (name, length) = (Path.GetFileName(current[i].Key), current[i].Value);
            if (string.Equals(name, Files[i].Key, StringComparison.Ordinal) && length == Files[i].Value) continue;
            var compressed = string.Equals(name, Files[i].Key + ".gz", StringComparison.Ordinal)
                && GzipTrailer.Length(current[i].Key) == (uint)Files[i].Value;
            if (!compressed) return $"{Files[i].Key} was {Files[i].Value} bytes, now {name} is {length}";
        }
        return null;
    }
}

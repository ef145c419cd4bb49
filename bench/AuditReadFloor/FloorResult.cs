namespace CXoneRanking.Bench;

/// <summary>What one pass found: the counts prove it read every member it claims to, the sizes give the speed.</summary>
public sealed class FloorResult
{
    public double Seconds { get; set; }
    public int Files { get; set; }
    public long StoredBytes { get; set; }
    public long RawBytes { get; set; }
    public long Entries { get; set; }
    public long Rankings { get; set; }
    public long Clicks { get; set; }
    public long Impressions { get; set; }
    public long LatencySum { get; set; }
    public long ExperimentEntries { get; set; }
    public long Checksum { get; set; }
    public double RawMBPerSecond => RawBytes / 1e6 / Seconds;
}

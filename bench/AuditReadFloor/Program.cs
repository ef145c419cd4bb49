using System.Text.Json;
using CXoneRanking.Bench;

// AuditReadFloor <folder> [--rounds n] [--json]: the floor pass (README.md); with --rounds, the median of n passes after one.
if (args.Length == 0 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("Usage: AuditReadFloor <audit folder> [--rounds n] [--json]");
    return 2;
}
var rounds = Array.IndexOf(args, "--rounds") is var at and >= 0 ? int.Parse(args[at + 1]) : 1;
var results = new List<FloorResult>();
if (rounds > 1) AuditFolderFloor.Read(args[0]);
for (var i = 0; i < rounds; i++) results.Add(AuditFolderFloor.Read(args[0]));
var median = results.OrderBy(r => r.Seconds).ElementAt(results.Count / 2);
if (args.Contains("--json")) Console.WriteLine(JsonSerializer.Serialize(median));
else
    Console.WriteLine($"{median.Files} files, {median.RawBytes / 1e6:n0} MB raw ({median.StoredBytes / 1e6:n0} MB stored), "
        + $"{median.Entries:n0} entries "
        + $"({median.Rankings:n0} ranking, {median.Clicks:n0} click): {median.Seconds:n2} s, {median.RawMBPerSecond:n0} MB/s raw");
return 0;

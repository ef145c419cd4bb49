using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// Checks an audit directory's hash chain, every file in chain order. For each entry it re-hashes
/// the exact stored bytes (prev_hash + the line without its trailing "hash" member) and checks
/// that its prev_hash is the previous entry's hash, so an edited byte, a removed, inserted or
/// reordered line, or a missing file in the middle is found. Torn lines are listed and stepped
/// over: the next entry must still chain to the last good one. The oldest entry must chain to 64
/// zeros or to a retention anchor (<see cref="AuditAnchors"/>), so removing entries at the start
/// is found too. It also lists the sessions whose outcome is unknown: a ranking.sending
/// (write-ahead) entry with no outcome entry after it.
/// </summary>
public static class AuditChainVerifier
{
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static AuditVerificationResult Verify(string directory, CancellationToken cancellationToken = default,
        IProgress<AuditReadProgress>? progress = null)
    {
        var snapshot = AuditLogSnapshot.Take(directory, cancellationToken);
        var result = new AuditVerificationResult { Directory = snapshot.Directory };
        var torn = new List<SkippedLine>();
        var sendings = new UnknownOutcomeTracker();
        string? expected = null;
        foreach (var pair in snapshot.Lines(cancellationToken, progress))
        {
            var (file, line) = (pair.Key, pair.Value);
            if (line.Damage is { } damage)
            {
                // Entries were lost with it: the chain cannot be shown to hold, whatever follows.
                torn.Add(new SkippedLine(file.Path, line.Number, damage));
                if (result.Reason is null) (result.FailedFile, result.FailedLine, result.Reason) = (file.Path, line.Number, damage);
                continue;
            }
            if (line.IsBlank) continue;
            using var json = AuditLineParser.TryParse(line, out var tornReason);
            if (json is null)
            {
                torn.Add(new SkippedLine(file.Path, line.Number, tornReason!));
                continue;
            }
            result.Entries++;
            sendings.Add(json.RootElement, file.Path, line.Number);
            if (result.Reason is not null) continue; // only the first failure is reported; the rest is counted
            var problem = Check(json.RootElement, line, ref expected, result);
            if (problem is not null) (result.FailedFile, result.FailedLine, result.Reason) = (file.Path, line.Number, problem);
        }
        result.Files = snapshot.FilesRead;
        result.TornLines = torn;
        result.OutcomeUnknown = sendings.Open(snapshot.Files.Select(f => f.Key));
        if (result.IsValid) result.LastHash = expected;
        return result;
    }

    /// <summary>Why the entry breaks the chain, or null; moves <paramref name="expected"/> on to its hash.</summary>
    private static string? Check(JsonElement root, RawLine line, ref string? expected, AuditVerificationResult result)
    {
        if (root.ValueKind != JsonValueKind.Object) return "the line is JSON but not an entry object";
        // The raw token, not GetString: a hash has nothing to unescape, and a forged escape must not throw.
        var prevHash = root.TryGetProperty("prev_hash", out var prev) && prev.ValueKind == JsonValueKind.String ? prev.GetRawText().Trim('"') : null;
        if (!AuditHash.IsHash(prevHash)) return "the entry has no prev_hash (64 lowercase hex digits)";
        if (!AuditHash.TryUnseal(line.Bytes, out var hash, out var bodyLength))
            return root.TryGetProperty("hash", out _)
                ? "the entry's hash is malformed or is not its last member"
                : "the entry has no hash";
        if (AuditHash.Compute(prevHash, line.Bytes.Array!, line.Bytes.Offset, bodyLength) != hash)
            return "the hash does not match the entry's content: the line was changed after it was written";
        if (expected is null)
        {
            // Read only now: retention may have deleted (and anchored) older files since the snapshot.
            result.AnchorHash = prevHash;
            if (prevHash != AuditHash.Genesis && !AuditAnchors.Read(result.Directory).Contains(prevHash))
                return "the oldest entry chains neither to 64 zeros nor to a file that retention deleted: "
                    + "entries were removed from the start of the log";
        }
        else if (prevHash != expected)
            return $"prev_hash {Short(prevHash)} is not the hash of the entry before it ({Short(expected)}): "
                + "an entry was removed, inserted or reordered";
        expected = hash;
        return null;
    }

    private static string Short(string hash) => hash.Substring(0, 12) + "…";
}

namespace CXoneRanking.Audit;

/// <summary>Deletes the oldest log files beyond the retention count; called under the directory lock.</summary>
internal static class AuditRetention
{
    /// <summary>The names of the files deleted.</summary>
    public static IReadOnlyList<string> Apply(string directory, int retainedFiles, DateTimeOffset now)
    {
        var files = AuditLogFile.List(directory);
        var deleted = new List<string>();
        for (var i = 0; i < files.Count - retainedFiles; i++)
        {
            try
            {
                // The anchor first: should the delete then fail, an extra anchor is harmless.
                if (LastHash(files[i].Path) is { } last) AuditAnchors.Record(directory, last, files[i].Name, now);
                File.Delete(files[i].Path);
                deleted.Add(files[i].Name);
            }
            // Housekeeping only: a file some other program holds open without delete sharing
            // (Windows) is left for the next batch to remove, and the append still succeeds.
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return deleted;
    }

    private static string? LastHash(string path)
    {
        using var stream = RawLineReader.TryOpen(path);
        return stream is null ? null : AuditLogTail.LastHash(stream);
    }
}

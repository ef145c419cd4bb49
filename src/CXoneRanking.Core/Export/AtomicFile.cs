namespace CXoneRanking.Audit;

/// <summary>
/// Puts a file under its final name in one rename, so a reader (or an engine scanning the destination) sees the old file
/// or the new one, never a half-written one; a run stopped half-way leaves only a temporary name, which engines skip.
/// </summary>
internal static class AtomicFile
{
    /// <summary>A temporary name beside <paramref name="finalPath"/>: hidden, and not ending in the format's extension.</summary>
    public static string TemporaryFor(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, "." + Path.GetFileName(finalPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");

    /// <summary>Moves <paramref name="temporary"/> to <paramref name="finalPath"/>, replacing the file there in one step.</summary>
    public static void Commit(string temporary, string finalPath)
    {
        if (File.Exists(finalPath)) File.Replace(temporary, finalPath, destinationBackupFileName: null);
        else File.Move(temporary, finalPath);
    }

    public static void Write(string finalPath, byte[] bytes)
    {
        var temporary = TemporaryFor(finalPath);
        try
        {
            File.WriteAllBytes(temporary, bytes);
            Commit(temporary, finalPath);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}

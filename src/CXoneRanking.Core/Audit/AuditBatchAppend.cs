namespace CXoneRanking.Audit;

/// <summary>
/// Appends a batch's lines whole or not at all. Lines go to a file in one write per file (a
/// batch spans files only when it crosses the size limit); when any write or flush fails, every
/// file the batch touched is cut back to the length it had before, and a file the batch created
/// is removed. A caller that sees the exception therefore knows none of the batch is on disk
/// and may retry it without writing an entry twice.
/// </summary>
internal static class AuditBatchAppend
{
    /// <exception cref="IOException">The batch could not be written (nothing of it remains), or not undone (the message says so).</exception>
    public static void Write(AuditFileOutput output, IReadOnlyList<byte[]> lines)
    {
        var marks = new List<AuditFileMark> { output.Mark(created: false) };
        try
        {
            using var pending = new MemoryStream();
            foreach (var line in lines)
            {
                if (output.Length + pending.Length > 0 && output.Length + pending.Length + line.Length > output.Options.MaxFileBytes)
                {
                    WritePending(output, pending);
                    marks.Add(output.Mark(output.Roll()));
                }
                pending.Write(line, 0, line.Length);
            }
            WritePending(output, pending);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Undo(marks, e);
            throw;
        }
    }

    private static void WritePending(AuditFileOutput output, MemoryStream pending)
    {
        if (pending.Length == 0) return;
        output.Write(pending.GetBuffer(), (int)pending.Length);
        pending.SetLength(0);
    }

    private static void Undo(List<AuditFileMark> marks, Exception cause)
    {
        for (var i = marks.Count - 1; i >= 0; i--)
        {
            try
            {
                marks[i].Restore();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new IOException($"Could not write to the audit log: {cause.Message} Part of the batch may remain at the end of "
                    + $"'{marks[i].Path}' (its first {marks[i].Length} bytes are intact): cutting it back failed: {e.Message}", cause);
            }
        }
    }
}

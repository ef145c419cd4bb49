namespace CXoneRanking;

/// <summary>A line of the audit log that readers skipped: a torn write, or JSON that is not an entry.</summary>
public sealed class SkippedLine
{
    public SkippedLine(string file, int lineNumber, string reason)
    {
        File = file;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The file's full path.</summary>
    public string File { get; }

    /// <summary>1-based line number within <see cref="File"/>.</summary>
    public int LineNumber { get; }

    public string Reason { get; }

    public override string ToString() => $"{Path.GetFileName(File)}:{LineNumber}: {Reason}";
}

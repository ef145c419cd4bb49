namespace CXoneRanking.Audit;

/// <summary>
/// A compressed log file whose content cannot be read to its end: its gzip data is corrupt, or it
/// was cut short. An <see cref="IOException"/>, so every caller that copes with an unreadable file
/// copes with this one; readers turn it into a skipped line naming the file (see <see cref="RawLineReader"/>).
/// </summary>
public sealed class AuditFileDamagedException : IOException
{
    public AuditFileDamagedException(string path, string reason, Exception? inner = null)
        : base($"The compressed audit file '{path}' is damaged: {reason}", inner)
    {
        FilePath = path;
        Reason = reason;
    }

    /// <summary>The damaged file's full path.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, without the file's name.</summary>
    public string Reason { get; }
}

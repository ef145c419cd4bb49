namespace CXoneRanking.Audit;

/// <summary>
/// A log file's name holds something that is not a regular file (a pipe, a socket, a device).
/// The writer refuses to append to it rather than fail on it with the stream's own words: anyone
/// who may create a file in the folder could otherwise make it so, and the message must say what
/// to remove. Readers pass over such files without opening them (see <see cref="RawLineReader"/>).
/// </summary>
public sealed class AuditFileNotRegularException : IOException
{
    public AuditFileNotRegularException(string path)
        : base($"The audit log file '{path}' is not a regular file (a pipe, a socket or a device has its name): "
            + "no entry can be appended to it. Remove or rename it; the log then goes on in a regular file.") => Path = path;

    /// <summary>The full path of the file that is not a regular file.</summary>
    public string Path { get; }
}

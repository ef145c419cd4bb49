namespace CXoneRanking.Audit;

/// <summary>
/// One line of a log file as stored bytes, without its line ending. The bytes are only valid
/// until the reader moves to the next line.
/// </summary>
internal readonly struct RawLine(int number, ArraySegment<byte> bytes, bool terminated)
{
    /// <summary>1-based line number within its file.</summary>
    public int Number { get; } = number;

    public ArraySegment<byte> Bytes { get; } = bytes;

    /// <summary>False for a last line that has no newline yet: a torn write, or one in progress.</summary>
    public bool Terminated { get; } = terminated;

    public bool IsBlank
    {
        get
        {
            for (var i = Bytes.Offset; i < Bytes.Offset + Bytes.Count; i++)
                if (Bytes.Array![i] is not ((byte)' ' or (byte)'\t')) return false;
            return true;
        }
    }

    public ReadOnlyMemory<byte> Memory => new(Bytes.Array, Bytes.Offset, Bytes.Count);
}

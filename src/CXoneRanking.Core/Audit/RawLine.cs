namespace CXoneRanking.Audit;

/// <summary>
/// One line of a log file as stored bytes, without its line ending. The bytes are only valid
/// until the reader moves to the next line.
/// </summary>
internal readonly struct RawLine(int number, ArraySegment<byte> bytes, bool terminated, string? damage = null)
{
    /// <summary>1-based line number within its file.</summary>
    public int Number { get; } = number;

    public ArraySegment<byte> Bytes { get; } = bytes;

    /// <summary>False for a last line that has no newline yet: a torn write, or one in progress.</summary>
    public bool Terminated { get; } = terminated;

    /// <summary>
    /// Set on the empty line that ends a compressed file that is damaged: why the rest of the file cannot be read
    /// (the line is blank, so a reader that does not ask passes over it as over any blank line).
    /// </summary>
    public string? Damage { get; } = damage;

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

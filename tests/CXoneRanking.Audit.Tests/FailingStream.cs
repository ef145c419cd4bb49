namespace CXoneRanking.Audit.Tests;

/// <summary>
/// A log file's stream that lets <c>allowedBytes</c> through, then fails the way a full disk
/// does: the write that crosses the limit puts its first part in the file and throws.
/// </summary>
internal sealed class FailingStream(Stream inner, Func<long> allowedBytes) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    /// <summary>How many bytes the filter lets through in all; shared by every file a writer opens.</summary>
    public static Func<Stream, Stream> Filter(long allowedBytes)
    {
        var left = allowedBytes;
        return stream => new FailingStream(stream, () => left) { Spend = n => left -= n };
    }

    private Action<long> Spend { get; init; } = _ => { };

    public override void Write(byte[] buffer, int offset, int count)
    {
        var allowed = (int)Math.Min(count, Math.Max(0, allowedBytes()));
        inner.Write(buffer, offset, allowed);
        Spend(allowed);
        if (allowed < count) throw new IOException("No space left on device");
    }

    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

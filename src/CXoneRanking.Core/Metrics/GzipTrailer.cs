namespace CXoneRanking.Metrics;

/// <summary>The uncompressed length a gzip file states in its last 4 bytes (modulo 2^32, RFC 1952), read without inflating it.</summary>
internal static class GzipTrailer
{
    public static uint? Length(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < 18) return null;
            stream.Seek(-4, SeekOrigin.End);
            var bytes = new byte[4];
            for (var read = 0; read < 4;)
            {
                var n = stream.Read(bytes, read, 4 - read);
                if (n == 0) return null;
                read += n;
            }
            return (uint)(bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

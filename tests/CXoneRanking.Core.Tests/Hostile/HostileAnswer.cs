#nullable enable
using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CXoneRanking.Tests.Hostile;

/// <summary>
/// What <see cref="HostileServer"/> writes back for one request, raw. Each factory is one fault a
/// real server or a man in the middle can cause; <see cref="Raw"/> writes any bytes at all.
/// After the answer the connection is closed, except by <see cref="HeadersThenSilence"/>.
/// </summary>
public sealed class HostileAnswer
{
    private readonly byte[] _bytes;
    private readonly bool _thenSilence;

    private HostileAnswer(byte[] bytes, bool thenSilence)
    {
        _bytes = bytes;
        _thenSilence = thenSilence;
    }

    /// <summary>A complete answer: status, the headers given, Content-Length and the body.</summary>
    public static HostileAnswer Status(int status, string body = "", string contentType = "application/json", params string[] headers) =>
        Bytes(status, Encoding.UTF8.GetBytes(body), contentType, headers);

    /// <summary>A complete answer whose body is exactly <paramref name="body"/> (invalid UTF-8, say).</summary>
    public static HostileAnswer Bytes(int status, byte[] body, string contentType = "application/json", params string[] headers)
    {
        var head = Head(status, string.Empty,
            new[] { $"Content-Type: {contentType}", $"Content-Length: {body.Length}" }.Concat(headers).ToArray());
        return new HostileAnswer(Concat(head, body), false);
    }

    /// <summary>A redirect (302, 307, 308 ...) to <paramref name="location"/>, with no body.</summary>
    public static HostileAnswer Redirect(int status, Uri location) =>
        new(Head(status, string.Empty, $"Location: {location}", "Content-Length: 0"), false);

    /// <summary>200 declaring <paramref name="declaredLength"/> bytes, sending <paramref name="sent"/>, then closing.</summary>
    public static HostileAnswer CutBody(int declaredLength, string sent) =>
        new(Head(200, sent, "Content-Type: application/json", $"Content-Length: {declaredLength}"), false);

    /// <summary>200 with headers that promise a body, then nothing, until the client gives up.</summary>
    public static HostileAnswer HeadersThenSilence() =>
        new(Head(200, string.Empty, "Content-Type: application/json", "Content-Length: 100"), true);

    /// <summary>200 whose headers add up to <paramref name="bytes"/> bytes (one long header line).</summary>
    public static HostileAnswer HugeHeaders(int bytes) =>
        new(Head(200, "{}", $"X-Padding: {new string('a', bytes)}", "Content-Length: 2"), false);

    /// <summary>Exactly these bytes, nothing added.</summary>
    public static HostileAnswer Raw(byte[] bytes) => new(bytes, false);

    internal async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_bytes, 0, _bytes.Length, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_thenSilence) await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
    }

    // The status line, the headers and a body written as UTF-8 text (ASCII in every use here).
    private static byte[] Head(int status, string body, params string[] headers)
    {
        var text = new StringBuilder($"HTTP/1.1 {status} Hostile\r\nConnection: close\r\n");
        foreach (var header in headers) text.Append(header).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.Append("\r\n").Append(body).ToString());
    }

    private static byte[] Concat(byte[] first, byte[] second)
    {
        var all = new byte[first.Length + second.Length];
        Buffer.BlockCopy(first, 0, all, 0, first.Length);
        Buffer.BlockCopy(second, 0, all, first.Length, second.Length);
        return all;
    }
}

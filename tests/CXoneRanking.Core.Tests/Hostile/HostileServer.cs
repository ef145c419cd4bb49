#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CXoneRanking.Tests.Hostile;

/// <summary>
/// A hostile HTTP/1.1 server for the module's own transport tests: a raw TcpListener on
/// 127.0.0.1:0 that answers each request byte by byte as a <see cref="HostileAnswer"/> says,
/// so it can do what no well-behaved server does (cut a body short, go silent after the headers,
/// send megabytes of headers or invalid UTF-8, redirect elsewhere). Plain BCL on purpose:
/// Pester compiles this file with Add-Type and drives the real cmdlets against it.
/// <para>
/// Use: <c>using var server = HostileServer.Start(HostileAnswer.CutBody(1000, "{\"a\""));</c> then point a
/// client at <see cref="Uri"/>. Answers are given in order, the last repeated; or pass a
/// <c>Func&lt;HostileRequest, HostileAnswer&gt;</c> to choose per request. <see cref="Requests"/> holds
/// what arrived (method, target, headers, body), so a second server used as a redirect target
/// shows whether a credential reached it. One connection carries one request.
/// </para>
/// </summary>
public sealed class HostileServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<HostileRequest, HostileAnswer> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HostileRequest> _requests = new();
    private readonly Task _accepting;

    private HostileServer(Func<HostileRequest, HostileAnswer> answer)
    {
        _answer = answer;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The server's root, http://127.0.0.1:{port}/.</summary>
    public Uri Uri { get; }

    /// <summary>Every request read so far, in the order they arrived.</summary>
    public IReadOnlyList<HostileRequest> Requests => _requests.ToArray();

    /// <summary>
    /// <see cref="Requests"/> once at least <paramref name="count"/> arrived, or as they are after five seconds: the server
    /// reads each connection on the thread pool, which on a loaded machine can lag a client that already timed out.
    /// </summary>
    public async Task<IReadOnlyList<HostileRequest>> RequestsOnceAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (_requests.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20).ConfigureAwait(false);
        return Requests;
    }

    public static HostileServer Start(params HostileAnswer[] answers)
    {
        if (answers.Length == 0) throw new ArgumentException("Give at least one answer.", nameof(answers));
        var served = 0;
        return new HostileServer(_ => answers[Math.Min(Interlocked.Increment(ref served) - 1, answers.Length - 1)]);
    }

    public static HostileServer Start(Func<HostileRequest, HostileAnswer> answer) => new(answer);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the accept loop ends with the listener
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await HostileRequest.ReadAsync(stream, _stop.Token).ConfigureAwait(false);
                if (request is null) return;
                _requests.Enqueue(request);
                await _answer(request).WriteAsync(stream, _stop.Token).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the client gave up, or the server is stopping
            }
        }
    }
}

/// <summary>One request as it arrived: request line, headers (names case-insensitive) and body.</summary>
public sealed class HostileRequest
{
    private HostileRequest(string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    /// <summary>The path and query as sent.</summary>
    public string Target { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }
    public byte[] Body { get; }
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Whether the request carried <paramref name="name"/> (e.g. Authorization, X-Deki-Token).</summary>
    public bool Has(string name) => Headers.ContainsKey(name);

    internal static async Task<HostileRequest?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, 0, 1, cancellationToken).ConfigureAwait(false) == 0) return null;
            head.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        for (var read = 0; read < body.Length;)
        {
            var got = await stream.ReadAsync(body, read, body.Length - read, cancellationToken).ConfigureAwait(false);
            if (got == 0) break;
            read += got;
        }
        return new HostileRequest(start[0], start.Length > 1 ? start[1] : "/", headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[head.Count - 4] == '\r' && head[head.Count - 3] == '\n' && head[head.Count - 2] == '\r' && head[head.Count - 1] == '\n';
}

using System.Net;
using CXoneRanking.Api;
using Microsoft.Extensions.Logging.Abstractions;

namespace CXoneRanking.Tests.Api;

/// <summary>
/// Issue 7: a server that answers 5 MiB (a misbehaving proxy, a hostile endpoint) must not make
/// the module read more than <see cref="HttpBodies.MaxResponseBytes"/> of it, wherever the answer
/// comes from, and the submission must still end with a truthful status. The answers are
/// generated lazily and count what was pulled from them, so "read" here is exact, not inferred.
/// </summary>
public sealed class OversizedAnswerTests
{
    private const int FiveMiB = 5 * 1024 * 1024;
    // A read may take one buffer beyond the limit before it notices; anything more is unbounded.
    private const long ReadAllowance = HttpBodies.MaxResponseBytes + 128 * 1024;

    [Theory]
    [InlineData(HttpStatusCode.OK, SubmissionStatus.Succeeded, 1)]
    [InlineData(HttpStatusCode.BadRequest, SubmissionStatus.RankingRejected, 1)]
    [InlineData(HttpStatusCode.InternalServerError, SubmissionStatus.EngineFailure, 3)]
    [InlineData((HttpStatusCode)429, SubmissionStatus.RateLimited, 3)] // .NET Framework has no TooManyRequests member
    public async Task A_5_MiB_ranking_answer_is_read_only_up_to_the_limit_and_still_classified(HttpStatusCode status, SubmissionStatus expected, int attempts)
    {
        var handler = new OversizedHandler { Ranking = status };
        using var connection = await Connect(handler, maxAttempts: 3);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);

        Assert.Equal((expected, attempts, (int?)status), (result.Status, result.Attempts, result.HttpStatus));
        Assert.Equal(attempts, handler.Served.Count);
        Assert.All(handler.Served, a => Assert.InRange(a.BytesRead, 1, ReadAllowance));
        Assert.True(result.Problems.Count <= 50 && result.Problems.All(p => p.Length <= 503), "the server's problems are bounded too");
    }

    [Fact]
    public async Task A_5_MiB_session_status_answer_is_read_only_up_to_the_limit()
    {
        var handler = new OversizedHandler { Ranking = HttpStatusCode.Conflict, Session = HttpStatusCode.OK };
        using var connection = await Connect(handler);

        var result = await TestConnections.Submitter(connection, lockTimeout: TimeSpan.FromMilliseconds(700)).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);

        // An answer that cannot be read as a state is not "active": the session stays locked.
        Assert.Equal(SubmissionStatus.SessionLocked, result.Status);
        var polls = handler.Served.Where(s => s.Endpoint == "session").ToList();
        Assert.NotEmpty(polls);
        Assert.All(polls, a => Assert.InRange(a.BytesRead, 1, ReadAllowance));
    }

    [Fact]
    public async Task A_5_MiB_token_answer_is_refused_after_reading_at_most_the_limit()
    {
        var handler = new OversizedHandler { Token = HttpStatusCode.OK };

        var refused = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => Connect(handler));

        Assert.Contains("token endpoint", refused.Message);
        var served = Assert.Single(handler.Served);
        Assert.True(served.BytesRead <= ReadAllowance,
            $"the module read {served.BytesRead:N0} bytes of a token answer; at most {HttpBodies.MaxResponseBytes:N0} should be read (TokenClient buffers the whole body)");
    }

    [Fact]
    public async Task A_5_MiB_callback_answer_is_not_read_beyond_the_limit()
    {
        var handler = new OversizedHandler { Callback = HttpStatusCode.OK };
        using var connection = await Connect(handler);
        var submitter = new RankingSubmitter(connection, audit: null,
            new SubmitOptions { CallbackUri = new Uri("https://hooks.example.test/ranking"), LockTimeout = TimeSpan.FromSeconds(1) }, NullLogger.Instance);

        var result = await submitter.SubmitAsync(TestConnections.Ranking(), CancellationToken.None);

        Assert.Equal(SubmissionStatus.Succeeded, result.Status);
        Assert.Null(result.CallbackError);
        var served = Assert.Single(handler.Served, s => s.Endpoint == "callback");
        Assert.True(served.BytesRead <= ReadAllowance,
            $"the module read {served.BytesRead:N0} bytes of a callback answer it never uses (FeedbackCallback buffers the whole body)");
    }

    private static Task<CXoneConnection> Connect(OversizedHandler handler, int maxAttempts = 5) =>
        CXoneConnection.ConnectAsync(new ConnectionSettings
        {
            BaseUri = new Uri("https://tenant.example.test"),
            Credentials = new ClientCredentials(new Uri("https://tenant.example.test/oauth/token"), "client", SecureStrings.FromText("s3cr3t-value"), ClientCredentials.DefaultScopes),
            MaxAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            Handler = handler,
        }, CancellationToken.None);

    /// <summary>Answers normally, except that the chosen endpoints answer 5 MiB with the given status.</summary>
    private sealed class OversizedHandler : HttpMessageHandler
    {
        public HttpStatusCode? Token { get; init; }
        public HttpStatusCode? Ranking { get; init; }
        public HttpStatusCode? Session { get; init; }
        public HttpStatusCode? Callback { get; init; }

        public System.Collections.Concurrent.ConcurrentQueue<CountingContent> Served { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var (endpoint, status, normal) =
                request.RequestUri.Host == "hooks.example.test" ? ("callback", Callback, "{}")
                : path.EndsWith("/oauth/token", StringComparison.Ordinal) ? ("token", Token, """{"access_token":"tok-1","expires_in":3600,"token_type":"Bearer"}""")
                : request.Method == HttpMethod.Get ? ("session", Session, """{"state":"active"}""")
                : ("ranking", Ranking, """{"accepted":true}""");
            if (status is not { } huge) return Task.FromResult(ScriptedHandler.Json(HttpStatusCode.OK, normal));
            var content = new CountingContent(endpoint, FiveMiB);
            Served.Enqueue(content);
            var response = new HttpResponseMessage(huge) { Content = content };
            if (huge == HttpStatusCode.TooManyRequests) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return Task.FromResult(response);
        }
    }

    /// <summary>
    /// A JSON-looking body of <c>length</c> bytes made as it is read (<c>{"problems":["xxx...</c>),
    /// counting every byte anyone pulled from it, whether streamed or buffered.
    /// </summary>
    private sealed class CountingContent(string endpoint, long length) : HttpContent
    {
        private static readonly byte[] Head = "{\"problems\":[\""u8.ToArray();
        private long _read;

        public string Endpoint { get; } = endpoint;
        public long Size { get; } = length;
        public long BytesRead => Interlocked.Read(ref _read);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Body(this));

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var body = new Body(this);
            var buffer = new byte[81920];
            int n;
            while ((n = body.Read(buffer, 0, buffer.Length)) > 0) await stream.WriteAsync(buffer.AsMemory(0, n));
        }

        protected override bool TryComputeLength(out long size)
        {
            size = Size;
            return true;
        }

        private sealed class Body(CountingContent owner) : Stream
        {
            private long _position;

            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = (int)Math.Min(count, owner.Size - _position);
                for (var i = 0; i < n; i++)
                {
                    var at = _position + i;
                    buffer[offset + i] = at < Head.Length ? Head[at] : (byte)'x';
                }
                _position += n;
                Interlocked.Add(ref owner._read, n);
                return n;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => owner.Size;
            public override long Position { get => _position; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}

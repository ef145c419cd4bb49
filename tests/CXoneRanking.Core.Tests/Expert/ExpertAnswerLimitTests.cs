using System.Net;
using System.Text;
using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Expert;

/// <summary>
/// What an answer may be made of: deep nesting, a flood of elements and a DTD are refused by name,
/// and reading an answer stops when the request is cancelled (docs/reliability.md).
/// </summary>
public sealed class ExpertAnswerLimitTests
{
    private const string Admin = """<user id="1"><username>admin</username></user>""";

    [Fact]
    public async Task An_answer_nested_140000_elements_deep_is_refused_as_too_deep()
    {
        const int depth = 140_000;
        var body = "<user>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</user>";
        Assert.True(Encoding.UTF8.GetByteCount(body) < 1024 * 1024);
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, body, "application/xml") };

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => ExpertConnection.ConnectAsync(ExpertFakeSite.Settings(site), default));

        Assert.Equal(ExpertFailure.UnreadableAnswer, error.Failure);
        Assert.Contains($"nested deeper than {ExpertDocument.MaxDepth} elements", error.Message);
    }

    [Fact]
    public async Task A_JSON_answer_nested_deeply_is_refused_as_too_deep()
    {
        const int depth = 100_000;
        var body = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, body) };

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => ExpertConnection.ConnectAsync(ExpertFakeSite.Settings(site), default));

        Assert.Equal(ExpertFailure.UnreadableAnswer, error.Failure);
        Assert.Contains($"nested deeper than {ExpertDocument.MaxDepth}", error.Message);
    }

    [Fact]
    public async Task An_answer_of_more_elements_than_any_Expert_answer_has_is_refused()
    {
        var body = "<user id=\"1\"><username>admin</username>" + string.Concat(Enumerable.Repeat("<a/>", ExpertDocument.MaxElements)) + "</user>";
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, body, "application/xml") };

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => ExpertConnection.ConnectAsync(ExpertFakeSite.Settings(site), default));

        Assert.Equal(ExpertFailure.UnreadableAnswer, error.Failure);
        Assert.Contains($"more than {ExpertDocument.MaxElements:N0} elements", error.Message);
    }

    [Fact]
    public async Task An_answer_carrying_a_DTD_is_refused_as_such_and_not_as_line_0()
    {
        var body = "<?xml version=\"1.0\"?><!DOCTYPE user [<!ENTITY e \"admin\">]><user id=\"1\"><username>&e;</username></user>";
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, body, "application/xml") };

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => ExpertConnection.ConnectAsync(ExpertFakeSite.Settings(site), default));

        Assert.Equal(ExpertFailure.UnreadableAnswer, error.Failure);
        Assert.Contains("carries a DTD (<!DOCTYPE>), which is refused", error.Message);
        Assert.DoesNotContain("line 0", error.Message);
    }

    [Fact]
    public async Task An_answer_is_not_read_once_the_request_is_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var site = new ExpertFakeSite
        {
            Answer = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CancelAtEnd(Admin, cancel)) },
        };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.VerifySignInAsync(cancel.Token));
    }

    [Fact]
    public async Task An_ordinary_answer_still_reads()
    {
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, Admin, "application/xml") };

        using var connection = await ExpertConnection.ConnectAsync(ExpertFakeSite.Settings(site), default);

        Assert.Equal("admin", connection.SignedInAs!.Username);
    }

    // A body whose last read cancels the request, as Ctrl+C pressed while the answer is parsed would.
    private sealed class CancelAtEnd(string text, CancellationTokenSource cancel) : MemoryStream(Encoding.UTF8.GetBytes(text))
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = Read(buffer, offset, count);
            if (read == 0) cancel.Cancel();
            return Task.FromResult(read);
        }

#if NET // .NET Framework's Stream has no Memory<byte> overload
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = Read(buffer.Span);
            if (read == 0) cancel.Cancel();
            return new ValueTask<int>(read);
        }
#endif
    }
}

using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Edge.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>
/// A server that misbehaves (a raw socket on 127.0.0.1): the client's limits hold, nothing hangs,
/// and a broken response still becomes a typed error with its status and what came of its body.
/// </summary>
public class FaultTests
{
    private const string Json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

    [Fact]
    public async Task HttpClient_Timeout_bounds_a_body_that_trickles()
    {
        await using var server = RawTcpServer.Start(async (stream, stop) =>
        {
            await RawTcpServer.WriteAsync(stream, Json + "Content-Length: 100\r\n\r\n{\"data\":", stop);
            for (var i = 0; i < 200; i++)
            {
                await Task.Delay(100, stop);
                await RawTcpServer.WriteAsync(stream, " ", stop);
            }
        });
        using var http = server.CreateClient();
        http.Timeout = TimeSpan.FromMilliseconds(500);

        var e = await Assert.ThrowsAsync<TaskCanceledException>(() => new EdgeClient(http).Flags.CheckAsync(1));

        Assert.IsType<TimeoutException>(e.InnerException);
        Assert.Contains("HttpClient.Timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_token_cancels_a_trickling_body_as_a_cancellation_not_a_timeout()
    {
        await using var server = RawTcpServer.Start(async (stream, stop) =>
        {
            await RawTcpServer.WriteAsync(stream, Json + "Content-Length: 100\r\n\r\n{", stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        using var http = server.CreateClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new EdgeClient(http).Flags.CheckAsync(1, cancel.Token));

        Assert.IsNotType<TimeoutException>(e.InnerException);
        Assert.Equal(cancel.Token, e.CancellationToken);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MaxResponseContentBufferSize_bounds_a_success_body(bool announced)
    {
        var body = "{\"ok\":true,\"data\":\"" + new string('x', 50_000) + "\"}";
        await using var server = RawTcpServer.Start(async (stream, stop) =>
            await RawTcpServer.WriteAsync(stream, Json + (announced ? "Content-Length: " + body.Length + "\r\n\r\n" : "Connection: close\r\n\r\n") + body, stop));
        using var http = server.CreateClient();
        http.MaxResponseContentBufferSize = 1024;

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => new EdgeClient(http).Flags.CheckAsync(1));

        Assert.Contains("MaxResponseContentBufferSize of 1024 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_keeps_the_first_MiB_of_a_huge_error_body_and_counts_the_rest()
    {
        const int Size = 3 * 1024 * 1024;
        await using var server = RawTcpServer.Start(async (stream, stop) =>
            await RawTcpServer.WriteAsync(stream, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: " + Size + "\r\n\r\n" + new string('<', Size), stop));
        using var http = server.CreateClient();

        var e = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Flags.CheckAsync(1));

        Assert.Equal(500, (int)e.StatusCode);
        Assert.Equal(ApiFailure.MaxKeptBodyBytes, e.ResponseBodyBytes.Length);
        Assert.Equal(ApiFailure.MaxKeptBodyBytes, e.ResponseBody.Length);
        Assert.Equal(Size, e.ResponseBodyLength);
    }

    [Fact]
    public async Task An_error_body_that_breaks_off_keeps_the_status_and_what_came()
    {
        await using var server = RawTcpServer.Start(async (stream, stop) =>
            await RawTcpServer.WriteAsync(stream, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nout of mem", stop));
        using var http = server.CreateClient();

        var e = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Flags.CheckAsync(1));

        Assert.Equal(500, (int)e.StatusCode);
        Assert.Equal("out of mem", e.ResponseBody);
        Assert.False(e.IsMalformedResponse);
        Assert.IsAssignableFrom<System.IO.IOException>(e.InnerException);
        Assert.Contains("broke off after 10 bytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public async Task A_number_beyond_double_is_a_malformed_response_not_infinity(string number)
    {
        var body = "{\"ok\":true,\"data\":{\"score\":" + number + "}}";
        await using var server = RawTcpServer.Start(async (stream, stop) =>
            await RawTcpServer.WriteAsync(stream, Json + "Content-Length: " + body.Length + "\r\n\r\n" + body, stop));
        using var http = server.CreateClient();

        var e = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Scores.ReadAsync());

        Assert.True(e.IsMalformedResponse);
        Assert.Equal(body, e.ResponseBody);
    }

    [Fact]
    public async Task A_duplicate_json_key_keeps_the_last_value_as_documented()
    {
        const string Body = "{\"ok\":true,\"data\":true,\"data\":false}";
        await using var server = RawTcpServer.Start(async (stream, stop) =>
            await RawTcpServer.WriteAsync(stream, Json + "Content-Length: " + Body.Length + "\r\n\r\n" + Body, stop));
        using var http = server.CreateClient();

        Assert.False((await new EdgeClient(http).Flags.CheckAsync(1)).Data);
    }

    [Fact]
    public async Task A_handler_that_changes_one_requests_content_type_changes_no_other()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """{"data": ["a"], "ok": true}"""));
        using var http = new HttpClient(new CharSetChanger { InnerHandler = new HttpClientHandler() }) { BaseAddress = server.CreateClient().BaseAddress };
        var lines = new[] { new OrdersAddLines.NewLine { Sku = "s", Quantity = 1 } };

        await new EdgeClient(http).Orders.AddLinesAsync("o1", lines);
        await new EdgeClient(new HttpClient { BaseAddress = http.BaseAddress }).Orders.AddLinesAsync("o1", lines);

        Assert.Equal(new[] { "application/json; charset=latin1", "application/json; charset=utf-8" }, server.Requests.Select(r => r.ContentType));
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/api?key=1")]
    [InlineData("http://127.0.0.1:1/api#top")]
    public void A_base_address_with_a_query_or_fragment_is_refused(string baseAddress)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };

        var e = Assert.Throws<ArgumentException>(() => new EdgeClient(http));

        Assert.Contains("query or fragment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_route_value_is_refused_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, "{}"));
        using var http = server.CreateClient();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => new EdgeClient(http).Reports.ReadAsync(string.Empty));

        Assert.Equal("id", e.ParamName);
        Assert.Empty(server.Requests);
    }

    /// <summary>A handler that sets a charset on each request's Content-Type, as some signing or logging handlers do.</summary>
    private sealed class CharSetChanger : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Content!.Headers.ContentType!.CharSet = "latin1";
            return base.SendAsync(request, cancellationToken);
        }
    }
}

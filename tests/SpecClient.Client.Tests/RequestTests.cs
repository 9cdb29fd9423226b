using System;
using System.Threading;
using System.Threading.Tasks;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>Route values are validated before sending and arrive intact; calls can be cancelled.</summary>
public class RequestTests
{
    private const string Uuid = "cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d";

    [Theory]
    [InlineData(Uuid, "12abc")]
    [InlineData(Uuid, "12\n")]
    [InlineData(Uuid, "\u0663")]
    [InlineData(Uuid, "")]
    [InlineData(Uuid, "-1")]
    [InlineData("not-a-uuid", "1")]
    [InlineData(Uuid + "\n", "1")]
    [InlineData("x" + Uuid, "1")]
    public async Task Invalid_route_values_never_reach_the_server(string callId, string callNumber)
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "power-function-abort.json"));
        using var http = server.CreateClient();

        var e = Assert.Throws<ArgumentException>(() => { _ = new WeTransformClient(http).PowerFunctions.AbortAsync(callId, callNumber); });

        var invalid = callId == Uuid ? ("callNumber", callNumber, @"\d+") : ("callId", callId, "[0-9A-Fa-f]{8}-");
        Assert.Equal(invalid.Item1, e.ParamName);
        if (invalid.Item2.Length == 0)
        {
            Assert.Contains("'" + invalid.Item1 + "' is empty", e.Message, StringComparison.Ordinal);
        }
        else
        {
            // Quoted with control characters escaped: a line break in a value cannot forge a log line.
            Assert.Contains("\"" + invalid.Item2.Replace("\n", "\\n", StringComparison.Ordinal) + "\"", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", e.Message, StringComparison.Ordinal);
            Assert.Contains(invalid.Item3, e.Message, StringComparison.Ordinal);
        }

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Null_route_values_are_rejected_by_name()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "template.json"));
        using var http = server.CreateClient();
        var client = new WeTransformClient(http);

        Assert.Equal("templateHandle", Assert.Throws<ArgumentNullException>(() => { _ = client.Templates.ReadAsync(null!); }).ParamName);
        Assert.Equal("submissionId", Assert.Throws<ArgumentNullException>(() => { _ = client.Submissions.ReadAsync((string)null!); }).ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Valid_string_route_values_are_sent()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "power-function-abort.json"));
        using var http = server.CreateClient();

        await new WeTransformClient(http).PowerFunctions.AbortAsync(Uuid.ToUpperInvariant(), "0012");

        Assert.Equal("/power-functions/CBE6D17E-9C19-4AC3-BAF5-8E7E4BB53E3D/0012/abort", Assert.Single(server.Requests).RawTarget);
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    [InlineData("50%", "50%25")]
    [InlineData("my template", "my%20template")]
    [InlineData("a?b#c", "a%3Fb%23c")]
    [InlineData("caf\u00e9", "caf%C3%A9")]
    public async Task Route_values_arrive_intact_and_escaped(string handle, string escaped)
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "template.json"));
        using var http = server.CreateClient();

        await new WeTransformClient(http).Templates.ReadAsync(handle);

        var target = Assert.Single(server.Requests).RawTarget;
        Assert.Equal("/template/" + escaped, target);
        Assert.Equal(handle, Uri.UnescapeDataString(target["/template/".Length..]));
    }

    [Fact]
    public async Task A_cancelled_call_stops_waiting_for_the_server()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "template.json") with { Delay = TimeSpan.FromSeconds(30) });
        using var http = server.CreateClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new WeTransformClient(http).Templates.ReadAsync("my-template", cancellation.Token));
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "template.json"));
        using var http = server.CreateClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new WeTransformClient(http).Templates.ReadAsync("my-template", new CancellationToken(canceled: true)));
        Assert.Empty(server.Requests);
    }
}

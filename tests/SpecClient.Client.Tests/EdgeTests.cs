using System;
using System.Text.Json;
using System.Threading.Tasks;
using Edge.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>Generated shapes the seed pages do not exercise (Specs/*.spec.yaml), over HTTP.</summary>
public class EdgeTests
{
    private const string Line = """{"data":{"type":"small","reader":"r","reader_value":"rv","meta":{"k":1}},"ok":true}""";

    [Fact]
    public async Task A_typed_overload_still_checks_the_other_parameters()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, Line));
        using var http = server.CreateClient();
        var orders = new EdgeClient(http).Orders;

        Assert.Equal("code", Assert.Throws<ArgumentException>(() => { _ = orders.ReadAsync(7UL, "abc", "x"); }).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => { _ = orders.ReadAsync(7UL, "ABC", null!); }).ParamName);
        Assert.Empty(server.Requests);

        var line = (await orders.ReadAsync(7UL, "ABC", "x y", page: 2)).Data;

        Assert.Equal("/orders/7/lines/ABC?name=x%20y&page=2", Assert.Single(server.Requests).RawTarget);
        Assert.Equal(OrdersRead.TypeModel.Small, line.Type);
        Assert.Equal(("r", "rv"), (line.Reader, line.ReaderValue));
        Assert.Equal(1, line.Meta.GetProperty("k").GetInt32());
    }

    [Fact]
    public async Task Values_an_endpoint_always_sends_go_in_the_query_and_headers_before_the_arguments()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(204, string.Empty, ContentType: null));
        using var http = server.CreateClient();

        await new EdgeClient(http).Actions.DescribeAsync("i-7", trace: "t1");

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/?Action=Describe&Version=2016-11-15&id=i-7"), (request.Method, request.RawTarget));
        Assert.Equal(("Service_20120810.Describe", "t1"), (request.Headers["X-Amz-Target"], request.Headers["X-Trace"]));
    }

    [Fact]
    public async Task An_optional_query_parameter_left_null_is_not_sent()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, Line));
        using var http = server.CreateClient();

        await new EdgeClient(http).Orders.ReadAsync("0042", "XYZ", "n");

        Assert.Equal("/orders/0042/lines/XYZ?name=n", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task A_non_nullable_any_that_is_null_is_a_malformed_response()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, Line.Replace("{\"k\":1}", "null", StringComparison.Ordinal)));
        using var http = server.CreateClient();

        var e = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Orders.ReadAsync(7UL, "ABC", "x"));

        Assert.True(e.IsMalformedResponse);
        Assert.Contains("'meta'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_integer_route_value_is_checked_against_its_pattern()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """{"data":true,"ok":true}"""));
        using var http = server.CreateClient();
        var flags = new EdgeClient(http).Flags;

        Assert.Equal("id", Assert.Throws<ArgumentException>(() => { _ = flags.CheckAsync(0); }).ParamName);
        Assert.Empty(server.Requests);

        Assert.True((await flags.CheckAsync(5)).Data);
        Assert.Equal("/flags/5", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task A_missing_value_type_payload_is_a_malformed_response()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """{"ok":true}"""));
        using var http = server.CreateClient();

        var e = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Flags.CheckAsync(5));

        Assert.True(e.IsMalformedResponse);
        Assert.Contains("'data'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_array_body_is_sent_and_a_path_and_a_query_parameter_may_share_a_name()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """{"data":["a","b"],"ok":true}"""));
        using var http = server.CreateClient();
        var orders = new EdgeClient(http).Orders;

        Assert.Equal("body", Assert.Throws<ArgumentNullException>(() => { _ = orders.AddLinesAsync("9", null!); }).ParamName);

        var added = await orders.AddLinesAsync("9", new[] { new OrdersAddLines.NewLine { Sku = "s-1", Quantity = 3 } }, idParameter: "q");

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/orders/9/lines?id=q", """[{"sku":"s-1","quantity":3}]"""), (request.Method, request.RawTarget, request.Body));
        Assert.Equal(new[] { "a", "b" }, added.Data);
    }

    [Fact]
    public async Task Route_values_of_every_scalar_type_are_written_as_JSON_writes_them_whatever_the_culture()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(204, string.Empty, ContentType: null));
        using var http = server.CreateClient();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            await new EdgeClient(http).Flags.SetAsync(true, 1.5, new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.FromHours(2)), -3);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal("/flags/true/1.5/2024-01-02T10%3A00%3A00.0000000%2B02%3A00/-3", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task A_body_that_starts_with_a_byte_order_mark_is_read()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, "\uFEFF" + """{"data":true,"ok":true}"""));
        using var http = server.CreateClient();

        Assert.True((await new EdgeClient(http).Flags.CheckAsync(1)).Data);
    }

    [Fact]
    public void JsonSerializer_uses_the_generated_converter_of_a_record()
    {
        // The System.Text.Json source generator cannot see generated types (SYSLIB1030), but the
        // reflection-based serializer finds each record's [JsonConverter].
        var options = new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        var line = new OrdersAddLines.NewLine { Sku = "s", Quantity = 1, AdditionalProperties = new System.Collections.Generic.Dictionary<string, JsonElement> { ["x"] = JsonDocument.Parse("true").RootElement } };

        var json = JsonSerializer.Serialize(line, options);

        Assert.Equal("""{"sku":"s","quantity":1,"x":true}""", json);
        Assert.Equal(line with { AdditionalProperties = null }, JsonSerializer.Deserialize<OrdersAddLines.NewLine>(json, options)! with { AdditionalProperties = null });
    }
}

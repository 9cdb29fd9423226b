using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Edge.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>Optional members, maps, date-time variants, enum names, no-content successes and deprecation, over HTTP.</summary>
public class FormatTests
{
    [Fact]
    public async Task Absent_and_null_read_apart_and_maps_read_typed()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """
            {"data": {"counts": {"a": 1, "b": 2}, "reasons": [], "note": null, "at": "2024-01-02 10:00:00", "day": "2024-02-29", "level": "ISO-8859-1", "z": {"k": 1}}, "ok": true}
            """));
        using var http = server.CreateClient();

        var report = (await new EdgeClient(http).Reports.ReadAsync("r1")).Data;

        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["b"] = 2 }, report.Counts);
        Assert.Empty(report.Reasons!);
        Assert.True(report.Note.HasValue);
        Assert.Null(report.Note.Value);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero), report.At);
        Assert.Equal(new DateOnly(2024, 2, 29), report.Day);
        Assert.Equal(ReportsRead.Level.Iso88591, report.Level);
        Assert.True(report.AdditionalProperties!.ContainsKey("z"));
    }

    [Fact]
    public async Task Absent_optional_members_read_as_absent()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """
            {"data": {"counts": {}, "reasons": {"x": {"code": "c"}}, "at": "2024-01-02T10:00:00+0200", "level": "OR%"}, "ok": true}
            """));
        using var http = server.CreateClient();

        var report = (await new EdgeClient(http).Reports.ReadAsync("r1")).Data;

        Assert.False(report.Note.HasValue);
        Assert.Equal("c", report.Reasons!["x"].Code);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.FromHours(2)), report.At);
        Assert.Equal(ReportsRead.Level.Or, report.Level);
        Assert.Equal("DATE_FORMAT", ReportsRead.Level.DateFormat.Value);
    }

    [Fact]
    public async Task A_missing_required_map_is_a_malformed_response()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """{"data": {"at": "2024-01-02T10:00:00Z", "level": "x"}, "ok": true}"""));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Reports.ReadAsync("r1"));

        Assert.Contains("counts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unset", """{"title":"t","empty":null}""")]
    [InlineData("null", """{"title":"t","note":null,"empty":null}""")]
    [InlineData("set", """{"title":"t","note":"n","priority":3,"tags":{"a":"b"},"empty":null}""")]
    public async Task Optional_members_are_left_out_unless_set(string which, string expected)
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(204, string.Empty, ContentType: null));
        using var http = server.CreateClient();
        var body = which switch
        {
            "unset" => new ReportsCreate.NewReport { Title = "t" },
            "null" => new ReportsCreate.NewReport { Title = "t", Note = null },
            _ => new ReportsCreate.NewReport { Title = "t", Note = "n", Priority = 3, Tags = new Dictionary<string, string> { ["a"] = "b" } },
        };

        await new EdgeClient(http).Reports.CreateAsync(body);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/reports"), (request.Method, request.RawTarget));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(request.Body)), request.Body);
    }

    [Theory]
    [InlineData(200, "")]
    [InlineData(200, "{\"anything\": true}")]
    [InlineData(202, "")]
    [InlineData(204, "")]
    public async Task A_success_without_a_body_model_completes_whatever_the_body(int status, string body)
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(status, body, ContentType: null));
        using var http = server.CreateClient();

        await new EdgeClient(http).Reports.CreateAsync(new ReportsCreate.NewReport { Title = "t" });

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_failure_without_a_body_model_still_throws_with_the_body()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(409, """{"ok": false, "data": []}"""));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Reports.CreateAsync(new ReportsCreate.NewReport { Title = "t" }));

        Assert.Equal(409, (int)error.StatusCode);
        Assert.Contains("\"ok\": false", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Deprecated_endpoints_and_members_are_obsolete()
    {
        var archive = typeof(IReportsEndpoints).GetMethod(nameof(IReportsEndpoints.ArchiveAsync))!;
        var old = typeof(ReportsRead.Report).GetProperty("Old")!;

        Assert.NotNull(Attribute.GetCustomAttribute(archive, typeof(ObsoleteAttribute)));
        Assert.NotNull(Attribute.GetCustomAttribute(old, typeof(ObsoleteAttribute)));
    }

    [Fact]
    public async Task Query_parameters_of_every_shape_are_encoded()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, string.Empty, ContentType: null));
        using var http = server.CreateClient();

        await new EdgeClient(http).Reports.SearchAsync(
            ReportsSearch.Level.High,
            levels: new[] { ReportsSearch.Grade.AB, ReportsSearch.Grade.C },
            since: new[] { new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) },
            flags: new[] { true, false },
            on: new DateOnly(2024, 3, 1),
            window: new ReportsSearch.Window { From = 1 },
            rows: new[] { new ReportsSearch.Row { Id = 7 } });
        await new EdgeClient(http).Reports.SearchAsync(ReportsSearch.Level.Low);

        Assert.Equal(
            new[]
            {
                "/reports?level=HIGH&levels=A_B&levels=C&since=2024-01-02T03%3A04%3A05%2B00%3A00&flags=true&flags=false&on=2024-03-01&window[from]=1&rows[0][id]=7",
                "/reports?level=LOW",
            },
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task A_download_is_a_stream_the_caller_reads_and_disposes()
    {
        // ASCII, because the test server writes its body as text.
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 128)).ToArray();
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, System.Text.Encoding.ASCII.GetString(bytes), "application/octet-stream"));
        using var http = server.CreateClient();

        await using var stream = await new EdgeClient(http).Reports.DownloadAsync("r1");
        using var copy = new System.IO.MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(("GET", "/reports/r1/file"), (Assert.Single(server.Requests).Method, server.Requests.Single().RawTarget));
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task A_failed_download_throws_with_the_body()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(404, "<html>gone</html>", "text/html"));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Reports.DownloadAsync("r1"));

        Assert.Equal((404, "<html>gone</html>"), ((int)error.StatusCode, error.ResponseBody));
    }

    [Fact]
    public async Task Header_parameters_of_one_endpoint_are_sent()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(201, """{"data": {"id": "c1"}, "ok": true}"""));
        using var http = server.CreateClient();
        var customers = new EdgeClient(http).Customers;

        var created = (await customers.CreateAsync(5, new CustomersCreate.Request { ExternalId = "e1" }, ccOrganization: "org 1")).Data;
        await customers.CreateAsync(6, new CustomersCreate.Request { ExternalId = "e2" });

        var requests = server.Requests.ToArray();
        Assert.Equal(("org 1", "5"), (requests[0].Headers["X-CCOrganization"], requests[0].Headers["X-Request-Number"]));
        Assert.False(requests[1].Headers.ContainsKey("X-CCOrganization"));
        Assert.Equal("c1", created.Id);
    }

    [Fact]
    public async Task A_header_value_with_a_line_break_is_refused_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(201, """{"data": {"id": "c1"}, "ok": true}"""));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new EdgeClient(http).Customers.CreateAsync(5, new CustomersCreate.Request { ExternalId = "e1" }, ccOrganization: "a\r\nX-Evil: 1"));

        Assert.Equal("X-CCOrganization", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_error_status_one_endpoint_documents_is_quoted_in_its_exception()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(409, """{"ok": false, "data": []}"""));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Customers.CreateAsync(5, new CustomersCreate.Request { ExternalId = "e1" }));

        Assert.Equal(409, (int)error.StatusCode);
        Assert.EndsWith("A customer with this external ID exists already.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(409, """{"existing_id": "c7", "links": {"self": "/customers/c7"}}""")]
    [InlineData(400, """[{"field": "external_id", "message": "too long"}]""")]
    public async Task An_error_status_with_a_body_of_its_own_reads_that_body(int status, string body)
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(status, body));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Customers.CreateAsync(5, new CustomersCreate.Request { ExternalId = "e1" }));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal(body, error.ResponseBody);
        if (status == 409)
        {
            var conflict = Assert.IsType<CustomersCreate.Conflict>(error.EndpointError);
            Assert.Equal("c7", conflict.ExistingId);
            Assert.Equal("/customers/c7", conflict.Links!["self"]);
        }
        else
        {
            var problem = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<CustomersCreate.Problem>>(error.EndpointError));
            Assert.Equal(("external_id", "too long"), (problem.Field, problem.Message));
        }
    }

    [Theory]
    [InlineData(409, "<html>Conflict</html>", "text/html")]
    [InlineData(409, "", null)]
    [InlineData(409, """{"links": {}}""", "application/json")]
    [InlineData(503, """{"existing_id": "c7"}""", "application/json")]
    [InlineData(500, """[{"field": "f", "message": "m"}]""", "application/json")]
    public async Task An_error_body_that_is_not_the_documented_one_leaves_EndpointError_null(int status, string body, string? contentType)
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(status, body, contentType));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<EdgeException>(() => new EdgeClient(http).Customers.CreateAsync(5, new CustomersCreate.Request { ExternalId = "e1" }));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal(body, error.ResponseBody);
        Assert.Null(error.EndpointError);
    }

    [Fact]
    public async Task A_date_in_the_path_is_checked_and_sent_as_yyyy_MM_dd()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, string.Empty, ContentType: null));
        using var http = server.CreateClient();

        await new EdgeClient(http).Reports.ForDayAsync(new DateOnly(2024, 1, 2));

        Assert.Equal("/reports/day/2024-01-02", Assert.Single(server.Requests).RawTarget);
    }
}

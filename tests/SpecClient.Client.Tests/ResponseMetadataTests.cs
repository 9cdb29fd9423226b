using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OracleCommerce.Admin;
using Edge.Client;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>The ...WithResponseAsync twins against Kestrel: the typed result with the success's status and headers.</summary>
public class ResponseMetadataTests
{
    [Fact]
    public async Task A_202_gives_its_location_and_headers_beside_the_typed_result()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(202, """{"processId":"p1","status":"submitted"}""")
        {
            Headers = new Dictionary<string, string> { ["Location"] = "http://example.com/ccadmin/v1/exportProcess/p1", ["X-Request-Id"] = "r-42" },
        });
        using var http = server.CreateClient();

        var response = await new OracleCommerceAdminClient(http).ExportProcess.StartWithResponseAsync(new ExportProcessStart.ExportRequest { Items = Array.Empty<ExportProcessStart.ExportItem>() });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new Uri("http://example.com/ccadmin/v1/exportProcess/p1"), response.Headers.Location);
        Assert.Equal("r-42", response.GetHeader("x-request-id"));
        Assert.Equal("application/json", response.GetHeader("Content-Type"));
        Assert.Null(response.GetHeader("ETag"));
        Assert.Equal(("p1", "submitted"), (response.Value.ProcessId, response.Value.Status));
        Assert.Equal("""{"items":[]}""", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task A_success_without_a_body_gives_its_status_and_headers()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(204, string.Empty, ContentType: null)
        {
            Headers = new Dictionary<string, string> { ["ETag"] = "\"v2\"" },
        });
        using var http = server.CreateClient();

        var response = await new EdgeClient(http).Reports.CreateWithResponseAsync(new ReportsCreate.NewReport { Title = "t" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("\"v2\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task The_typed_overload_has_a_twin_too()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "submission.json"));
        using var http = server.CreateClient();

        var response = await new WeTransformClient(http).Submissions.ReadWithResponseAsync(Guid.Parse("CBE6D17E-9C19-4AC3-BAF5-8E7E4BB53E3D"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d", response.Value.Payload.SubmissionId);
        Assert.Equal("/sender/submission/cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task A_download_gives_its_stream_with_the_headers()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, "abc", "text/csv")
        {
            Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=\"r1.csv\"" },
        });
        using var http = server.CreateClient();

        var response = await new EdgeClient(http).Reports.DownloadWithResponseAsync("r1");
        await using var stream = response.Value;
        using var reader = new System.IO.StreamReader(stream);

        Assert.Equal("abc", await reader.ReadToEndAsync());
        Assert.Equal("r1.csv", response.ContentHeaders!.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task An_error_still_throws_the_typed_exception_with_its_body()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(400, """{"errorCode":"20161","message":"bad","status":"400"}"""));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<OracleCommerceAdminException>(() => new OracleCommerceAdminClient(http).Collections.DeleteWithResponseAsync("x", "cat1"));

        Assert.Equal((HttpStatusCode.BadRequest, "20161"), (error.StatusCode, error.Error!.ErrorCode));
    }

    [Fact]
    public async Task Arguments_are_checked_before_anything_is_sent()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, "{}"));
        using var http = server.CreateClient();
        var client = new WeTransformClient(http);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Submissions.ReadWithResponseAsync("not-a-uuid"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => new OracleCommerceAdminClient(http).Collections.DeleteWithResponseAsync("x", null!));

        Assert.Empty(server.Requests);
    }
}

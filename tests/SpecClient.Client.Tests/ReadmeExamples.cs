using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>
/// The C# examples of README.md's "In a real application" section. Each block between
/// "// snippet: NAME" and "// end snippet" must equal the README block marked
/// &lt;!-- snippet: NAME --&gt; (ReadmeSnippetTests checks it), and these tests run them.
/// </summary>
public class ReadmeExamples
{
    private static readonly Guid SubmissionId = Guid.Parse("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d");

    /// <summary>Where a real application keeps its tokens.</summary>
    private sealed class TokenStore
    {
        public int Issued { get; private set; }

        public Task<string?> GetAsync(CancellationToken cancellationToken) => Task.FromResult<string?>("token-" + ++Issued);
    }

    [Fact]
    public async Task Dependency_injection_with_tokens_headers_and_resilience()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "submission.json"));
        var baseAddress = server.Address;
        var tokenStore = new TokenStore();
        var services = new ServiceCollection();

        // snippet: dependency-injection
        services.AddWeTransformClient(options =>
            {
                options.BaseAddress = baseAddress;
                options.AccessTokenProvider = cancellationToken => tokenStore.GetAsync(cancellationToken);
                options.Customer = "acme";
            })
            .AddStandardResilienceHandler();
        // end snippet

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IWeTransformClient>();
        await client.Submissions.ReadAsync(SubmissionId);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("Bearer token-1", "acme"), (request.Authorization, request.Customer));
    }

    [Fact]
    public async Task Lists_page_by_page()
    {
        await using var server = await LoopbackServer.StartAsync(request => new CannedResponse(200, request.Query.Contains("page=1&", StringComparison.Ordinal)
            ? """{"success":true,"payload":{"total_pages":2,"current_page":1,"total_items":2,"items_per_page":1,"entries":[{"customer_id":"c1","templates":[],"external_id":null}]},"debug":[]}"""
            : """{"success":true,"payload":{"total_pages":2,"current_page":2,"total_items":2,"items_per_page":1,"entries":[{"customer_id":"c2","templates":[],"external_id":null}]},"debug":[]}"""));
        using var http = server.CreateClient();
        var client = new WeTransformClient(http);
        var cancellationToken = CancellationToken.None;
        var ids = new System.Collections.Generic.List<string?>();

        // snippet: paging
        await foreach (var customer in client.Customers.ListAllAsync(perPage: 50).WithCancellation(cancellationToken))
        {
            ids.Add(customer.CustomerId);
        }
        // end snippet

        Assert.Equal(new[] { "c1", "c2" }, ids);
        Assert.Equal(new[] { "?page=1&per_page=50", "?page=2&per_page=50" }, server.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task Traces_and_metrics_with_the_OpenTelemetry_SDK()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "submission.json"));
        var spans = new System.Collections.Generic.List<System.Diagnostics.Activity>();
        var services = new ServiceCollection();
        services.AddWeTransformClient(options => options.BaseAddress = server.Address);

        // snippet: telemetry
        using var tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(WeTransformClient.TelemetrySourceName)    // one span per call: "Submissions.Read"
            .AddInMemoryExporter(spans)                           // or your exporter: OTLP, Azure Monitor...
            .Build();
        using var metrics = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddMeter(WeTransformClient.TelemetrySourceName)     // specclient.client.operation.duration
            .Build();
        // end snippet

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IWeTransformClient>().Submissions.ReadAsync(SubmissionId);
        tracing!.ForceFlush();
        Assert.Contains(spans, span => span.DisplayName == "Submissions.Read" && Equals(span.GetTagItem("server.port"), server.Address.Port));
    }

    [Fact]
    public async Task Status_and_headers_of_a_success()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(202, """{"processId":"p1"}""")
        {
            Headers = new System.Collections.Generic.Dictionary<string, string> { ["Location"] = "http://host/exportProcess/p1", ["X-Request-Id"] = "r1" },
        });
        using var http = server.CreateClient();
        var client = new OracleCommerce.Admin.OracleCommerceAdminClient(http);
        var request = new OracleCommerce.Admin.ExportProcessStart.ExportRequest { Items = Array.Empty<OracleCommerce.Admin.ExportProcessStart.ExportItem>() };

        // snippet: response-metadata
        var started = await client.ExportProcess.StartWithResponseAsync(request);
        Uri? progress = started.Headers.Location;
        string? requestId = started.GetHeader("X-Request-Id");
        string? processId = started.Value.ProcessId;
        // end snippet

        Assert.Equal(("http://host/exportProcess/p1", "r1", "p1"), (progress?.AbsoluteUri, requestId, processId));
    }

    [Fact]
    public async Task Per_call_options_and_the_locale()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "hello.json"));
        using var http = server.CreateClient();

        // snippet: per-call-options
        var client = new WeTransformClient(http, new WeTransformClientOptions { Customer = "acme", Locale = "fr" });
        var forGlobex = client.WithOptions(options => options with { Customer = "globex" });
        var hello = await forGlobex.DemoReceiver.HelloAsync("Bob");   // GET /fr/hello?name=Bob, X-Customer: globex
        // end snippet

        Assert.Equal("Bob", hello.Payload.Hello);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("/fr/hello?name=Bob", "globex"), (request.RawTarget, request.Customer));
    }

    [Fact]
    public async Task A_unit_test_with_the_generated_fake()
    {
        // snippet: fake
        using var fake = new WeTransformFakeHandler();   // answers with the spec's documented examples
        fake.Respond(WeTransformFakeHandler.Endpoints.SubmissionsRead, HttpStatusCode.Forbidden);
        var client = new WeTransformClient(new HttpClient(fake));

        var e = await Assert.ThrowsAsync<WeTransformException>(() => client.Submissions.ReadAsync(SubmissionId));
        Assert.Equal("X_SOURCE_FORMAT_XML", e.Error?.Product?.Permission?.Name);
        // end snippet
    }
}

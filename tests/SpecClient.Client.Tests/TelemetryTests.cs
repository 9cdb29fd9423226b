using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Http.Resilience;
using OpenTelemetry;
using OpenTelemetry.Trace;
using SpecClient.Runtime;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>
/// Spans and metrics of generated clients, read by the real OpenTelemetry SDK and the platform's
/// MetricCollector. Other tests call the same APIs in parallel, so each test keeps only what went
/// to its own server's port.
/// </summary>
public class TelemetryTests
{
    private const string Token = "s3cret-token-7f1c";
    private static readonly Guid Submission = Guid.Parse("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d");

    [Fact]
    public async Task A_call_is_one_span_named_by_its_operation_with_the_route_template()
    {
        var spans = new List<Activity>();
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "submission.json"));
        using (Sdk.CreateTracerProviderBuilder().AddSource(WeTransformClient.TelemetrySourceName).AddInMemoryExporter(spans).Build())
        {
            using var http = server.CreateClient();
            await new WeTransformClient(http).Submissions.ReadAsync(Submission);
        }

        var span = Assert.Single(SpansTo(spans, server));
        Assert.Equal("Submissions.Read", span.DisplayName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("/sender/submission/{submissionId}", span.GetTagItem("url.template"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("Submissions.Read", span.GetTagItem(ApiTelemetry.OperationAttribute));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains(Submission.ToString(), StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task HttpClient_spans_of_each_retry_nest_under_the_call_span()
    {
        var spans = new List<Activity>();
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new CannedResponse(503, "busy", "text/plain")
            : CannedResponse.Documented(200, "submission.json"));
        using (Sdk.CreateTracerProviderBuilder().AddSource(WeTransformClient.TelemetrySourceName, "System.Net.Http").AddInMemoryExporter(spans).Build())
        {
            var services = new ServiceCollection();
            services.AddWeTransformClient(options => options.BaseAddress = server.Address)
                .AddStandardResilienceHandler(resilience =>
                {
                    resilience.Retry.Delay = TimeSpan.FromMilliseconds(10);
                    resilience.Retry.UseJitter = false;
                });
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IWeTransformClient>().Submissions.ReadAsync(Submission);
        }

        var call = Assert.Single(SpansTo(spans, server), s => s.Source.Name == WeTransformClient.TelemetrySourceName);
        var tries = spans.Where(s => s.ParentSpanId == call.SpanId).ToList();
        Assert.Equal(new[] { "System.Net.Http", "System.Net.Http" }, tries.Select(s => s.Source.Name));
        Assert.All(tries, t => Assert.Equal(ActivityKind.Client, t.Kind));
        Assert.Equal(new object?[] { 503, 200 }, tries.Select(t => t.GetTagItem("http.response.status_code")));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, call.Status);
    }

    [Fact]
    public async Task An_error_status_marks_the_span_failed_and_records_the_exception_but_never_the_token()
    {
        var spans = new List<Activity>();
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(422, "violations.json"));
        using (Sdk.CreateTracerProviderBuilder().AddSource(WeTransformClient.TelemetrySourceName).AddInMemoryExporter(spans).Build())
        {
            using var http = server.CreateClient();
            var client = new WeTransformClient(http, new WeTransformClientOptions { AccessTokenProvider = _ => Task.FromResult<string?>(Token), Customer = "acme-customer" });
            await Assert.ThrowsAsync<WeTransformException>(() => client.Submissions.ReadAsync(Submission));
        }

        var span = Assert.Single(SpansTo(spans, server));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("422", span.GetTagItem("error.type"));
        Assert.Equal(422, span.GetTagItem("http.response.status_code"));
        var exception = Assert.Single(span.Events, e => e.Name == "exception");
        Assert.Equal(typeof(WeTransformException).FullName, exception.Tags.Single(t => t.Key == "exception.type").Value);
        Assert.Equal("Bearer " + Token, Assert.Single(server.Requests).Authorization);
        var recorded = span.TagObjects.Concat(span.Events.SelectMany(e => e.Tags)).Select(t => t.Value?.ToString() ?? string.Empty).Append(span.StatusDescription ?? string.Empty);
        Assert.DoesNotContain(recorded, text => text.Contains(Token, StringComparison.Ordinal) || text.Contains("acme-customer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_that_breaks_off_is_an_error_named_by_its_exception_type()
    {
        var spans = new List<Activity>();
        await using var server = RawTcpServer.Start((stream, stop) =>
            RawTcpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"payl", stop));
        using var http = server.CreateClient();
        Exception thrown;
        using (Sdk.CreateTracerProviderBuilder().AddSource(WeTransformClient.TelemetrySourceName).AddInMemoryExporter(spans).Build())
        {
            thrown = await Assert.ThrowsAnyAsync<Exception>(() => new WeTransformClient(http).Submissions.ReadAsync(Submission));
        }

        var span = Assert.Single(spans, s => s.Source.Name == WeTransformClient.TelemetrySourceName && Equals(s.GetTagItem("server.port"), http.BaseAddress!.Port));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(thrown.GetType().FullName, span.GetTagItem("error.type"));
        Assert.IsNotType<WeTransformException>(thrown);
    }

    [Fact]
    public async Task The_duration_histogram_is_tagged_by_operation_template_and_status()
    {
        using var durations = new MetricCollector<double>(null, WeTransformClient.TelemetrySourceName, ApiTelemetry.DurationInstrument);
        await using var server = await LoopbackServer.StartAsync(request => request.RawTarget.StartsWith("/sender", StringComparison.Ordinal)
            ? CannedResponse.Documented(200, "submission.json")
            : CannedResponse.Documented(403, "forbidden.json"));
        using var http = server.CreateClient();
        var client = new WeTransformClient(http);

        await client.Submissions.ReadAsync(Submission);
        await Assert.ThrowsAsync<WeTransformException>(() => client.DemoReceiver.HelloAsync("Bob"));

        var ours = durations.GetMeasurementSnapshot().Where(m => Equals(m.Tags["server.port"], server.Address.Port)).ToList();
        Assert.Equal(2, ours.Count);
        Assert.All(ours, m => Assert.True(m.Value > 0));
        var read = ours.Single(m => (string?)m.Tags[ApiTelemetry.OperationAttribute] == "Submissions.Read");
        Assert.Equal(("GET", "/sender/submission/{submissionId}", (object?)200), ((string?)read.Tags["http.request.method"], (string?)read.Tags["url.template"], read.Tags["http.response.status_code"]));
        Assert.False(read.Tags.ContainsKey("error.type"));
        var hello = ours.Single(m => (string?)m.Tags[ApiTelemetry.OperationAttribute] == "DemoReceiver.Hello");
        Assert.Equal(("/{locale}/hello", (object?)403, "403"), ((string?)hello.Tags["url.template"], hello.Tags["http.response.status_code"], (string?)hello.Tags["error.type"]));
    }

    [Fact]
    public async Task A_success_with_a_body_that_breaks_the_spec_is_counted_as_malformed()
    {
        using var malformed = new MetricCollector<long>(null, WeTransformClient.TelemetrySourceName, ApiTelemetry.MalformedResponsesInstrument);
        using var durations = new MetricCollector<double>(null, WeTransformClient.TelemetrySourceName, ApiTelemetry.DurationInstrument);
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """{"payload": 42}"""));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<WeTransformException>(() => new WeTransformClient(http).Submissions.ReadAsync(Submission));

        Assert.True(error.IsMalformedResponse);
        var count = Assert.Single(malformed.GetMeasurementSnapshot(), m => Equals(m.Tags["server.port"], server.Address.Port));
        Assert.Equal(1, count.Value);
        Assert.Equal(ApiTelemetry.MalformedResponseError, count.Tags["error.type"]);
        var duration = Assert.Single(durations.GetMeasurementSnapshot(), m => Equals(m.Tags["server.port"], server.Address.Port));
        Assert.Equal((object?)200, duration.Tags["http.response.status_code"]);
        Assert.Equal(ApiTelemetry.MalformedResponseError, duration.Tags["error.type"]);
    }

    private static IEnumerable<Activity> SpansTo(IEnumerable<Activity> spans, LoopbackServer server)
        => spans.Where(s => s.Source.Name == WeTransformClient.TelemetrySourceName && Equals(s.GetTagItem("server.port"), server.Address.Port));
}

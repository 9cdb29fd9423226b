using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OracleCommerce.Admin;
using Refit;
using SpecClient.Benchmarks.Baseline;
using WeTransform.Client;

namespace SpecClient.Benchmarks;

/// <summary>
/// One call of each seed endpoint, and the 422 path, over an in-memory handler that answers with
/// the documented response: the generated client beside a careful hand-written client (the
/// baseline of each category) and Refit 16.4 with the same DTOs. Ratios are read per category.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CallBenchmarks
{
    private const string SubmissionId = "cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d";
    private const string CallId = "8d049772-c9f8-4fe2-a988-ecf926022c51";

    private static readonly RefitSettings RefitSettings = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = HandWrittenContext.Default }));

    private (WeTransformClient Generated, HandWrittenClient HandWritten, IRefitWeTransform Refit) _submission;
    private (WeTransformClient Generated, HandWrittenClient HandWritten, IRefitWeTransform Refit) _abort;
    private (WeTransformClient Generated, HandWrittenClient HandWritten, IRefitWeTransform Refit) _template;
    private (WeTransformClient Generated, HandWrittenClient HandWritten, IRefitWeTransform Refit) _hello;
    private (WeTransformClient Generated, HandWrittenClient HandWritten, IRefitWeTransform Refit) _violations;
    private (OracleCommerceAdminClient Generated, HandWrittenClient HandWritten, IRefitWeTransform Refit) _oracle;

    [GlobalSetup]
    public void Setup()
    {
        _submission = Clients(HttpStatusCode.OK, "submission.json");
        _abort = Clients(HttpStatusCode.OK, "power-function-abort.json");
        _template = Clients(HttpStatusCode.OK, "template.json");
        _hello = Clients(HttpStatusCode.OK, "hello.json");
        _violations = Clients(HttpStatusCode.UnprocessableEntity, "violations.json");
        var oracle = Http(HttpStatusCode.OK, "import-process-abort.json");
        _oracle = (new OracleCommerceAdminClient(oracle), new HandWrittenClient(oracle), RestService.For<IRefitWeTransform>(oracle, RefitSettings));
    }

    [Benchmark(Baseline = true), BenchmarkCategory("submission read")]
    public Task<Baseline.Envelope<Baseline.Submission>> SubmissionHandWritten() => _submission.HandWritten.ReadSubmissionAsync(SubmissionId);

    [Benchmark, BenchmarkCategory("submission read")]
    public Task<WeTransformResponse<WeTransform.Client.SubmissionsRead.Submission>> SubmissionGenerated() => _submission.Generated.Submissions.ReadAsync(SubmissionId);

    [Benchmark, BenchmarkCategory("submission read")]
    public Task<Baseline.Envelope<Baseline.Submission>> SubmissionRefit() => _submission.Refit.ReadSubmissionAsync(SubmissionId);

    [Benchmark(Baseline = true), BenchmarkCategory("power function abort")]
    public Task<Baseline.Envelope<Baseline.PowerFunctionAbort>> AbortHandWritten() => _abort.HandWritten.AbortAsync(CallId, "7");

    [Benchmark, BenchmarkCategory("power function abort")]
    public Task<WeTransformResponse<WeTransform.Client.PowerFunctionsAbort.PowerFunctionAbort>> AbortGenerated() => _abort.Generated.PowerFunctions.AbortAsync(CallId, "7");

    [Benchmark, BenchmarkCategory("power function abort")]
    public Task<Baseline.Envelope<Baseline.PowerFunctionAbort>> AbortRefit() => _abort.Refit.AbortAsync(CallId, "7");

    [Benchmark(Baseline = true), BenchmarkCategory("template read")]
    public Task<Baseline.Envelope<Baseline.Template>> TemplateHandWritten() => _template.HandWritten.ReadTemplateAsync("my-template");

    [Benchmark, BenchmarkCategory("template read")]
    public Task<WeTransformResponse<WeTransform.Client.TemplatesRead.Template>> TemplateGenerated() => _template.Generated.Templates.ReadAsync("my-template");

    [Benchmark, BenchmarkCategory("template read")]
    public Task<Baseline.Envelope<Baseline.Template>> TemplateRefit() => _template.Refit.ReadTemplateAsync("my-template");

    [Benchmark(Baseline = true), BenchmarkCategory("hello")]
    public Task<Baseline.Envelope<Baseline.Greeting>> HelloHandWritten() => _hello.HandWritten.HelloAsync("Bob");

    [Benchmark, BenchmarkCategory("hello")]
    public Task<WeTransformResponse<WeTransform.Client.DemoReceiverHello.Greeting>> HelloGenerated() => _hello.Generated.DemoReceiver.HelloAsync("Bob");

    [Benchmark, BenchmarkCategory("hello")]
    public Task<Baseline.Envelope<Baseline.Greeting>> HelloRefit() => _hello.Refit.HelloAsync("Bob");

    [Benchmark(Baseline = true), BenchmarkCategory("import process abort")]
    public Task<Baseline.AbortImportProcess> OracleHandWritten() => _oracle.HandWritten.AbortImportProcessAsync("ezzPxcPRmJIlXYCyOTQNT9HMacA_10000");

    [Benchmark, BenchmarkCategory("import process abort")]
    public Task<ImportProcessAbort.AbortImportProcessResponse> OracleGenerated() => _oracle.Generated.ImportProcess.AbortAsync("ezzPxcPRmJIlXYCyOTQNT9HMacA_10000");

    [Benchmark, BenchmarkCategory("import process abort")]
    public Task<Baseline.AbortImportProcess> OracleRefit() => _oracle.Refit.AbortImportProcessAsync("ezzPxcPRmJIlXYCyOTQNT9HMacA_10000", new { });

    [Benchmark(Baseline = true), BenchmarkCategory("422")]
    public Task<int> ViolationsHandWritten() => Violations(_violations.HandWritten);

    [Benchmark, BenchmarkCategory("422")]
    public Task<int> ViolationsGenerated() => Violations(_violations.Generated);

    [Benchmark, BenchmarkCategory("422")]
    public async Task<int> ViolationsRefit()
    {
        try
        {
            await _violations.Refit.HelloAsync(string.Empty);
            return 0;
        }
        catch (Refit.ApiException e)
        {
            return (await e.GetContentAsAsync<Baseline.Envelope<Baseline.ErrorPayload>>())!.Payload.Violations!.Count;
        }
    }

    /// <summary>The 422 path: the call fails, and its violations are read from the typed error.</summary>
    internal static async Task<int> Violations(HandWrittenClient client)
    {
        try
        {
            await client.HelloAsync(string.Empty);
            return 0;
        }
        catch (HandWrittenException e)
        {
            return e.Error!.Payload.Violations!.Count;
        }
    }

    /// <inheritdoc cref="Violations(HandWrittenClient)"/>
    internal static async Task<int> Violations(WeTransformClient client)
    {
        try
        {
            await client.DemoReceiver.HelloAsync(string.Empty);
            return 0;
        }
        catch (WeTransformException e)
        {
            return e.Error!.Payload.Violations!.Count;
        }
    }

    private static (WeTransformClient, HandWrittenClient, IRefitWeTransform) Clients(HttpStatusCode status, string response)
    {
        var http = Http(status, response);
        return (new WeTransformClient(http), new HandWrittenClient(http), RestService.For<IRefitWeTransform>(http, RefitSettings));
    }

    internal static HttpClient Http(HttpStatusCode status, string response)
    {
        using var stream = typeof(CallBenchmarks).Assembly.GetManifestResourceStream("Responses." + response)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new HttpClient(new CannedHandler(status, copy.ToArray())) { BaseAddress = new Uri("http://bench.test/") };
    }

    /// <summary>Answers every request with the same status and body, as a server would.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json");
        private readonly HttpStatusCode _status;
        private readonly byte[] _body;

        public CannedHandler(HttpStatusCode status, byte[] body) => (_status, _body) = (status, body);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = Json;
            return Task.FromResult(new HttpResponseMessage(_status) { Content = content, RequestMessage = request });
        }
    }
}

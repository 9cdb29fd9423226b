using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SpecClient.Benchmarks.Baseline;
using WeTransform.Client;

namespace SpecClient.Benchmarks;

/// <summary>
/// What tracing and metrics cost per call: the generated client with nobody listening (as every
/// call of <see cref="CallBenchmarks"/>) and with a listener that samples every span and records
/// every measurement, as an OpenTelemetry SDK would, beside the hand-written client. Each benchmark
/// runs in a process of its own, so the listener of one does not reach the others.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TelemetryCallBenchmarks
{
    private const string SubmissionId = "cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d";

    private WeTransformClient _generated = null!;
    private HandWrittenClient _handWritten = null!;
    private WeTransformClient _failing = null!;
    private HandWrittenClient _failingHandWritten = null!;
    private ActivityListener? _spans;
    private MeterListener? _metrics;

    [GlobalSetup]
    public void Setup()
    {
        var http = CallBenchmarks.Http(HttpStatusCode.OK, "submission.json");
        (_generated, _handWritten) = (new WeTransformClient(http), new HandWrittenClient(http));
        var failing = CallBenchmarks.Http(HttpStatusCode.UnprocessableEntity, "violations.json");
        (_failing, _failingHandWritten) = (new WeTransformClient(failing), new HandWrittenClient(failing));
    }

    [GlobalSetup(Targets = new[] { nameof(SubmissionListened), nameof(ViolationsListened) })]
    public void SetupListened()
    {
        Setup();
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WeTransformClient.TelemetrySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_spans);
        _metrics = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WeTransformClient.TelemetrySourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _metrics.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        _metrics.SetMeasurementEventCallback<long>((_, _, _, _) => { });
        _metrics.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _spans?.Dispose();
        _metrics?.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("submission read")]
    public Task<Baseline.Envelope<Baseline.Submission>> SubmissionHandWritten() => _handWritten.ReadSubmissionAsync(SubmissionId);

    [Benchmark, BenchmarkCategory("submission read")]
    public Task<WeTransformResponse<WeTransform.Client.SubmissionsRead.Submission>> SubmissionUnlistened() => _generated.Submissions.ReadAsync(SubmissionId);

    [Benchmark, BenchmarkCategory("submission read")]
    public Task<WeTransformResponse<WeTransform.Client.SubmissionsRead.Submission>> SubmissionListened() => _generated.Submissions.ReadAsync(SubmissionId);

    [Benchmark(Baseline = true), BenchmarkCategory("422")]
    public Task<int> ViolationsHandWritten() => CallBenchmarks.Violations(_failingHandWritten);

    [Benchmark, BenchmarkCategory("422")]
    public Task<int> ViolationsUnlistened() => CallBenchmarks.Violations(_failing);

    [Benchmark, BenchmarkCategory("422")]
    public Task<int> ViolationsListened() => CallBenchmarks.Violations(_failing);
}

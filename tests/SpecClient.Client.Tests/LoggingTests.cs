using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>Failed calls of a client built through DI, as its ILogger receives them (the platform's FakeLogger).</summary>
public class LoggingTests
{
    private const string Token = "s3cret-token-91ab";
    private static readonly Guid Submission = Guid.Parse("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d");

    [Fact]
    public async Task An_error_status_is_logged_with_operation_status_and_elapsed_time_but_not_the_token()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(422, "violations.json"));
        await using var provider = Services(server.Address);

        await Assert.ThrowsAsync<WeTransformException>(() => provider.GetRequiredService<IWeTransformClient>().Submissions.ReadAsync(Submission));

        var record = Assert.Single(ClientRecords(provider));
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal("CallFailed", record.Id.Name);
        Assert.StartsWith("Submissions.Read failed with status 422 after ", record.Message, StringComparison.Ordinal);
        Assert.Equal("Submissions.Read", record.GetStructuredStateValue("Operation"));
        Assert.Equal("422", record.GetStructuredStateValue("StatusCode"));
        Assert.True(double.Parse(record.GetStructuredStateValue("ElapsedMilliseconds")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.IsType<WeTransformException>(record.Exception);
        Assert.Equal("Bearer " + Token, Assert.Single(server.Requests).Authorization);
        Assert.DoesNotContain(Token, record.Message + record.Exception!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_response_is_logged_as_such()
    {
        var closed = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "submission.json"));
        var address = closed.Address;
        await closed.DisposeAsync();
        await using var provider = Services(address);

        await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetRequiredService<IWeTransformClient>().Submissions.ReadAsync(Submission));

        var record = Assert.Single(ClientRecords(provider));
        Assert.Equal("CallFailedWithoutResponse", record.Id.Name);
        Assert.StartsWith("Submissions.Read failed without a response after ", record.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(record.Exception);
    }

    [Fact]
    public async Task Successes_and_calls_the_caller_cancels_are_not_logged()
    {
        await using var server = await LoopbackServer.StartAsync(request => request.RawTarget.StartsWith("/sender", StringComparison.Ordinal)
            ? CannedResponse.Documented(200, "submission.json")
            : CannedResponse.Documented(200, "hello.json") with { Delay = TimeSpan.FromSeconds(10) });
        await using var provider = Services(server.Address);
        var client = provider.GetRequiredService<IWeTransformClient>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await client.Submissions.ReadAsync(Submission);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DemoReceiver.HelloAsync("Bob", cancel.Token));

        Assert.Empty(ClientRecords(provider));
    }

    [Fact]
    public async Task A_client_changed_with_WithOptions_keeps_its_logger()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(403, "forbidden.json"));
        await using var provider = Services(server.Address);
        var client = provider.GetRequiredService<IWeTransformClient>().WithOptions(options => options with { Customer = "acme" });

        await Assert.ThrowsAsync<WeTransformException>(() => client.Submissions.ReadAsync(Submission));

        Assert.Equal("403", Assert.Single(ClientRecords(provider)).GetStructuredStateValue("StatusCode"));
    }

    [Fact]
    public async Task A_failure_is_logged_while_the_call_span_is_current_so_the_record_carries_its_trace()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WeTransformClient.TelemetrySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(403, "forbidden.json"));
        var spans = new ConcurrentQueue<string?>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new CurrentSpanLogger(typeof(WeTransformClient).FullName!, spans)));
        services.AddWeTransformClient(options => options.BaseAddress = server.Address);
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<WeTransformException>(() => provider.GetRequiredService<IWeTransformClient>().Submissions.ReadAsync(Submission));

        Assert.Equal("Submissions.Read", Assert.Single(spans));
    }

    private static ServiceProvider Services(Uri address)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddWeTransformClient(options =>
        {
            options.BaseAddress = address;
            options.AccessTokenProvider = _ => Task.FromResult<string?>(Token);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>The client's own records; HttpClientFactory logs each request under its own categories.</summary>
    private static FakeLogRecord[] ClientRecords(IServiceProvider provider)
        => provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == typeof(WeTransformClient).FullName).ToArray();

    /// <summary>Keeps the name of the span that is current when the client's category logs.</summary>
    private sealed class CurrentSpanLogger(string category, ConcurrentQueue<string?> spans) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => spans.Enqueue(Activity.Current?.DisplayName);

        public void Dispose()
        {
        }
    }
}

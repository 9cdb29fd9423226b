using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>Auth and API-wide headers, dependency injection and resilience, over HTTP.</summary>
public class EcosystemTests
{
    private static readonly Guid Submission = Guid.Parse("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d");

    [Fact]
    public async Task The_token_provider_is_asked_on_every_request_so_tokens_can_be_refreshed()
    {
        var headers = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "submission.json"));
        using var http = server.CreateClient();
        var issued = 0;
        var client = new WeTransformClient(http, new WeTransformClientOptions
        {
            AccessTokenProvider = _ => Task.FromResult<string?>("token-" + Interlocked.Increment(ref issued)),
        });

        await client.Submissions.ReadAsync(Submission);
        await client.Submissions.ReadAsync(Submission);

        Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task The_customer_header_is_set_per_client_and_overridden_per_call()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "submission.json"));
        using var http = server.CreateClient();
        var client = new WeTransformClient(http, new WeTransformClientOptions { Customer = "acme" });

        await client.Submissions.ReadAsync(Submission);
        await client.WithOptions(options => options with { Customer = "globex" }).Submissions.ReadAsync(Submission);
        await client.Submissions.ReadAsync(Submission);
        await client.WithOptions(options => options with { Customer = null }).Submissions.ReadAsync(Submission);

        Assert.Equal(new[] { "acme", "globex", "acme", string.Empty }, server.Requests.Select(r => r.Customer));
    }

    [Fact]
    public async Task The_locale_prefix_comes_from_the_options_and_is_validated()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "hello.json"));
        using var http = server.CreateClient();

        await new WeTransformClient(http).DemoReceiver.HelloAsync("Bob");
        await new WeTransformClient(http, new WeTransformClientOptions { Locale = "fr" }).DemoReceiver.HelloAsync("Bob");

        Assert.Equal(new[] { "/en/hello?name=Bob", "/fr/hello?name=Bob" }, server.Requests.Select(r => r.RawTarget));
        Assert.Equal("Locale", Assert.Throws<ArgumentException>(() => new WeTransformClient(http, new WeTransformClientOptions { Locale = "../admin" })).ParamName);
    }

    [Fact]
    public async Task A_token_never_appears_in_an_exception_or_in_the_options()
    {
        const string secret = "s3cr3t-t0k3n";
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(403, "forbidden.json"));
        using var http = server.CreateClient();
        var options = new WeTransformClientOptions { AccessTokenProvider = _ => Task.FromResult<string?>(secret) };

        var e = await Assert.ThrowsAsync<WeTransformException>(() => new WeTransformClient(http, options).Submissions.ReadAsync(Submission));

        Assert.Equal("Bearer " + secret, Assert.Single(server.Requests).Authorization);
        Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dependency_injection_registers_a_typed_client_through_IHttpClientFactory()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "submission.json"));
        var services = new ServiceCollection();
        services.AddWeTransformClient(options =>
        {
            options.BaseAddress = server.Address;
            options.Customer = "acme";
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IWeTransformClient>();
        var submission = (await client.Submissions.ReadAsync(Submission)).Payload;

        Assert.IsType<WeTransformClient>(client);
        Assert.Equal("Jo\u00ebl", submission.CustomerName);
        Assert.Equal("acme", Assert.Single(server.Requests).Customer);
    }

    private static ServiceProvider ResilientServices(Uri address)
    {
        var services = new ServiceCollection();
        services.AddWeTransformClient(options => options.BaseAddress = address)
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(10);
                resilience.Retry.UseJitter = false;
            });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_standard_resilience_handler_retries_a_transient_503()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new CannedResponse(503, "busy", "text/plain")
            : CannedResponse.Documented(200, "submission.json"));
        await using var provider = ResilientServices(server.Address);

        var response = await provider.GetRequiredService<IWeTransformClient>().Submissions.ReadAsync(Submission);

        Assert.True(response.Success);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task The_standard_resilience_handler_does_not_retry_a_422()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(422, "violations.json"));
        await using var provider = ResilientServices(server.Address);

        var e = await Assert.ThrowsAsync<WeTransformException>(() => provider.GetRequiredService<IWeTransformClient>().Submissions.ReadAsync(Submission));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.StatusCode);
        Assert.Single(server.Requests);
    }
}

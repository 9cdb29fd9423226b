using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OracleCommerce.Admin;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>Unit tests with the generated in-memory fakes (SpecClientFakes): no server, the documented examples.</summary>
public class FakeTests
{
    [Fact]
    public async Task Every_seed_endpoint_answers_with_its_documented_example()
    {
        using var fake = new WeTransformFakeHandler();
        using var http = new HttpClient(fake);
        var client = new WeTransformClient(http);

        var submission = (await client.Submissions.ReadAsync(Guid.NewGuid())).Payload;
        var abort = (await client.PowerFunctions.AbortAsync(Guid.NewGuid(), 1UL)).Payload;
        var template = (await client.Templates.ReadAsync("my-template")).Payload;
        var hello = (await client.DemoReceiver.HelloAsync("anyone")).Payload;

        Assert.Equal(("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d", "Jo\u00ebl"), (submission.SubmissionId, submission.CustomerName));
        Assert.Equal(7750, abort.ImpactedRows);
        Assert.Equal("Employee Leaves (RE)", template.Name);
        Assert.Equal("Bob", hello.Hello);
        Assert.Equal(4, fake.Requests.Count);
        Assert.StartsWith("https://api.staging.wetransform.com/en/hello?name=anyone", Assert.Single(fake.Requests, r => r.Uri!.AbsolutePath.EndsWith("/hello", StringComparison.Ordinal)).Uri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoints_of_the_pages_answer_their_documented_success()
    {
        using var fake = new OracleCommerceAdminFakeHandler();
        using var http = new HttpClient(fake) { BaseAddress = new Uri("https://admin.example") };
        var client = new OracleCommerceAdminClient(http);

        var started = await client.ExportProcess.StartAsync(new ExportProcessStart.ExportRequest { Items = Array.Empty<ExportProcessStart.ExportItem>() });
        await client.Collections.DeleteAsync("c1", "cat1");

        Assert.Equal("N2ECA3RrG1jLYZjN4Q6XTNrkjc_10000", started.ProcessId);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task An_endpoint_can_answer_with_another_documented_status()
    {
        using var fake = new WeTransformFakeHandler();
        fake.Respond(WeTransformFakeHandler.Endpoints.DemoReceiverHello, HttpStatusCode.UnprocessableEntity);
        using var http = new HttpClient(fake);

        var e = await Assert.ThrowsAsync<WeTransformException>(() => new WeTransformClient(http).DemoReceiver.HelloAsync("Bob"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.StatusCode);
        Assert.Equal(2, e.Error!.Payload.Violations!.Count);
        Assert.Throws<ArgumentException>(() => fake.Respond(WeTransformFakeHandler.Endpoints.SubmissionsRead, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task An_endpoint_can_answer_with_what_the_test_sets()
    {
        using var fake = new WeTransformFakeHandler();
        fake.Respond(WeTransformFakeHandler.Endpoints.PowerFunctionsAbort, HttpStatusCode.OK, """{"success":true,"payload":{"impacted_rows":3},"product":null,"debug":[]}""");
        using var http = new HttpClient(fake);

        var abort = await new WeTransformClient(http).PowerFunctions.AbortAsync(Guid.NewGuid(), 9UL);

        Assert.Equal(3, abort.Payload.ImpactedRows);
        Assert.Null(abort.Product);
    }

    [Fact]
    public async Task An_api_without_a_base_url_works_under_any_base_address()
    {
        using var fake = new OracleCommerceAdminFakeHandler();
        using var http = new HttpClient(fake) { BaseAddress = new Uri("http://admin.test/store/") };

        var aborted = await new OracleCommerceAdminClient(http).ImportProcess.AbortAsync("token");

        Assert.True(aborted.Success);
        Assert.Equal("http://admin.test/store/ccadmin/v1/importProcess/token/abort", Assert.Single(fake.Requests).Uri!.ToString());
    }
}

using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OracleCommerce.Admin;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>Each seed endpoint's documented success response, read through the generated client over HTTP.</summary>
public class SuccessTests
{
    [Fact]
    public async Task Submission_read_returns_the_documented_payload()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "submission.json"));
        using var http = server.CreateClient();

        var response = await new WeTransformClient(http).Submissions.ReadAsync(Guid.Parse("CBE6D17E-9C19-4AC3-BAF5-8E7E4BB53E3D"));

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/sender/submission/cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d", "application/json"), (request.Method, request.RawTarget, request.Accept));
        Assert.True(response.Success);
        var submission = response.Payload;
        Assert.Equal("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d", submission.SubmissionId);
        Assert.Equal("Jo\u00ebl", submission.CustomerName);
        Assert.Equal("https://example.com/source.csv", submission.SourceFileUrl);
        Assert.Null(submission.TargetName);
        Assert.Equal(180, submission.MaximumNumberOfColumns);
        Assert.Equal(12, submission.RowsInError);
        Assert.Equal(new DateTimeOffset(2020, 12, 31, 23, 59, 55, TimeSpan.Zero), submission.CreatedAt);
        Assert.False(submission.Failed);
        Assert.Equal(JsonValueKind.Null, submission.AdditionalProperties!["error_message"].ValueKind);
        Assert.Equal(ProductRequirement.Permission, response.Product!.Requirement);
        Assert.Empty(response.Debug);
    }

    [Fact]
    public async Task Power_function_abort_posts_and_keeps_the_undocumented_flag()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "power-function-abort.json"));
        using var http = server.CreateClient();

        var response = await new WeTransformClient(http).PowerFunctions.AbortAsync(Guid.Parse("8d049772-c9f8-4fe2-a988-ecf926022c51"), 42UL);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/power-functions/8d049772-c9f8-4fe2-a988-ecf926022c51/42/abort"), (request.Method, request.RawTarget));
        Assert.Equal(7750, response.Payload.ImpactedRows);
        Assert.False(response.Payload.AdditionalProperties!["is_cancellation_requested"].GetBoolean());
    }

    [Fact]
    public async Task Template_read_returns_its_metadata_list()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "template.json"));
        using var http = server.CreateClient();

        var template = (await new WeTransformClient(http).Templates.ReadAsync("my-template")).Payload;

        Assert.Equal("/template/my-template", Assert.Single(server.Requests).RawTarget);
        Assert.Equal("Employee Leaves (RE)", template.Name);
        Assert.True(template.IsEnabled);
        Assert.Equal(new[] { ("type", "human_resources"), ("sub_type", "human_resources") }, template.UserMetadata.Select(m => (m.Name, m.Value!)));
    }

    [Fact]
    public async Task Hello_sends_the_name_encoded_in_the_query_string()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "hello.json"));
        using var http = server.CreateClient();

        var response = await new WeTransformClient(http).DemoReceiver.HelloAsync("Bob & Alice/?=#");

        var request = Assert.Single(server.Requests);
        Assert.Equal("/en/hello?name=Bob%20%26%20Alice%2F%3F%3D%23", request.RawTarget);
        Assert.Equal("Bob", response.Payload.Hello);
    }

    [Fact]
    public async Task Oracle_abort_posts_an_empty_json_object_and_reads_the_bare_body()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "import-process-abort.json"));
        using var http = server.CreateClient();

        var response = await new OracleCommerceAdminClient(http).ImportProcess.AbortAsync("ezzPxcPRmJIlXYCyOTQNT9HMacA_10000");

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/ccadmin/v1/importProcess/ezzPxcPRmJIlXYCyOTQNT9HMacA_10000/abort", "{}"), (request.Method, request.RawTarget, request.Body));
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.True(response.Success);
    }

    [Fact]
    public async Task A_body_with_additional_properties_sends_them()
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "import-process-abort.json"));
        using var http = server.CreateClient();
        var body = new ImportProcessAbort.AbortImportProcessRequest { AdditionalProperties = new System.Collections.Generic.Dictionary<string, JsonElement> { ["reason"] = JsonSerializer.SerializeToElement("test", SerializerContext.Default.String) } };

        await new OracleCommerceAdminClient(http).ImportProcess.AbortAsync("t", body);

        Assert.Equal("{\"reason\":\"test\"}", Assert.Single(server.Requests).Body);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("api/")]
    public async Task A_base_address_with_a_path_keeps_that_path(string basePath)
    {
        await using var server = await LoopbackServer.StartAsync(_ => CannedResponse.Documented(200, "template.json"));
        using var http = server.CreateClient(basePath);

        await new WeTransformClient(http).Templates.ReadAsync("my-template");

        Assert.Equal("/api/template/my-template", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task An_enum_value_the_spec_does_not_list_is_kept()
    {
        var body = Documents.Read("template.json").Replace("\"requirement\": \"permission\"", "\"requirement\": \"seat\"", StringComparison.Ordinal);
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, body));
        using var http = server.CreateClient();

        var response = await new WeTransformClient(http).Templates.ReadAsync("my-template");

        Assert.Equal("seat", response.Product!.Requirement!.Value.Value);
        Assert.NotEqual(ProductRequirement.Permission, response.Product.Requirement);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class SerializerContext : System.Text.Json.Serialization.JsonSerializerContext
{
}

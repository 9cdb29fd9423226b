using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using OracleCommerce.Admin;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>Every kind of failure becomes the API's exception, with the status and the raw body kept.</summary>
public class ErrorTests
{
    private static async Task<WeTransformException> CallAsync(CannedResponse answer)
    {
        await using var server = await LoopbackServer.StartAsync(_ => answer);
        using var http = server.CreateClient();
        return await Assert.ThrowsAsync<WeTransformException>(() => new WeTransformClient(http).Submissions.ReadAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Bad_request_reads_the_envelope_whose_payload_is_an_empty_array()
    {
        var e = await CallAsync(CannedResponse.Documented(400, "bad-request.json"));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.False(e.Error!.Success);
        Assert.Null(e.Error.Payload.Violations);
        Assert.Null(e.Error.Payload.Error);
        Assert.Contains("The client sent an unexpected request.", e.Message, StringComparison.Ordinal);
        Assert.Equal(Documents.Read("bad-request.json"), e.ResponseBody);
    }

    [Fact]
    public async Task Forbidden_carries_the_product_to_buy()
    {
        var e = await CallAsync(CannedResponse.Documented(403, "forbidden.json"));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Equal(ProductRequirement.Permission, e.Error!.Product!.Requirement);
        Assert.Equal("X_SOURCE_FORMAT_XML", e.Error.Product.Permission!.Name);
        Assert.Equal("Can import XML files", e.Error.Product.Permission.Description);
        Assert.Contains("not authorized", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unprocessable_entity_carries_the_violations()
    {
        var e = await CallAsync(CannedResponse.Documented(422, "violations.json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.StatusCode);
        Assert.Equal("exception.violation", e.Error!.Payload.Error!.Code);
        var violations = e.Error.Payload.Violations!;
        Assert.Equal(2, violations.Count);
        Assert.Equal(("title", "This value should not be blank", ""), (violations[0].PropertyPath, violations[0].Message, violations[0].InvalidValue!.Value.GetString()));
        Assert.Equal(("price", -5), (violations[1].PropertyPath, violations[1].InvalidValue!.Value.GetInt32()));
    }

    [Fact]
    public async Task Not_found_without_an_envelope_keeps_the_plain_body()
    {
        var e = await CallAsync(new CannedResponse(404, "Not Found", "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Null(e.Error);
        Assert.Equal("Not Found", e.ResponseBody);
        Assert.Equal("text/plain", e.ContentType);
        Assert.False(e.IsMalformedResponse);
    }

    [Fact]
    public async Task Server_error_with_an_html_page_keeps_the_page()
    {
        const string page = "<html><body><h1>500 Internal Server Error</h1></body></html>";
        var e = await CallAsync(new CannedResponse(500, page, "text/html"));

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Null(e.Error);
        Assert.Equal(page, e.ResponseBody);
        Assert.Contains("failed with status 500", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_without_a_body_has_an_empty_body()
    {
        var e = await CallAsync(new CannedResponse(503, string.Empty, null));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Null(e.Error);
        Assert.Equal(string.Empty, e.ResponseBody);
    }

    [Fact]
    public async Task Malformed_json_on_success_is_a_typed_error_that_keeps_the_body()
    {
        var e = await CallAsync(new CannedResponse(200, "{\"success\": tru"));

        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.True(e.IsMalformedResponse);
        Assert.IsAssignableFrom<JsonException>(e.InnerException);
        Assert.Equal("{\"success\": tru", e.ResponseBody);
        Assert.Null(e.Error);
    }

    [Fact]
    public async Task A_missing_non_nullable_property_is_a_malformed_response()
    {
        var body = Documents.Read("submission.json").Replace("\"failed\": false,", string.Empty, StringComparison.Ordinal);
        var e = await CallAsync(new CannedResponse(200, body));

        Assert.True(e.IsMalformedResponse);
        Assert.Contains("'failed'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_is_a_malformed_response()
    {
        var body = Documents.Read("submission.json").Replace("\"rows_in_error\": 12", "\"rows_in_error\": \"twelve\"", StringComparison.Ordinal);
        var e = await CallAsync(new CannedResponse(200, body));

        Assert.True(e.IsMalformedResponse);
        Assert.Contains("Expected an integer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oracle_errors_carry_the_error_model()
    {
        const string body = """{"errorCode":"20009","message":"No import process for that token","o:errorPath":"/ccadmin/v1/importProcess","status":"404","errors":[{"message":"unknown token"}]}""";
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(404, body));
        using var http = server.CreateClient();

        var e = await Assert.ThrowsAsync<OracleCommerceAdminException>(() => new OracleCommerceAdminClient(http).ImportProcess.AbortAsync("expired"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal(("20009", "No import process for that token", "/ccadmin/v1/importProcess"), (e.Error!.ErrorCode, e.Error.Message, e.Error.OErrorPath));
        Assert.Equal("unknown token", Assert.Single(e.Error.Errors!).Message);
        Assert.Contains("The error response", e.Message, StringComparison.Ordinal);
    }
}

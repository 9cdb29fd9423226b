using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OracleCommerce.Admin;
using WeTransform.Client;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>
/// The specs of the pages in ../shared/pages, against Kestrel on 127.0.0.1: each call sends the
/// request its page documents and reads the response its page shows.
/// </summary>
public class PageTests
{
    [Fact]
    public async Task Collection_delete_sends_the_catalog_and_reads_no_body()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, string.Empty, ContentType: null));
        using var http = server.CreateClient();

        await new OracleCommerceAdminClient(http).Collections.DeleteAsync("col 1", "cat1");

        var request = Assert.Single(server.Requests);
        Assert.Equal(("DELETE", "/ccadmin/v1/collections/col%201?catalogId=cat1"), (request.Method, request.RawTarget));
    }

    [Fact]
    public async Task Collection_delete_reports_an_internal_error_code()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(400, """
            {"errorCode": "20161", "message": "Collection Id is invalid or non-existent", "status": "400"}
            """));
        using var http = server.CreateClient();

        var error = await Assert.ThrowsAsync<OracleCommerceAdminException>(() => new OracleCommerceAdminClient(http).Collections.DeleteAsync("x", "cat1"));

        Assert.Equal("20161", error.Error!.ErrorCode);
    }

    [Fact]
    public async Task Export_start_sends_the_documented_body_and_reads_the_202()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(202, """
            {
                "processId":"N2ECA3RrG1jLYZjN4Q6XTNrkjc_10000",
                "links":[ { "rel":"self", "href":"http://example.com:9080/ccadminui/v1/exportProcess" } ],
                "status":"submitted"
            }
            """));
        using var http = server.CreateClient();

        var started = await new OracleCommerceAdminClient(http).ExportProcess.StartAsync(new ExportProcessStart.ExportRequest
        {
            Mode = "bundle",
            FileName = "exportProfilesAndOrders.zip",
            Items = new[]
            {
                new ExportProcessStart.ExportItem { Format = "csv", HeadersList = "shippingAddress.firstName,shippingAddress.lastName", Id = "Profiles" },
                new ExportProcessStart.ExportItem { Q = "id co \"o7613307\"", PrettyPrintJSON = true, Format = "json", Id = "Orders" },
            },
        });

        // The page's example request, member for member: each item leaves out what it does not set.
        const string Documented = """
            {
                "mode":"bundle",
                "fileName":"exportProfilesAndOrders.zip",
                "items":[
                    { "format":"csv", "headersList":"shippingAddress.firstName,shippingAddress.lastName", "id":"Profiles" },
                    { "q":"id co \"o7613307\"", "prettyPrintJSON":true, "format":"json", "id":"Orders" }
                ]
            }
            """;
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/ccadmin/v1/exportProcess", "application/json"), (request.Method, request.RawTarget, request.ContentType?.Split(';')[0]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Documented), JsonNode.Parse(request.Body)), request.Body);
        Assert.Equal("N2ECA3RrG1jLYZjN4Q6XTNrkjc_10000", started.ProcessId);
        Assert.Equal(("self", "http://example.com:9080/ccadminui/v1/exportProcess"), (started.Links![0].Rel, started.Links[0].Href));
        Assert.Equal("submitted", started.Status);
    }

    [Fact]
    public async Task Export_start_reads_a_202_whose_optional_members_are_absent()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(202, "{}"));
        using var http = server.CreateClient();

        var started = await new OracleCommerceAdminClient(http).ExportProcess.StartAsync(new ExportProcessStart.ExportRequest { Items = Array.Empty<ExportProcessStart.ExportItem>() });

        Assert.Equal("""{"items":[]}""", Assert.Single(server.Requests).Body);
        Assert.Equal((null, null, null), (started.ProcessId, started.Links, started.Status));
    }

    [Fact]
    public async Task Source_create_sends_headers_and_cookies_as_maps_and_unset_nullables_as_null()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """{"success": true, "payload": {"source_id": "s1"}, "product": null, "debug": []}"""));
        using var http = server.CreateClient();

        var created = await new WeTransformClient(http).Sources.CreateAsync(new SourcesCreate.SourceCreateRequest
        {
            Name = "Leaves",
            DataExtractor = SourcesCreate.DataExtractor.Url,
            Url = new SourcesCreate.Url
            {
                UrlValue = "https://example.com",
                Method = SourcesCreate.HttpMethodValue.Get,
                Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer 1234567890" },
                Cookies = new Dictionary<string, string> { ["session_id"] = "0987654321" },
                ContentType = SourcesCreate.ContentType.ApplicationJson,
            },
        });

        const string Expected = """
            {
                "name": "Leaves", "data_extractor": "url",
                "url": {
                    "url": "https://example.com", "method": "GET",
                    "headers": { "Authorization": "Bearer 1234567890" }, "cookies": { "session_id": "0987654321" },
                    "content_type": "application/json", "body": null
                },
                "ftp": null
            }
            """;
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/sender/source"), (request.Method, request.RawTarget));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Expected), JsonNode.Parse(request.Body)), request.Body);
        Assert.Equal("s1", created.Payload.GetProperty("source_id").GetString());
    }

    [Fact]
    public async Task Customer_list_sends_its_filters_in_brackets_and_reads_the_page()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """
            {"success": true, "payload": {"total_pages": 5, "current_page": 5, "total_items": 103, "items_per_page": 25, "entries": [
                {"customer_id": null, "templates": [{"template_handle": "furniture", "user_metadata": [{"name": "internal_code", "value": "TMPLT_001"}]}],
                 "external_id": "jojo", "email": "joel@fuz.org"}]}, "product": null, "debug": []}
            """));
        using var http = server.CreateClient();

        var page = (await new WeTransformClient(http).Customers.ListAsync(
            userMetadata: new[] { new CustomersList.UserMetadataFilter { Name = "type", Values = "human_resources,finance" } },
            page: 1,
            perPage: 25)).Payload;

        var request = Assert.Single(server.Requests);
        Assert.Equal("/customers?user_metadata[0][name]=type&user_metadata[0][values]=human_resources%2Cfinance&page=1&per_page=25", request.RawTarget);
        Assert.Equal((5, 103), (page.TotalPages, page.TotalItems));
        var customer = Assert.Single(page.Entries);
        Assert.Equal(("furniture", "TMPLT_001"), (customer.Templates[0].TemplateHandle, customer.Templates[0].UserMetadata[0].Value));
        Assert.Equal("joel@fuz.org", customer.AdditionalProperties!["email"].GetString());
    }

    [Fact]
    public async Task Customer_list_without_filters_sends_no_query()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """
            {"success": true, "payload": {"total_pages": 0, "current_page": 1, "total_items": 0, "items_per_page": 25, "entries": []}, "product": null, "debug": []}
            """));
        using var http = server.CreateClient();

        await new WeTransformClient(http).Customers.ListAsync();

        Assert.Equal("/customers", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task Transformation_data_read_sends_lists_and_conditions_in_brackets()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """{"success": true, "payload": {"rows": []}, "product": null, "debug": []}"""));
        using var http = server.CreateClient();

        await new WeTransformClient(http).Transformations.ReadDataAsync(
            Guid.Parse("8d049772-c9f8-4fe2-a988-ecf926022c51"),
            attributes: new[] { "first name", "email" },
            conditions: new[]
            {
                new TransformationsReadData.Condition { Position = 1, Chaining = TransformationsReadData.Chaining.And, TextToCompare = "%(source column)", Operator = TransformationsReadData.Operator.EqualsValue, CompareWith = "42" },
                new TransformationsReadData.Condition { Position = 2, Chaining = TransformationsReadData.Chaining.Or, TextToCompare = "x", Operator = TransformationsReadData.Operator.IsEmpty },
            },
            page: 2);

        Assert.Equal(
            "/transformation/8d049772-c9f8-4fe2-a988-ecf926022c51/data?attributes[]=first%20name&attributes[]=email"
                + "&conditions[0][position]=1&conditions[0][chaining]=AND&conditions[0][text_to_compare]=%25%28source%20column%29&conditions[0][operator]=EQUALS&conditions[0][compare_with]=42"
                + "&conditions[1][position]=2&conditions[1][chaining]=OR%25&conditions[1][text_to_compare]=x&conditions[1][operator]=IS_EMPTY"
                + "&page=2",
            Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task Server_extension_upload_streams_the_file_and_reads_optional_members_and_maps()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, """
            {"result": {"failedFiles": 1, "failedFilesReasons": {"a.js": "syntax error", "b.js": {"line": 3}}, "failedImagesReasons": [], "hadSuccess": true, "unzipped": true},
             "success": true, "token": "t1"}
            """));
        using var http = server.CreateClient();
        var bytes = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0x0D, 0x0A };
        using var file = new MemoryStream(bytes);

        var uploaded = await new OracleCommerceAdminClient(http).ServerExtensions.UploadAsync(
            new FilePart(file, "ext.zip", "application/zip"),
            "ext.zip",
            force: true,
            uploadType: ServerExtensionsUpload.UploadType.Extensions);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/ccadmin/v1/serverExtensions"), (request.Method, request.RawTarget));
        var parts = await MultipartParts.ReadAsync(request);
        Assert.Equal(new[] { "fileUpload", "filename", "force", "uploadType" }, parts.Select(p => p.Name));
        Assert.Equal(("ext.zip", "application/zip"), (parts[0].FileName, parts[0].ContentType));
        Assert.Equal(bytes, parts[0].Body);
        Assert.Equal(new[] { "ext.zip", "true", "extensions" }, parts.Skip(1).Select(p => Encoding.UTF8.GetString(p.Body)));
        Assert.True(file.CanRead, "the caller's stream stays open");

        Assert.Equal(("t1", true), (uploaded.Token, uploaded.Success));
        Assert.Equal("syntax error", uploaded.Result!.FailedFilesReasons!["a.js"].GetString());
        Assert.Equal(3, uploaded.Result.FailedFilesReasons["b.js"].GetProperty("line").GetInt32());
        Assert.Empty(uploaded.Result.FailedImagesReasons!);
        Assert.Null(uploaded.Result.NewFiles);
    }

    [Fact]
    public async Task Server_extension_upload_leaves_optional_fields_out()
    {
        await using var server = await LoopbackServer.StartAsync(_ => new CannedResponse(200, "{}"));
        using var http = server.CreateClient();

        var uploaded = await new OracleCommerceAdminClient(http).ServerExtensions.UploadAsync(FilePart.FromBytes(new byte[] { 1 }, "x \"1\" Übersicht.js"), "x.js");

        var parts = await MultipartParts.ReadAsync(Assert.Single(server.Requests));
        Assert.Equal(new[] { "fileUpload", "filename" }, parts.Select(p => p.Name));
        Assert.Equal("application/octet-stream", parts[0].ContentType);
        // As browsers send it: a quote percent-encoded, other characters as UTF-8.
        Assert.Equal("x %221%22 Übersicht.js", parts[0].FileName);
        Assert.Equal((null, null, null), (uploaded.Result, uploaded.Success, uploaded.Token));
    }
}

using System.Linq;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

public class ParserTests
{
    private static SpecFile Parse(string relativePath) => SpecParser.Parse("/repo/" + relativePath, relativePath, Repository.Spec(relativePath));

    [Fact]
    public void Every_repository_spec_parses_without_diagnostics()
    {
        foreach (var (path, text) in Repository.Specs())
        {
            var file = SpecParser.Parse("/repo/" + path, path, text);
            Assert.True(file.Diagnostics.IsEmpty, path + ": " + string.Join("; ", file.Diagnostics.Select(d => d.Id + " " + string.Join(",", d.Arguments))));
            Assert.Equal(1, new object?[] { file.Api, file.Endpoint, file.Shared }.Count(model => model is not null));
        }
    }

    [Fact]
    public void Submission_read_keeps_route_pattern_nullability_and_types()
    {
        var endpoint = Parse("specs/wetransform/submissions/read.spec.yaml").Endpoint!;

        Assert.Equal(("WeTransform", "Submissions", "Read", "GET"), (endpoint.Api, endpoint.Group, endpoint.Name, endpoint.Method));
        Assert.Equal("/sender/submission/{submissionId}", endpoint.Path);
        var parameter = Assert.Single(endpoint.PathParameters);
        Assert.Equal("submissionId", parameter.WireName);
        Assert.Equal("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", parameter.Pattern);

        Assert.Equal(new TypeRef(TypeKind.Object, "Submission", null, endpoint.Response!.Span, "SubmissionsRead"), endpoint.Response);
        var submission = Assert.Single(endpoint.Objects);
        Assert.Equal(23, submission.Properties.Count);
        var columns = submission.Properties.Single(p => p.WireName == "maximum_number_of_columns");
        Assert.False(columns.Nullable);
        Assert.Equal(TypeKind.Integer, columns.Type.Kind);
        Assert.Equal("180", columns.Example);
        var created = submission.Properties.Single(p => p.WireName == "created_at");
        Assert.True(created.Nullable);
        Assert.Equal(TypeKind.DateTime, created.Type.Kind);
        Assert.Equal("Jo\u00ebl", submission.Properties.Single(p => p.WireName == "customer_name").Example);
    }

    [Fact]
    public void Power_function_abort_has_both_documented_patterns()
    {
        var endpoint = Parse("specs/wetransform/power-functions/abort.spec.yaml").Endpoint!;

        Assert.Equal("POST", endpoint.Method);
        Assert.Equal(new (string, string?)[] { ("callNumber", @"\d+"), ("callId", "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}") }, endpoint.PathParameters.Select(p => (p.WireName, p.Pattern)));
        var payload = Assert.Single(endpoint.Objects);
        var rows = Assert.Single(payload.Properties);
        Assert.Equal(("impacted_rows", TypeKind.Integer, true), (rows.WireName, rows.Type.Kind, rows.Nullable));
    }

    [Fact]
    public void Template_read_hoists_the_array_item_object()
    {
        var endpoint = Parse("specs/wetransform/templates/read.spec.yaml").Endpoint!;

        Assert.Equal(new[] { "UserMetadata", "Template" }, endpoint.Objects.Select(o => o.Name));
        var metadata = endpoint.Objects[1].Properties.Single(p => p.WireName == "user_metadata");
        Assert.Equal(TypeKind.Array, metadata.Type.Kind);
        Assert.Equal(new TypeRef(TypeKind.Object, "UserMetadata", null, metadata.Type.Items!.Span, "TemplatesRead"), metadata.Type.Items);
        Assert.Null(Assert.Single(endpoint.PathParameters).Pattern);
    }

    [Fact]
    public void Hello_takes_its_name_in_the_query_string()
    {
        var endpoint = Parse("specs/wetransform/demo-receiver/hello.spec.yaml").Endpoint!;

        var name = Assert.Single(endpoint.QueryParameters);
        Assert.Equal(("name", TypeKind.String, false), (name.WireName, name.Type.Kind, name.Optional));
        Assert.Empty(endpoint.PathParameters);
    }

    [Fact]
    public void WeTransform_api_declares_envelope_errors_and_shared_types()
    {
        var api = Parse("specs/wetransform/wetransform.spec.yaml").Api!;

        Assert.Equal(("WeTransform", "WeTransform.Client", "https://api.staging.wetransform.com"), (api.Name, api.Namespace, api.BaseUrl));
        Assert.Equal("payload", api.Envelope!.PayloadWireName);
        Assert.Equal(new[] { "success", "product", "debug" }, api.Envelope.Properties.Select(p => p.WireName));
        Assert.Equal(new TypeRef(TypeKind.Reference, "ErrorPayload", null, api.ErrorBody.Span), api.ErrorBody);
        Assert.Equal(new[] { "400", "403", "422" }, api.ErrorResponses.Select(r => r.Status));
        Assert.Equal(new[] { "permission", "limitation" }, Assert.Single(api.Enums).Values);
        Assert.Contains(api.Objects, o => o.Name == "Violation" && o.Properties.Any(p => p.WireName == "invalid_value" && p.Type.Kind == TypeKind.Any && p.Nullable));
        var limitationObject = api.Objects.Single(o => o.Name == "Product").Properties.Single(p => p.WireName == "limitation_object");
        Assert.Equal(TypeKind.Any, limitationObject.Type.Kind);
    }

    [Fact]
    public void Oracle_api_has_no_envelope_and_the_error_model_as_body()
    {
        var api = Parse("specs/oracle-commerce/oracle-commerce-admin.spec.yaml").Api!;

        Assert.Null(api.Envelope);
        Assert.Null(api.BaseUrl);
        Assert.Equal("ErrorModel", api.ErrorBody.Name);
        Assert.Equal("default", Assert.Single(api.ErrorResponses).Status);
        Assert.Contains(api.Objects.Single(o => o.Name == "ErrorModel").Properties, p => p.WireName == "o:errorPath");
    }

    [Fact]
    public void Parse_results_compare_by_value_so_the_pipeline_can_cache_them()
    {
        var first = Parse("specs/wetransform/submissions/read.spec.yaml");
        var second = Parse("specs/wetransform/submissions/read.spec.yaml");

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}

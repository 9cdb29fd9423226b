using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Model;
using TypeKind = SpecClient.Generator.Model.TypeKind;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>The keys real pages needed beyond the seeds: optional, deprecated, map, status, response: none.</summary>
public class FormatKeyTests
{
    private const string Api = """
        api:
          name: Shop
          namespace: Shop.Client
          baseUrl: https://shop.example
        """;

    private const string Head = """
        endpoint:
          api: Shop
          group: Orders
          name: Create
          method: POST
          path: /orders

        """;

    private static EndpointModel ParseEndpoint(string yaml)
    {
        var file = SpecParser.Parse("/p/specs/e.spec.yaml", "specs/e.spec.yaml", Head + yaml);
        Assert.True(file.Diagnostics.IsEmpty, string.Join("; ", file.Diagnostics.Select(d => d.Id + " " + string.Join(",", d.Arguments))));
        return file.Endpoint!;
    }

    /// <summary>The one diagnostic of the endpoint file <see cref="Head"/> + <paramref name="yaml"/>, at a zero-based line and column.</summary>
    private static Diagnostic Single(string yaml, string id, int line, int column, string? head = null)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/e.spec.yaml", (head ?? Head) + yaml)));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostic = Assert.Single(result.Diagnostics);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal((id, line, column), (diagnostic.Id, span.StartLinePosition.Line, span.StartLinePosition.Character));
        return diagnostic;
    }

    [Fact]
    public void Optional_nullable_and_deprecated_are_facts_of_a_member()
    {
        var endpoint = ParseEndpoint("""
            body:
              properties:
                a: { type: string, optional: true }
                b: { type: string, optional: true, nullable: true, deprecated: true }
                c: { type: string, nullable: true }
                d: string
            response: none
            """);

        var members = endpoint.Objects.Single(o => o.Name == "Request").Properties;
        Assert.Equal(
            new[] { ("a", true, false, false, false), ("b", true, true, true, false), ("c", false, true, false, false), ("d", false, false, false, true) },
            members.Select(p => (p.WireName, p.Optional, p.Nullable, p.Deprecated, p.IsRequired)));
        Assert.Null(endpoint.Response);
    }

    [Fact]
    public void A_map_holds_any_type_node()
    {
        var endpoint = ParseEndpoint("""
            response:
              properties:
                counts: { type: map, items: integer }
                reasons: { type: map, items: { properties: { code: string } } }
            """);

        var result = endpoint.Objects.Single(o => o.Name == "Result").Properties;
        Assert.Equal((TypeKind.Map, TypeKind.Integer), (result[0].Type.Kind, result[0].Type.Items!.Kind));
        Assert.Equal((TypeKind.Map, TypeKind.Object, "Reason", "OrdersCreate"), (result[1].Type.Kind, result[1].Type.Items!.Kind, result[1].Type.Items!.Name, result[1].Type.Items!.Scope));
    }

    [Fact]
    public void A_date_is_a_type_of_its_own_in_properties_and_parameters()
    {
        var endpoint = ParseEndpoint("""
            queryParameters:
              on: { type: date, optional: true }
            response:
              properties:
                day: date
            """);

        Assert.Equal(TypeKind.Date, endpoint.QueryParameters[0].Type.Kind);
        Assert.Equal(TypeKind.Date, endpoint.Objects.Single().Properties[0].Type.Kind);
    }

    [Fact]
    public void Status_and_deprecation_of_an_endpoint()
    {
        var file = SpecParser.Parse("/p/specs/e.spec.yaml", "specs/e.spec.yaml", Head.Replace("  path: /orders\n", "  path: /orders\n  status: 202\n  deprecated: true\n", StringComparison.Ordinal) + "response: none\n");

        Assert.Empty(file.Diagnostics);
        Assert.Equal((202, true), (file.Endpoint!.SuccessStatus, file.Endpoint.Deprecated));
    }

    [Fact]
    public void Optional_outside_an_object_property_is_reported() =>
        Single("body:\n  type: array\n  items: { type: string, optional: true }\nresponse: none\n", "SPEC011", 8, 25);

    [Fact]
    public void A_success_status_outside_2xx_is_reported()
    {
        var diagnostic = Single("response: none\n", "SPEC011", 6, 10, WithStatus("302"));
        Assert.Contains("200 to 299", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_204_with_a_body_is_reported()
    {
        var diagnostic = Single("response: string\n", "SPEC011", 7, 10, WithStatus("204"));
        Assert.Contains("response: none", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string WithStatus(string status) => Head.Replace("  path: /orders\n", "  path: /orders\n  status: " + status + "\n", StringComparison.Ordinal);

    [Fact]
    public void A_map_without_items_is_reported() =>
        Single("response:\n  properties:\n    m: { type: map }\n", "SPEC003", 8, 7);

    [Fact]
    public void A_query_parameter_marked_nullable_is_told_to_say_optional()
    {
        var diagnostic = Single("queryParameters:\n  page: { type: integer, nullable: true }\nresponse: none\n", "SPEC011", 7, 25);
        Assert.Contains("optional: true", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_response_suggests_none()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/e.spec.yaml", Head)));
        Assert.Contains("none", Assert.Single(result.Diagnostics).GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Query_parameters_take_lists_enums_and_objects_with_a_style()
    {
        var endpoint = ParseEndpoint("""
            queryParameters:
              ids: { type: array, items: integer, style: comma }
              level: { values: [LOW, HIGH], optional: true }
              filter: { typeName: Filter, properties: { name: string }, optional: true, style: deepObject }
            response: none
            """);

        Assert.Equal(
            new[] { ("ids", TypeKind.Array, "comma", false), ("level", TypeKind.Enum, null, true), ("filter", TypeKind.Object, "deepObject", true) },
            endpoint.QueryParameters.Select(p => (p.WireName, p.Type.Kind, p.Style, p.Optional)));
        Assert.Equal(new[] { "Filter" }, endpoint.Objects.Select(o => o.Name));
        Assert.Equal(new[] { "Level" }, endpoint.Enums.Select(e => e.Name));
    }

    [Fact]
    public void An_unknown_query_style_is_reported()
    {
        var diagnostic = Single("queryParameters:\n  ids: { type: array, items: integer, style: pipes }\nresponse: none\n", "SPEC011", 7, 45);
        Assert.Contains("form, comma, brackets, deepObject", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_json_in_a_query_parameter_is_reported() =>
        Single("queryParameters:\n  q: { type: any }\nresponse: none\n", "SPEC011", 7, 13);

    [Fact]
    public void The_api_file_sets_the_query_style()
    {
        var file = SpecParser.Parse("/p/specs/shop.spec.yaml", "specs/shop.spec.yaml", Api + "\nquery:\n  style: brackets\n");
        Assert.Empty(file.Diagnostics);
        Assert.Equal("brackets", file.Api!.QueryStyle);
    }

    [Fact]
    public void Form_parameters_take_text_numbers_enums_and_files()
    {
        var endpoint = ParseEndpoint("""
            formParameters:
              file: { type: file }
              name: string
              force: { type: boolean, optional: true }
              kind: { values: [extensions], optional: true }
            response: none
            """);

        Assert.Equal(
            new[] { ("file", TypeKind.File, false), ("name", TypeKind.String, false), ("force", TypeKind.Boolean, true), ("kind", TypeKind.Enum, true) },
            endpoint.FormParameters.Select(p => (p.WireName, p.Type.Kind, p.Optional)));
    }

    [Fact]
    public void A_file_outside_a_form_is_reported() =>
        Single("body:\n  properties:\n    upload: file\nresponse: none\n", "SPEC011", 8, 12);

    [Fact]
    public void Files_inside_a_response_or_as_a_json_body_are_reported()
    {
        Single("response: { type: array, items: file }\n", "SPEC011", 6, 18);
        Single("body: file\nresponse: none\n", "SPEC011", 6, 6);
    }

    [Fact]
    public void A_form_beside_a_json_body_is_reported() =>
        Single("formParameters:\n  name: string\nbody:\n  properties:\n    a: string\nresponse: none\n", "SPEC011", 6, 0);

    [Fact]
    public void An_object_form_field_is_reported() =>
        Single("formParameters:\n  meta: any\nresponse: none\n", "SPEC011", 7, 8);

    [Fact]
    public void Header_parameters_and_error_statuses_of_one_endpoint()
    {
        var endpoint = ParseEndpoint("""
            headerParameters:
              X-CCOrganization: { type: string, optional: true }
              X-Request-Number: integer
            errors:
              409: A customer with this external ID exists already.
              404: { description: No such customer. }
            response: none
            """);

        Assert.Equal(new[] { ("X-CCOrganization", TypeKind.String, true), ("X-Request-Number", TypeKind.Integer, false) }, endpoint.HeaderParameters.Select(p => (p.WireName, p.Type.Kind, p.Optional)));
        Assert.Equal(new (string, string?)[] { ("409", "A customer with this external ID exists already."), ("404", "No such customer.") }, endpoint.Errors.Select(e => (e.Status, e.Description)));
    }

    [Fact]
    public void A_header_the_api_file_sends_already_is_reported()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs(
            ("specs/shop.spec.yaml", Api + "\nheaders:\n  X-Customer: {}\n"),
            ("specs/e.spec.yaml", Head + "headerParameters:\n  x-customer: string\nresponse: none\n")));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SPEC014", 7), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Fact]
    public void A_header_that_SpecClient_sets_is_reported() =>
        Single("headerParameters:\n  Authorization: string\nresponse: none\n", "SPEC011", 7, 2);

    [Fact]
    public void An_error_status_may_type_its_own_body_named_within_the_endpoint()
    {
        var endpoint = ParseEndpoint("""
            errors:
              409:
                description: Exists already.
                body:
                  properties:
                    existing_id: string
              400: { body: { type: array, items: Problem } }
              default: { body: { typeName: Failure, properties: { code: integer } } }
            response: none
            """);

        Assert.Equal(
            new (string, TypeKind?, string?)[] { ("409", TypeKind.Object, "Error409"), ("400", TypeKind.Array, null), ("default", TypeKind.Object, "Failure") },
            endpoint.Errors.Select(e => (e.Status, e.Body?.Kind, e.Body?.Name)));
        Assert.Equal(new[] { "Error409", "Failure" }, endpoint.Objects.Select(o => o.Name));
        Assert.All(endpoint.Errors.Where(e => e.Body?.Kind == TypeKind.Object), e => Assert.Equal(endpoint.TypeScope, e.Body!.Scope));
    }

    [Theory]
    [InlineData("errors:\n  409: { body: string }\nresponse: none\n", 7, 15)]
    [InlineData("errors:\n  409:\n    body: { type: enum, values: [a] }\nresponse: none\n", 8, 18)]
    public void An_error_body_that_is_not_an_object_array_or_map_is_reported(string yaml, int line, int column) =>
        Single(yaml, "SPEC011", line, column);

    [Fact]
    public void An_error_body_that_names_a_declared_enum_is_reported()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs(
            ("specs/shop.spec.yaml", Api + "\ntypes:\n  Color: { values: [red] }\n"),
            ("specs/e.spec.yaml", Head + "errors:\n  409: { body: Color }\nresponse: none\n")));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SPEC011", 7, 15), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void The_api_files_error_responses_take_no_body_of_their_own()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api + "\nerrors:\n  responses:\n    400: { body: { properties: { a: string } } }\n")));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SPEC004", 6, 11), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void An_endpoint_error_outside_4xx_and_5xx_is_reported() =>
        Single("errors:\n  302: Found.\nresponse: none\n", "SPEC012", 7, 2);

    [Theory]
    [InlineData("0404")]
    [InlineData("+404")]
    public void An_error_status_is_three_digits_as_written(string status) =>
        Single("errors:\n  '" + status + "': Not found.\nresponse: none\n", "SPEC012", 7, 2);

    /// <summary>The test API's specs use every key; generated for netstandard2.0 too, they compile cleanly.</summary>
    [Theory]
    [InlineData(Consumer.Net80)]
    [InlineData(Consumer.NetStandard20)]
    public void Specs_using_every_new_key_compile_without_a_warning(Consumer consumer)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(Repository.TestSpecs().ToArray()), consumer);

        Assert.Empty(result.Diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotNull(output.GetTypeByMetadataName("Edge.Client.ReportsRead+Report"));
    }
}

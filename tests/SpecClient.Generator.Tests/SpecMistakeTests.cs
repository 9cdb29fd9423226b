using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// The spec mistakes users make while editing, each with its diagnostic ID and exact position
/// (zero-based, as Roslyn reports them; an editor shows line + 1 and column + 1).
/// </summary>
public class SpecMistakeTests
{
    private const string Api = """
        api:
          name: Shop
          namespace: Shop.Client
        """;

    private const string Endpoint = """
        endpoint:
          api: Shop
          group: Orders
          name: Read
          method: GET
          path: /orders/{id}
        pathParameters:
          id: { pattern: '\d+' }
        response: string
        """;

    private static Diagnostic[] Diagnose(params (string Path, string Text)[] specs)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(specs));
        var compileErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, "whatever is generated must compile: " + string.Join("\n", compileErrors));
        return result.Diagnostics.ToArray();
    }

    private static void AssertAt(Diagnostic diagnostic, string id, string file, int line, int column, int endLine, int endColumn, string? message = null)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(
            (id, GeneratorHarness.ProjectDirectory + file, line, column, endLine, endColumn),
            (diagnostic.Id, span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character));
        if (message is not null)
        {
            Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_list_where_a_mapping_belongs()
    {
        var diagnostic = Assert.Single(Diagnose(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", "endpoint: [api, name]\nresponse: string\n")));
        AssertAt(diagnostic, "SPEC005", "specs/read.spec.yaml", 0, 10, 0, 20, "must be a mapping");
    }

    [Fact]
    public void A_parameter_missing_from_the_path()
    {
        var spec = Endpoint.Replace("path: /orders/{id}", "path: /orders", StringComparison.Ordinal);
        var diagnostic = Assert.Single(Diagnose(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", spec)));
        AssertAt(diagnostic, "SPEC009", "specs/read.spec.yaml", 7, 2, 7, 4, "'id'");
    }

    [Fact]
    public void An_unsupported_http_method()
    {
        var spec = Endpoint.Replace("method: GET", "method: FETCH", StringComparison.Ordinal);
        var diagnostic = Assert.Single(Diagnose(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", spec)));
        AssertAt(diagnostic, "SPEC011", "specs/read.spec.yaml", 4, 10, 4, 15, "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
    }

    [Theory]
    [InlineData("200", 5, 4, 5, 7)]
    [InlineData("600", 5, 4, 5, 7)]
    [InlineData("oops", 5, 4, 5, 8)]
    public void A_status_code_out_of_range(string status, int line, int column, int endLine, int endColumn)
    {
        var api = Api + "\nerrors:\n  responses:\n    " + status + ": Not an error\n";
        var diagnostic = Diagnose(("specs/shop.spec.yaml", api), ("specs/read.spec.yaml", Endpoint)).First();
        AssertAt(diagnostic, "SPEC012", "specs/shop.spec.yaml", line, column, endLine, endColumn, status);
    }

    [Fact]
    public void Properties_that_collide_as_csharp_names()
    {
        var spec = Endpoint.Replace("response: string", "response:\n  typeName: Order\n  properties:\n    user_id: string\n    userId: string\n", StringComparison.Ordinal);
        var diagnostic = Assert.Single(Diagnose(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", spec)));
        AssertAt(diagnostic, "SPEC014", "specs/read.spec.yaml", 12, 4, 12, 10, "'user_id' and 'userId' both become UserId");
    }

    [Fact]
    public void The_same_endpoint_twice_in_a_group()
    {
        var diagnostics = Diagnose(("specs/shop.spec.yaml", Api), ("specs/a.spec.yaml", Endpoint), ("specs/b.spec.yaml", Endpoint.Replace("/orders/{id}", "/v2/orders/{id}", StringComparison.Ordinal)));
        AssertAt(Assert.Single(diagnostics), "SPEC014", "specs/b.spec.yaml", 3, 8, 3, 12, "Orders.Read' is declared more than once (also in /project/specs/a.spec.yaml)");
    }

    [Fact]
    public void Two_api_files_with_one_name()
    {
        var diagnostics = Diagnose(("specs/a-shop.spec.yaml", Api), ("specs/b-shop.spec.yaml", Api), ("specs/read.spec.yaml", Endpoint));
        AssertAt(Assert.Single(diagnostics), "SPEC014", "specs/b-shop.spec.yaml", 1, 8, 1, 12, "The API 'Shop' is declared more than once");
    }

    [Fact]
    public void The_same_inline_type_name_in_two_endpoints_makes_two_types()
    {
        var withOrder = Endpoint.Replace("response: string", "response:\n  typeName: Order\n  properties:\n    id: integer\n", StringComparison.Ordinal);
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(
            ("specs/shop.spec.yaml", Api),
            ("specs/a.spec.yaml", withOrder),
            ("specs/b.spec.yaml", withOrder.Replace("name: Read", "name: ReadAgain", StringComparison.Ordinal))));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.OrdersRead+Order"));
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.OrdersReadAgain+Order"));
    }

    [Fact]
    public void An_endpoint_types_class_named_like_a_generated_type()
    {
        var spec = Endpoint.Replace("group: Orders\n  name: Read", "group: Shop\n  name: Client", StringComparison.Ordinal)
            .Replace("response: string", "response:\n  typeName: Order\n  properties:\n    id: integer\n", StringComparison.Ordinal);
        var diagnostic = Assert.Single(Diagnose(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", spec)));
        AssertAt(diagnostic, "SPEC014", "specs/read.spec.yaml", 3, 8, 3, 14, "The type 'ShopClient' is declared more than once (SpecClient generates a type of that name");
    }

    [Fact]
    public void An_inline_type_named_like_its_parent_is_qualified_by_it()
    {
        var spec = Endpoint.Replace("response: string", "response:\n  typeName: Format\n  properties:\n    format: { values: [csv, json] }\n    items: { type: array, items: { properties: { format: { values: [a] } } } }\n", StringComparison.Ordinal);
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", spec)));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.OrdersRead+Format"));
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.OrdersRead+FormatFormat"));
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.OrdersRead+ItemFormat"));
    }

    [Fact]
    public void A_derived_name_gives_way_to_a_typeName_later_in_the_file()
    {
        // The query enum comes first and would be named Kind; the response's typeName says Kind.
        var spec = Endpoint.Replace("response: string", "queryParameters:\n  kind: { values: [a, b], optional: true }\nresponse:\n  properties:\n    kind: { typeName: Kind, values: [x, y] }\n", StringComparison.Ordinal);
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", spec)));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var kind = output.GetTypeByMetadataName("Shop.Client.OrdersRead+Kind");
        Assert.NotNull(kind);
        Assert.Contains(kind.GetMembers(), m => m.Name == "X");
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.OrdersRead+Kind2"));
    }

    [Fact]
    public void A_broken_api_file_stops_only_its_own_endpoints()
    {
        var brokenApi = Api.Replace("namespace: Shop.Client", "namespace: Shop.Client\n  baseUrl: not a url", StringComparison.Ordinal);
        var otherApi = Api.Replace("Shop", "Other", StringComparison.Ordinal);
        var otherEndpoint = Endpoint.Replace("api: Shop", "api: Other", StringComparison.Ordinal);
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(
            ("specs/shop.spec.yaml", brokenApi), ("specs/read.spec.yaml", Endpoint), ("specs/other.spec.yaml", otherApi), ("specs/other-read.spec.yaml", otherEndpoint)));

        Assert.Equal(2, result.Diagnostics.Length);
        AssertAt(result.Diagnostics.Single(d => d.Id == "SPEC011"), "SPEC011", "specs/shop.spec.yaml", 3, 11, 3, 20, "absolute http or https URL");
        AssertAt(result.Diagnostics.Single(d => d.Id == "SPEC015"), "SPEC015", "specs/read.spec.yaml", 1, 7, 1, 11, "API file for 'Shop' has errors");
        Assert.NotNull(output.GetTypeByMetadataName("Other.Client.OtherClient"));
        Assert.NotNull(output.GetTypeByMetadataName("Other.Client.OrdersEndpoints"));
        Assert.Null(output.GetTypeByMetadataName("Shop.Client.ShopClient"));
    }

    [Fact]
    public void A_file_over_the_size_limit()
    {
        var huge = Endpoint + "# " + new string('x', 10 * 1024 * 1024) + "\n";
        var diagnostic = Assert.Single(Diagnose(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", huge)));
        AssertAt(diagnostic, "SPEC016", "specs/read.spec.yaml", 0, 0, 0, 0, "more than the 1,048,576 a spec may have");
    }

    [Fact]
    public void Collections_nested_a_thousand_deep()
    {
        var deep = "endpoint:\n  api: Shop\n  name: " + new string('[', 1000) + new string(']', 1000) + "\nresponse: string\n";
        var diagnostic = Assert.Single(Diagnose(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", deep)));
        // The 65th collection: the 63rd '[' on editor line 3 (the 'endpoint' mapping counts twice with the document's).
        AssertAt(diagnostic, "SPEC016", "specs/read.spec.yaml", 2, 70, 2, 71, "nest more than 64 levels");
    }

    [Fact]
    public void Properties_nested_a_thousand_deep_in_block_style()
    {
        var nested = string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', 2 + (i * 4)) + "p" + i + ":\n" + new string(' ', 4 + (i * 4)) + "properties:\n"));
        var spec = Endpoint.Replace("response: string", "response:\n  typeName: Root\n  properties:\n" + nested + new string(' ', 4004) + "leaf: string\n", StringComparison.Ordinal);
        var diagnostic = Assert.Single(Diagnose(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", spec)));
        Assert.Equal("SPEC016", diagnostic.Id);
    }

    [Fact]
    public void An_alias_bomb()
    {
        // Level i holds ten properties whose properties are level i - 1: nine levels is 10^9 nodes to read.
        var levels = new System.Collections.Generic.List<string> { "  L0: { properties: &l0 { leaf: string } }" };
        for (var i = 1; i <= 9; i++)
        {
            var children = string.Join(", ", Enumerable.Range(0, 10).Select(n => $"p{n}: {{ properties: *l{i - 1} }}"));
            levels.Add($"  L{i}: {{ properties: &l{i} {{ {children} }} }}");
        }

        var api = Api + "\ntypes:\n" + string.Join("\n", levels) + "\n";
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", api), ("specs/read.spec.yaml", Endpoint)));

        var limit = Assert.Single(result.Diagnostics, d => d.Id == "SPEC016");
        Assert.Contains("more than 100,000 YAML nodes", limit.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(GeneratorHarness.ProjectDirectory + "specs/shop.spec.yaml", limit.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_catastrophic_pattern_is_accepted_and_bounded_by_the_match_timeout()
    {
        // (a+)+$ backtracks exponentially on "aaaa...!"; the generator only parses it, and the
        // generated validation matches with a timeout (RuntimeTests checks that it ends).
        var spec = Endpoint.Replace(@"pattern: '\d+'", "pattern: '(a+)+$'", StringComparison.Ordinal);
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", spec)));

        Assert.Empty(result.Diagnostics);
        var generated = result.Results[0].GeneratedSources.Single(s => s.HintName == "specs.read.g.cs").SourceText.ToString();
        Assert.Contains("new(\"id\", \"(a+)+$\", \"\\\\A(?:(a+)+$)\\\\z\")", generated, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}

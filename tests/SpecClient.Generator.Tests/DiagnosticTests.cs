using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Each diagnostic's ID and exact position. Positions are Roslyn's, zero-based: an editor shows
/// line + 1 and column + 1 (YamlDotNet's own marks are one-based; the generator converts them).
/// </summary>
public class DiagnosticTests
{
    private const string ApiSpec = """
        api:
          name: Shop
          namespace: Shop.Client
          baseUrl: https://shop.example
        """;

    private static Diagnostic Single(string endpointYaml, string id)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", ApiSpec), ("specs/broken.spec.yaml", endpointYaml)));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(GeneratorHarness.ProjectDirectory + "specs/broken.spec.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.StartsWith("https://", diagnostic.Descriptor.HelpLinkUri, System.StringComparison.Ordinal);
        return diagnostic;
    }

    private static void AssertSpan(Diagnostic diagnostic, int line, int column, int endLine, int endColumn)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal((line, column, endLine, endColumn), (span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character));
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_where_the_parser_stopped()
    {
        var diagnostic = Single("""
            endpoint:
              api: Shop
              name: [Read
            response: string
            """, "SPEC001");

        // Editor line 3, column 9: right after the '[' that is never closed.
        AssertSpan(diagnostic, 2, 8, 2, 9);
        Assert.Contains("unclosed '['", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_scanner_error_quotes_the_yaml_parser()
    {
        var diagnostic = Single("""
            endpoint:
              api: Shop
              name: a: b
            response: string
            """, "SPEC001");

        AssertSpan(diagnostic, 2, 9, 2, 10);
        Assert.Contains("found invalid mapping", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_reported_at_its_start()
    {
        var diagnostic = Single(string.Empty, "SPEC002");
        AssertSpan(diagnostic, 0, 0, 0, 0);
    }

    [Fact]
    public void Missing_required_key_is_reported_at_its_section()
    {
        var diagnostic = Single("""
            endpoint:
              api: Shop
              group: Orders
              name: Read
              path: /orders
            response: string
            """, "SPEC003");

        // At the key of the section that lacks it: "endpoint" on editor line 1.
        AssertSpan(diagnostic, 0, 0, 0, 8);
        Assert.Contains("'method'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_type_is_reported_at_the_type_with_a_suggestion()
    {
        var diagnostic = Single("""
            endpoint:
              api: Shop
              group: Orders
              name: Read
              method: GET
              path: /orders
            response:
              typeName: Order
              properties:
                id: { type: strng }
            """, "SPEC006");

        AssertSpan(diagnostic, 9, 16, 9, 21);
        Assert.Contains("Did you mean 'string'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_regex_quotes_the_regex_engine()
    {
        var diagnostic = Single("""
            endpoint:
              api: Shop
              group: Orders
              name: Read
              method: GET
              path: /orders/{id}
            pathParameters:
              id:
                pattern: '[0-9'
            response: string
            """, "SPEC007");

        AssertSpan(diagnostic, 8, 13, 8, 19);
        Assert.Contains("Unterminated [] set", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholder_without_parameter_points_at_the_placeholder()
    {
        var diagnostic = Single("""
            endpoint:
              api: Shop
              group: Orders
              name: Read
              method: GET
              path: /orders/{orderId}/lines
            response: string
            """, "SPEC008");

        // "{orderId}" spans editor columns 17 to 25 of line 6.
        AssertSpan(diagnostic, 5, 16, 5, 25);
    }

    [Fact]
    public void Unknown_key_suggests_the_near_miss()
    {
        var diagnostic = Single("""
            endpoint:
              api: Shop
              group: Orders
              name: Read
              method: GET
              path: /orders/{id}
            pathParameters:
              id:
                patern: '\d+'
            response: string
            """, "SPEC004");

        AssertSpan(diagnostic, 8, 4, 8, 10);
        Assert.Contains("Did you mean 'pattern'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_spec_leaves_the_other_specs_generating()
    {
        var specs = GeneratorHarness.RepositorySpecs()
            .Append(new InMemorySpec(GeneratorHarness.ProjectDirectory + "specs/broken.spec.yaml", "endpoint: [unclosed"))
            .ToArray();

        var (result, _) = GeneratorHarness.Run(specs);

        Assert.Equal("SPEC001", Assert.Single(result.Diagnostics).Id);
        Assert.Equal(Repository.Specs().Count, result.Results[0].GeneratedSources.Length);
    }

    [Fact]
    public void Endpoint_of_an_unknown_api_is_reported_with_a_suggestion()
    {
        var diagnostic = Single("""
            endpoint:
              api: Shopp
              group: Orders
              name: Read
              method: GET
              path: /orders
            response: string
            """, "SPEC010");

        AssertSpan(diagnostic, 1, 7, 1, 12);
        Assert.Contains("Did you mean 'Shop'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_code_needs_csharp_11()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.RepositorySpecs(), Consumer.Net80, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10);

        Assert.Equal("SPEC013", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(result.Results[0].GeneratedSources);
    }
}

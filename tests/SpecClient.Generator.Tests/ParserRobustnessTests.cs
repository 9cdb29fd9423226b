using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Patterns;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>Specs a hostile or careless user writes: each gets a precise diagnostic, never a silent drop or a strange name.</summary>
public class ParserRobustnessTests
{
    private const string Api = "api: { name: Shop, namespace: Shop.Client }\n";

    private const string Endpoint = """
        endpoint:
          api: Shop
          group: Orders
          name: Read
          method: GET
          path: /orders/{id}
        pathParameters:
          id: { pattern: '[0-9]+', example: '42' }
        response: string

        """;

    private static (Diagnostic[] Spec, Diagnostic[] Compile, int Generated) Run(string endpoint)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", endpoint)));
        return (result.Diagnostics.ToArray(), output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray(), result.Results[0].GeneratedSources.Length);
    }

    private static (string Id, int Line, int Column) Where(Diagnostic diagnostic)
        => (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character);

    [Theory]
    [InlineData("---\nendpoint: { api: Shop, group: Orders, name: Other, method: GET, path: /other }\nresponse: string\n")]
    [InlineData("---\n")]
    [InlineData("--- # a second endpoint\n")]
    public void A_second_yaml_document_is_reported_at_its_start(string second)
    {
        var (spec, compile, _) = Run(Endpoint + second);

        var diagnostic = Assert.Single(spec);
        Assert.Equal(("SPEC011", 9, 0), Where(diagnostic));
        Assert.Contains("one YAML document", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(compile);
    }

    [Fact]
    public void A_document_start_marker_before_the_only_document_is_fine()
    {
        var (spec, compile, generated) = Run("---\n" + Endpoint);

        Assert.Empty(spec);
        Assert.Empty(compile);
        Assert.Equal(2, generated);
    }

    [Theory]
    [InlineData("group", "~", "null")]
    [InlineData("group", "null", "null")]
    [InlineData("name", "Null", "null")]
    [InlineData("name", "", "empty")]
    [InlineData("path", "''", "empty")]
    [InlineData("api", "\"\"", "empty")]
    public void A_required_key_that_is_null_or_empty_is_reported_as_such(string key, string value, string what)
    {
        var endpoint = Endpoint.Replace("  " + key + ": ", "  " + key + ": " + value + " #", StringComparison.Ordinal);

        var (spec, compile, _) = Run(endpoint);

        var diagnostic = Assert.Single(spec);
        Assert.Equal("SPEC003", diagnostic.Id);
        Assert.StartsWith("The required key '" + key + "' of 'endpoint' is " + what + ".", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(compile);
    }

    [Fact]
    public void A_quoted_null_is_a_name()
    {
        var (spec, compile, _) = Run(Endpoint.Replace("  group: Orders", "  group: 'null'", StringComparison.Ordinal));

        Assert.Empty(spec);
        Assert.Empty(compile);
    }

    [Theory]
    [InlineData("''", 7, 17, "is empty")]
    [InlineData("'[0-9]{3}'", 7, 17, "does not match the parameter's own example '42'")]
    public void A_pattern_that_refuses_what_it_should_accept_is_a_warning_and_still_generates(string pattern, int line, int column, string message)
    {
        var (spec, compile, generated) = Run(Endpoint.Replace("'[0-9]+'", pattern, StringComparison.Ordinal));

        var diagnostic = Assert.Single(spec);
        Assert.Equal(("SPEC018", line, column), Where(diagnostic));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(compile);
        Assert.Equal(2, generated);
    }

    [Theory]
    [InlineData(@"(?#[)\d+", @"\A(?:(?#[)[0-9]+)\z", "7")]
    [InlineData(@"(?#\d)\d", @"\A(?:(?#\d)[0-9])\z", "7")]
    [InlineData(@"[(?#]\d", @"\A(?:[(?#][0-9])\z", "#7")]
    public void A_regex_comment_is_copied_as_it_is(string pattern, string anchored, string value)
    {
        Assert.Equal(anchored, RoutePatterns.Anchor(pattern));
        Assert.Equal(true, RoutePatterns.Matches(pattern, value));
    }

    [Theory]
    [InlineData("https://shop.example/api?key=1")]
    [InlineData("https://shop.example/api#top")]
    public void A_base_url_with_a_query_or_fragment_is_reported(string baseUrl)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", "api: { name: Shop, namespace: Shop.Client, baseUrl: '" + baseUrl + "' }\n")));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SPEC011", diagnostic.Id);
        Assert.Contains("without a query or fragment", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Found by the fuzz: a required body that is a struct got a null check that does not compile.</summary>
    [Theory]
    [InlineData("any")]
    [InlineData("integer")]
    [InlineData("{ values: [a, b] }")]
    [InlineData("{ type: map, items: string }")]
    public void A_body_of_any_type_compiles(string type)
    {
        var (spec, compile, generated) = Run("endpoint: { api: Shop, group: Orders, name: Put, method: PUT, path: /orders }\nbody: " + type + "\nresponse: none\n");

        Assert.Empty(spec);
        Assert.Empty(compile);
        Assert.Equal(2, generated);
    }
}

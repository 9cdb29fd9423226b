using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>Messages read as sentences, point at the right line, and name the real cause.</summary>
public class DiagnosticPolishTests
{
    private const string Api = "api: { name: Shop, namespace: Shop.Client }\n";

    private const string Head = "endpoint: { api: Shop, group: Orders, name: Read, method: GET, path: /orders }\n";

    private static Diagnostic[] Run(params (string Path, string Text)[] specs) => GeneratorHarness.Run(GeneratorHarness.Specs(specs)).Result.Diagnostics.ToArray();

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("endpoint: { api: Shop, group: Orders, name: Read, method: GET, path: /orders, sumary: Read. }\nresponse: string\n", "SPEC004", "Did you mean 'summary'? Allowed keys:")]
    [InlineData(Head + "response: str\n", "SPEC006", "'str' is not a known type. Did you mean 'string'? Use string,")]
    [InlineData(Head + "response: { properties: { a: bool } }\n", "SPEC006", "Did you mean 'boolean'?")]
    [InlineData(Head + "response: { properties: { a: int } }\n", "SPEC006", "Did you mean 'integer'?")]
    [InlineData("endpoint: { api: Shap, group: Orders, name: Read, method: GET, path: /orders }\nresponse: string\n", "SPEC010", "no API file declares it. Did you mean 'Shop'? Add")]
    public void A_suggestion_is_a_sentence_of_its_own(string endpoint, string id, string text)
    {
        var diagnostic = Assert.Single(Run(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", endpoint)));

        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(text, Message(diagnostic), StringComparison.Ordinal);
        Assert.DoesNotContain("?.", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_parameter_of_an_unknown_type_lists_the_types_a_path_parameter_takes()
    {
        var diagnostic = Assert.Single(Run(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", "endpoint: { api: Shop, group: Orders, name: Read, method: GET, path: '/orders/{id}' }\npathParameters:\n  id: { type: object }\nresponse: string\n")));

        Assert.Equal("'object' is not a known type for a path parameter. Use string, integer, number, boolean, date-time or date.", Message(diagnostic));
    }

    [Theory]
    [InlineData("", "This empty file must be a YAML mapping")]
    [InlineData("- a\n", "This file must be a YAML mapping")]
    public void Not_a_spec_reads_as_a_sentence(string text, string start)
        => Assert.StartsWith(start, Message(Assert.Single(Run(("specs/x.spec.yaml", text)))), StringComparison.Ordinal);

    [Fact]
    public void A_key_that_is_not_a_name_is_named_without_doubled_quotes()
    {
        var diagnostic = Assert.Single(Run(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", Head + "response:\n  properties:\n    [a, b]: string\n")));

        Assert.Equal("'response.properties.<name>' must be a plain name, but it is a list", Message(diagnostic));
    }

    [Fact]
    public void A_tab_is_reported_at_its_own_line()
    {
        var diagnostic = Assert.Single(Run(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", Head + "response:\n  properties:\n\ta: string\n")));

        Assert.Equal(("SPEC001", 3), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Theory]
    [InlineData("api:\n  name: Shop\n  namespace: Shop.Client\n  baseUrl: [\n")]
    [InlineData("api: { name: Shop, namespace: 'Shop.Client', description: \"unterminated }\n")]
    [InlineData("api:\n  name: Shop\n  namespace: 1Shop\n")]
    public void Endpoints_of_a_broken_api_file_get_SPEC015_not_SPEC010(string api)
    {
        var diagnostics = Run(("specs/shop.spec.yaml", api), ("specs/read.spec.yaml", Head + "response: string\n"));

        Assert.Contains(diagnostics, d => d.Location.GetLineSpan().Path.EndsWith("shop.spec.yaml", StringComparison.Ordinal));
        Assert.Equal("SPEC015", Assert.Single(diagnostics, d => d.Location.GetLineSpan().Path.EndsWith("read.spec.yaml", StringComparison.Ordinal)).Id);
    }

    [Fact]
    public void A_renamed_placeholder_gets_SPEC008_beside_SPEC009_in_one_build()
    {
        var diagnostics = Run(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", "endpoint: { api: Shop, group: Orders, name: Read, method: GET, path: '/users/{userId}' }\npathParameters:\n  id: string\nresponse: string\n"));

        Assert.Equal(new[] { "SPEC008", "SPEC009" }, diagnostics.Select(d => d.Id).OrderBy(id => id));
    }

    [Fact]
    public void A_misspelt_optional_key_still_generates_the_endpoint_so_only_the_spec_error_shows()
    {
        var consumer = "class Use { System.Threading.Tasks.Task<string> Call(Shop.Client.ShopClient c) => c.Orders.ReadAsync(); }";
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", Head + "sumary: Read.\nresponse: string\n")), Consumer.Net80, null, consumer);

        Assert.Equal("SPEC004", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void An_unknown_key_and_an_unknown_type_are_reported_in_one_build()
    {
        var diagnostics = Run(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", Head + "sumary: Read.\nresponse: Strin\n"));

        Assert.Equal(new[] { "SPEC004", "SPEC006" }, diagnostics.Select(d => d.Id).OrderBy(id => id));
    }

    [Theory]
    [InlineData("endpoint: { api: Shop, group: Orders, name: Read, method: GET, path: /orders, summary: [a, b] }\nresponse: string\n")]
    [InlineData(Head + "response:\n  properties:\n    a: { type: string, description: { x: 1 } }\n")]
    [InlineData(Head + "response:\n  properties:\n    a: { type: string, example: [1, 2] }\n")]
    public void Documentation_that_is_not_text_is_reported_and_the_endpoint_still_generates(string endpoint)
    {
        var consumer = "class Use { object Call(Shop.Client.ShopClient c) => c.Orders.ReadAsync(); }";
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", endpoint)), Consumer.Net80, null, consumer);

        Assert.Equal("SPEC005", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_missing_key_and_an_unknown_type_are_reported_in_one_build()
    {
        var diagnostics = Run(("specs/shop.spec.yaml", Api), ("specs/read.spec.yaml", "endpoint: { api: Shop, group: Orders, name: Read, path: /orders }\nresponse: { properties: { a: Strin } }\n"));

        Assert.Equal(new[] { "SPEC003", "SPEC006" }, diagnostics.Select(d => d.Id).OrderBy(id => id));
    }
}

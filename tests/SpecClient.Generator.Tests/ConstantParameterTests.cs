using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>value: on a query or header parameter: sent on every call, and no method parameter.</summary>
public class ConstantParameterTests
{
    private const string Api = "api: { name: Shop, namespace: Shop.Client }\n";

    private const string Head = "endpoint: { api: Shop, group: Orders, name: Describe, method: POST, path: / }\n";

    [Fact]
    public void A_value_takes_no_method_parameter_and_the_code_compiles()
    {
        const string endpoint = Head + "queryParameters:\n  Action: { value: Describe }\n  id: string\nheaderParameters:\n  X-Amz-Target: { value: 'Svc.Describe' }\nresponse: none\n";
        const string consumer = "class Use { System.Threading.Tasks.Task Call(Shop.Client.IShopClient c) => c.Orders.DescribeAsync(\"7\"); }";

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/describe.spec.yaml", endpoint)), Consumer.Net80, null, consumer);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var generated = result.Results[0].GeneratedSources.Single(s => s.HintName.Contains("describe", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains(".Add(\"Action\", \"Describe\")", generated, StringComparison.Ordinal);
        Assert.Contains(".AddHeader(\"X-Amz-Target\", \"Svc.Describe\")", generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queryParameters:\n  Action: { type: integer, value: '1' }\n", "A value the endpoint always sends is text")]
    [InlineData("headerParameters:\n  X-A: { value: \"a\\nb\" }\n", "is one line of text")]
    public void A_value_that_is_not_one_line_of_text_is_reported_at_its_line(string parameters, string message)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/describe.spec.yaml", Head + parameters + "response: none\n")));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SPEC011", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }
}

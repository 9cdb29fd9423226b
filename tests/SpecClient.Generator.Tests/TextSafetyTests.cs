using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>Names from a spec become valid, stable C# identifiers; text from a spec never becomes code.</summary>
public class TextSafetyTests
{
    /// <summary>Every trick that could end a comment, a doc element, a string or a line, in one string.</summary>
    private const string Hostile = "*/ } class InjectedType { } /* </summary> <b>&amp; \" \\\" \\ { } \n#error injected\n#region r\u2028public static int InjectedLine = 1;\u2029// \u0085 \r\n static void InjectedMethod() { } \u202e";

    private static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\u2028", "\\L", StringComparison.Ordinal).Replace("\u2029", "\\P", StringComparison.Ordinal).Replace("\u0085", "\\N", StringComparison.Ordinal) + "\"";

    [Fact]
    public void Hostile_text_in_every_text_field_stays_text()
    {
        var h = Yaml(Hostile);
        var api = $$"""
            api:
              name: Shop
              namespace: Shop.Client
              baseUrl: "https://shop.example/a%22b"
              description: {{h}}
            envelope:
              typeName: Envelope
              payload: data
              description: {{h}}
              properties:
                note: { type: string, nullable: true, description: {{h}}, example: {{h}} }
            types:
              Tag:
                description: {{h}}
                properties:
                  {{h}}: { type: string, nullable: true, description: {{h}}, example: {{h}} }
              Kind:
                type: enum
                description: {{h}}
                values: [{{h}}, plain]
            errors:
              payload: Tag
              responses:
                400: {{h}}
                default: {{h}}
            """;
        var endpoint = $$"""
            endpoint:
              api: Shop
              group: Orders
              name: Read
              method: POST
              path: /orders/{id}/a%22b
              summary: {{h}}
              description: {{h}}
            pathParameters:
              id: { description: {{h}}, example: {{h}}, pattern: '[a-z]+|\*/ \} class InjectedPattern \{ \} "#error|[\s\S]+' }
            queryParameters:
              {{h}}: { type: string, optional: true, description: {{h}}, example: {{h}} }
            body:
              typeName: Order
              description: {{h}}
              properties:
                kind: { type: Kind, nullable: true, description: {{h}} }
                tag: { type: Tag, nullable: true }
            response:
              typeName: Receipt
              description: {{h}}
              properties:
                {{h}}: { type: string, nullable: true, description: {{h}} }
            """;

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", api), ("specs/orders/read.spec.yaml", endpoint)));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Results[0].GeneratedSources.Length);
        var generated = string.Concat(result.Results[0].GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.True(generated.Split("class InjectedType").Length > 20, "the hostile text must reach the generated code, as text");
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var declared = output.GetSymbolsWithName(name => name.StartsWith("Injected", StringComparison.Ordinal), SymbolFilter.All).ToList();
        Assert.True(declared.Count == 0, "injected: " + string.Join(", ", declared));
        foreach (var tree in output.SyntaxTrees)
        {
            var directives = tree.GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<Microsoft.CodeAnalysis.CSharp.Syntax.DirectiveTriviaSyntax>().ToList();
            Assert.True(directives.All(d => d is Microsoft.CodeAnalysis.CSharp.Syntax.NullableDirectiveTriviaSyntax), tree.FilePath + ": " + string.Join(", ", directives));
        }
    }

    [Fact]
    public void Spec_names_become_valid_stable_identifiers()
    {
        const string api = """
            api:
              name: my shop-api
              namespace: Shop.Client
            """;
        const string endpoint = """
            endpoint:
              api: my shop-api
              group: order-lines.v2
              name: get/all
              method: GET
              path: /lines/{class}
            pathParameters:
              class: {}
            queryParameters:
              default: { type: string, optional: true }
              2fa: { type: string, optional: true }
            response:
              typeName: line item
              properties:
                class: string
                default: { type: integer, nullable: true }
                2fa: { type: string, nullable: true }
                content-type: { type: string, nullable: true }
                a.b: { type: string, nullable: true }
                x/y: { type: string, nullable: true }
                with space: { type: string, nullable: true }
                prénom: { type: string, nullable: true }
                line item: { type: string, nullable: true }
            """;

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", api), ("specs/read.spec.yaml", endpoint)));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var client = output.GetTypeByMetadataName("Shop.Client.MyShopApiClient")!;
        Assert.NotNull(client.GetMembers("OrderLinesV2").SingleOrDefault());
        var method = (IMethodSymbol)output.GetTypeByMetadataName("Shop.Client.IOrderLinesV2Endpoints")!.GetMembers("GetAllAsync").Single();
        Assert.Equal(new[] { "class", "default", "_2fa", "cancellationToken" }, method.Parameters.Select(p => p.Name));
        var record = output.GetTypeByMetadataName("Shop.Client.OrderLinesV2GetAll+LineItem")!;
        var properties = record.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToList();
        Assert.Equal(
            new[] { "Class", "Default", "_2fa", "ContentType", "AB", "XY", "WithSpace", "Prénom", "LineItemValue", "AdditionalProperties" },
            properties.Where(p => p != "EqualityContract"));
    }
}

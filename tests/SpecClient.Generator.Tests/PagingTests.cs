using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>The API file's paging: section, and the endpoints it finds (SPEC019 for one that does not fit).</summary>
public class PagingTests
{
    private const string Api = "api: { name: Shop, namespace: Shop.Client }\npaging: { page: page, items: entries, totalPages: total_pages }\n";

    private const string Head = "endpoint: { api: Shop, group: Orders, name: List, method: GET, path: /orders }\n";

    private const string Page = "response:\n  properties:\n    total_pages: integer\n    entries: { type: array, items: { typeName: Order, properties: { id: string } } }\n";

    private static (Diagnostic[] Diagnostics, Compilation Output) Run(string api, string endpoint, string consumer = "")
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", api), ("specs/list.spec.yaml", endpoint)), Consumer.Net80, null, consumer);
        return (result.Diagnostics.ToArray(), output);
    }

    [Fact]
    public void An_endpoint_with_the_paging_parameter_gets_a_method_that_walks_the_pages_and_keeps_its_other_parameters()
    {
        const string consumer = """
            class Use
            {
                System.Collections.Generic.IAsyncEnumerable<Shop.Client.OrdersList.Order> All(Shop.Client.IShopClient c) => c.Orders.ListAllAsync(status: "open", size: 10);
            }
            """;
        var (diagnostics, output) = Run(Api, Head + "queryParameters:\n  status: string\n  page: { type: integer, optional: true }\n  size: { type: integer, optional: true }\n" + Page, consumer);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Types_named_like_what_the_paged_method_uses_do_not_break_it()
    {
        const string api = Api + "types:\n  Pages: { properties: { a: string } }\n  IAsyncEnumerable: { properties: { a: string } }\n";
        const string consumer = "class Use { object All(Shop.Client.IShopClient c) => c.Orders.ListAllAsync(); }";
        var (diagnostics, output) = Run(api, Head + "queryParameters: { page: integer, response: { optional: true }, cancellation: { optional: true } }\n" + Page, consumer);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Offsets_work_for_a_bare_body_and_a_required_offset()
    {
        const string api = "api: { name: Shop, namespace: Shop.Client }\npaging: { offset: offset, items: items, total: totalResults }\n";
        const string endpoint = Head + "queryParameters:\n  offset: integer\nresponse:\n  properties:\n    totalResults: { type: integer, nullable: true }\n    items: { type: array, items: string }\n";
        const string consumer = "class Use { System.Collections.Generic.IAsyncEnumerable<string> All(Shop.Client.IShopClient c) => c.Orders.ListAllAsync(); }";
        var (diagnostics, output) = Run(api, endpoint, consumer);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Members_that_may_be_absent_and_null_are_read_as_null_when_absent()
    {
        const string api = "api: { name: Shop, namespace: Shop.Client }\npaging: { offset: offset, items: items, total: totalResults }\n";
        const string endpoint = Head + "queryParameters:\n  offset: { type: integer, optional: true }\nresponse:\n  properties:\n    totalResults: { type: integer, optional: true, nullable: true }\n    items: { type: array, optional: true, nullable: true, items: { type: string, nullable: true } }\n";
        const string consumer = "class Use { System.Collections.Generic.IAsyncEnumerable<string?> All(Shop.Client.IShopClient c) => c.Orders.ListAllAsync(); }";
        var (diagnostics, output) = Run(api, endpoint, consumer);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("queryParameters: { page: string }\n" + Page, "its query parameter 'page' is not an integer")]
    [InlineData("queryParameters: { page: { value: '1' } }\n" + Page, "its query parameter 'page' has a value it always sends")]
    [InlineData("queryParameters: { page: integer }\nresponse: { type: array, items: string }\n", "its response is not an object the endpoint file declares")]
    [InlineData("queryParameters: { page: integer }\nresponse:\n  properties:\n    total_pages: integer\n    results: { type: array, items: string }\n", "its response has no member 'entries'")]
    [InlineData("queryParameters: { page: integer }\nresponse:\n  properties:\n    total_pages: integer\n    entries: string\n", "its response member 'entries' is not an array")]
    [InlineData("queryParameters: { page: integer }\nresponse:\n  properties:\n    total_pages: string\n    entries: { type: array, items: string }\n", "its response member 'total_pages' is not an integer")]
    public void An_endpoint_that_does_not_fit_gets_SPEC019_at_its_parameter_and_keeps_its_plain_methods(string rest, string problem)
    {
        const string consumer = "class Use { string Plain() => nameof(Shop.Client.IOrdersEndpoints.ListAsync); }";
        var (diagnostics, output) = Run(Api, Head + rest, consumer);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SPEC019", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Descriptor.DefaultSeverity));
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("The endpoint 'Orders.List' takes the paging parameter 'page', but " + problem, message, StringComparison.Ordinal);
        Assert.Contains("It gets no ListAllAsync method", message, StringComparison.Ordinal);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void An_endpoint_named_like_the_paged_method_of_another_gets_SPEC019_on_the_list()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Specs(
            ("specs/shop.spec.yaml", Api),
            ("specs/list.spec.yaml", Head + "queryParameters: { page: integer }\n" + Page),
            ("specs/list-all.spec.yaml", "endpoint: { api: Shop, group: Orders, name: ListAll, method: GET, path: /orders/all }\nresponse: none\n")));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SPEC019", diagnostic.Id);
        Assert.Contains("but the endpoint Orders.ListAll in /project/specs/list-all.spec.yaml has a method ListAllAsync already", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Paged_false_leaves_an_endpoint_that_takes_the_parameter_alone()
    {
        var (diagnostics, output) = Run(Api, "endpoint: { api: Shop, group: Orders, name: List, method: GET, path: /orders, paged: false }\nqueryParameters: { page: integer }\nresponse: any\n");

        Assert.Empty(diagnostics);
        Assert.Null(output.GetTypeByMetadataName("Shop.Client.IOrdersEndpoints")!.GetMembers("ListAllAsync").FirstOrDefault());
    }

    [Theory]
    [InlineData("paging: { items: entries }\n", "SPEC011", "either page: (a page number) or offset:")]
    [InlineData("paging: { page: p, offset: o, items: entries }\n", "SPEC011", "not both")]
    [InlineData("paging: { page: p }\n", "SPEC003", "The required key 'items' of 'paging' is missing")]
    [InlineData("paging: { page: p, items: entries, total: n }\n", "SPEC011", "total: (a number of items) goes with offset:")]
    [InlineData("paging: { offset: o, items: entries, totalPages: n }\n", "SPEC011", "totalPages: goes with page:")]
    [InlineData("paging: { page: p, items: entries, firstPage: 2 }\n", "SPEC011", "The first page is 0 or 1.")]
    [InlineData("paging: { page: p, items: entries, totl: n }\n", "SPEC004", "Did you mean 'total'?")]
    public void A_paging_section_that_says_too_little_or_too_much_is_reported_at_its_line(string paging, string id, string text)
    {
        var (diagnostics, _) = Run("api: { name: Shop, namespace: Shop.Client }\n" + paging, Head + "response: none\n");

        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Contains(text, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }
}

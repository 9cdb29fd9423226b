using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>Auth, headers, locale, groups and fakes: mistakes get diagnostics, and names never collide in C#.</summary>
public class ApiOptionsTests
{
    private const string Endpoint = """
        endpoint:
          api: Shop
          group: Orders
          name: Read
          method: GET
          path: /orders/{id}
        pathParameters:
          id: {}
        response: string
        examples:
          201: '"created"'
        """;

    private static (Diagnostic[] Diagnostics, Compilation Output) Run(string api, string endpoint = Endpoint, string ns = "Shop.Client")
    {
        var apiSpec = "api:\n  name: Shop\n  namespace: " + ns + "\n  baseUrl: https://shop.example\n" + api;
        var compilation = GeneratorHarness.Compilation(Consumer.Net80);
        var driver = GeneratorHarness.CreateDriver(
            GeneratorHarness.Specs(("specs/shop.spec.yaml", apiSpec), ("specs/read.spec.yaml", endpoint)),
            properties: new Dictionary<string, string> { ["SpecClientFakes"] = "true" });
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        output = GeneratorHarness.WithNullableFlowAnalysis(output);
        Assert.DoesNotContain(driverDiagnostics, d => d.Id is "CS8784" or "CS8785");
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return (driver.GetRunResult().Diagnostics.ToArray(), output);
    }

    [Fact]
    public void A_locale_default_checked_against_a_catastrophic_pattern_ends_with_a_diagnostic()
    {
        var (diagnostics, _) = Run("locale:\n  placeholder: locale\n  default: " + new string('a', 40) + "!\n  pattern: '(a|aa)+'\n");
        Assert.Equal(new[] { "SPEC011", "SPEC015" }, diagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData("Content-Language")]
    [InlineData("Authorization")]
    [InlineData("Accept")]
    public void Headers_that_http_or_specclient_set_are_refused(string header)
    {
        var (diagnostics, _) = Run("headers:\n  " + header + ": {}\n");
        Assert.Equal(new[] { "SPEC011", "SPEC015" }, diagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData("X-Equals")]
    [InlineData("X-Base-Address")]
    [InlineData("X-Shop-Client-Options")]
    public void Header_options_that_would_collide_are_refused(string header)
    {
        var (diagnostics, _) = Run("headers:\n  " + header + ": {}\n");
        Assert.Equal(new[] { "SPEC014", "SPEC015" }, diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_group_named_like_a_client_member_gets_a_suffix()
    {
        var (diagnostics, output) = Run(string.Empty, Endpoint.Replace("group: Orders", "group: Options", StringComparison.Ordinal));
        Assert.Empty(diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.ShopClient")!.GetMembers("OptionsGroup").SingleOrDefault());
    }

    [Theory]
    [InlineData("Uri")]
    [InlineData("ValueTask")]
    [InlineData("HttpRequestMessage")]
    public void A_type_named_like_a_framework_type_gets_a_suffix(string typeName)
    {
        var endpoint = Endpoint.Replace("response: string", "response:\n  typeName: " + typeName + "\n  properties:\n    id: integer", StringComparison.Ordinal);
        var (diagnostics, output) = Run("auth:\n  bearer: true\nheaders:\n  X-Customer: {}\n", endpoint);
        Assert.Empty(diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.OrdersRead+" + typeName + "Model"));
    }

    [Theory]
    [InlineData("Acme.SpecClient.Shop")]
    [InlineData("Acme.System.Shop")]
    public void Namespaces_named_like_ours_or_the_frameworks_still_compile(string ns)
    {
        var (diagnostics, output) = Run("auth:\n  bearer: true\n", Endpoint, ns);
        Assert.Empty(diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName(ns + ".ShopFakeHandler"));
    }

    [Fact]
    public void Fake_endpoint_names_that_coincide_are_made_unique()
    {
        // "Order" + "ItemsRead" and "OrderItems" + "Read" both make OrderItemsRead.
        var first = Endpoint.Replace("group: Orders", "group: Order", StringComparison.Ordinal).Replace("name: Read", "name: ItemsRead", StringComparison.Ordinal);
        var second = Endpoint.Replace("group: Orders", "group: OrderItems", StringComparison.Ordinal).Replace("/orders/{id}", "/v2/orders/{id}", StringComparison.Ordinal);
        var apiSpec = "api:\n  name: Shop\n  namespace: Shop.Client\n  baseUrl: https://shop.example\n";
        var compilation = GeneratorHarness.Compilation(Consumer.Net80);
        var driver = GeneratorHarness.CreateDriver(
            GeneratorHarness.Specs(("specs/shop.spec.yaml", apiSpec), ("specs/a.spec.yaml", first), ("specs/b.spec.yaml", second)),
            properties: new Dictionary<string, string> { ["SpecClientFakes"] = "true" });
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        output = GeneratorHarness.WithNullableFlowAnalysis(output);

        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var endpoints = output.GetTypeByMetadataName("Shop.Client.ShopFakeHandler+Endpoints")!.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).ToList();
        Assert.Equal(new[] { "OrderItemsRead", "OrderItemsReadEndpoint" }, endpoints.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_endpoint_with_errors_is_left_out_of_the_fake()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(
            ("specs/shop.spec.yaml", "api:\n  name: Shop\n  namespace: Shop.Client\n"),
            ("specs/a.spec.yaml", Endpoint),
            ("specs/b.spec.yaml", Endpoint.Replace("/orders/{id}", "/v2/orders/{id}", StringComparison.Ordinal))));

        Assert.Equal("SPEC014", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}

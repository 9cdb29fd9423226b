using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>Files of shared types: declared once, used by many endpoints, and a real collision names both places.</summary>
public class SharedTypesTests
{
    private const string Api = """
        api:
          name: Shop
          namespace: Shop.Client
          baseUrl: https://shop.example
        """;

    private const string Links = """
        shared:
          api: Shop
        types:
          Link:
            properties:
              rel: string
              href: string
        """;

    private static string Endpoint(string name) => $$"""
        endpoint:
          api: Shop
          group: Orders
          name: {{name}}
          method: GET
          path: /orders/{{name}}
        response:
          properties:
            links: { type: array, items: Link }
        """;

    private static (Diagnostic[] Diagnostics, Compilation Output) Run(params (string Path, string Text)[] specs)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(specs));
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, "whatever is generated must compile cleanly: " + string.Join("\n", errors));
        return (result.Diagnostics.ToArray(), output);
    }

    [Fact]
    public void A_shared_type_is_declared_once_for_every_endpoint()
    {
        var (diagnostics, output) = Run(("specs/shop.spec.yaml", Api), ("specs/links.spec.yaml", Links), ("specs/a.spec.yaml", Endpoint("A")), ("specs/b.spec.yaml", Endpoint("B")));

        Assert.Empty(diagnostics);
        var link = output.GetTypeByMetadataName("Shop.Client.Link")!;
        var property = (IPropertySymbol)output.GetTypeByMetadataName("Shop.Client.OrdersA+Result")!.GetMembers("Links").Single();
        Assert.Equal("System.Collections.Generic.IReadOnlyList<Shop.Client.Link>", property.Type.ToDisplayString());
        Assert.Equal(link, ((INamedTypeSymbol)((IPropertySymbol)output.GetTypeByMetadataName("Shop.Client.OrdersB+Result")!.GetMembers("Links").Single()).Type).TypeArguments[0]);
    }

    [Fact]
    public void A_name_the_api_file_declares_stays_the_api_files()
    {
        var api = Api + "\ntypes:\n  Link:\n    properties:\n      href: string\n";
        var (diagnostics, output) = Run(("specs/shop.spec.yaml", api), ("specs/links.spec.yaml", Links), ("specs/a.spec.yaml", Endpoint("A")));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SPEC014", GeneratorHarness.ProjectDirectory + "specs/links.spec.yaml", 4), (diagnostic.Id, diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("also declared in " + GeneratorHarness.ProjectDirectory + "specs/shop.spec.yaml; keep one declaration", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Single(output.GetTypeByMetadataName("Shop.Client.Link")!.GetMembers().OfType<IPropertySymbol>(), p => p.Name == "Href");
    }

    [Fact]
    public void Of_two_shared_files_the_first_keeps_the_name_and_the_second_keeps_its_other_types()
    {
        var second = Links + "\n  Page:\n    properties:\n      size: integer\n";
        var (diagnostics, output) = Run(("specs/shop.spec.yaml", Api), ("specs/a-links.spec.yaml", Links), ("specs/b-links.spec.yaml", second), ("specs/a.spec.yaml", Endpoint("A")));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(GeneratorHarness.ProjectDirectory + "specs/b-links.spec.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("also declared in " + GeneratorHarness.ProjectDirectory + "specs/a-links.spec.yaml", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.Link"));
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.Page"));
    }

    [Fact]
    public void A_broken_shared_file_claims_no_name()
    {
        var (diagnostics, output) = Run(("specs/shop.spec.yaml", Api), ("specs/a-links.spec.yaml", Links + "\n  Broken: { properties: [ }\n"), ("specs/b-links.spec.yaml", Links));

        Assert.Equal("SPEC001", Assert.Single(diagnostics).Id);
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Client.Link"));
    }

    [Fact]
    public void A_shared_file_names_a_known_api()
    {
        var (diagnostics, _) = Run(("specs/shop.spec.yaml", Api), ("specs/links.spec.yaml", Links.Replace("api: Shop", "api: Shpo", StringComparison.Ordinal)));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("SPEC010", 1), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("Did you mean 'Shop'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_shared_types_description_rebinds_no_endpoint()
    {
        var specs = GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/links.spec.yaml", Links), ("specs/a.spec.yaml", Endpoint("A")));
        var compilation = GeneratorHarness.Compilation(Consumer.Net80);
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        var edited = new InMemorySpec(specs[1].Path, Links.Replace("Link:\n", "Link:\n    description: Now documented.\n", StringComparison.Ordinal));

        var result = driver.ReplaceAdditionalText(specs[1], edited).RunGenerators(compilation).GetRunResult().Results[0];

        Assert.All(result.TrackedSteps[TrackingNames.BindEndpoint].SelectMany(run => run.Outputs), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.Single(result.TrackedSteps[TrackingNames.BindSharedTypes].SelectMany(run => run.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void An_endpoint_type_that_would_hide_a_shared_one_it_uses_is_reported()
    {
        var shared = "shared:\n  api: Shop\ntypes:\n  user_info:\n    properties:\n      id: string\n";
        var endpoint = Endpoint("A").Replace("    links: { type: array, items: Link }", "    owner: user_info\n    other: { typeName: UserInfo, properties: { x: string } }", StringComparison.Ordinal);

        var (diagnostics, _) = Run(("specs/shop.spec.yaml", Api), ("specs/users.spec.yaml", shared), ("specs/a.spec.yaml", endpoint));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SPEC014", diagnostic.Id);
        Assert.Contains("hide the shared type", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}

using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Endpoints of one group share a class: the members each adds (public methods and their twins,
/// private senders, converters, patterns) never clash, or the later file gets SPEC014.
/// </summary>
public class MemberNameTests
{
    private const string Api = """
        api:
          name: Shop
          namespace: Shop.Client
        """;

    private static string Endpoint(string name, string path, string parameter) => $$"""
        endpoint:
          api: Shop
          group: Users
          name: {{name}}
          method: GET
          path: {{path}}
        pathParameters:
          {{parameter}}: { pattern: '\d+' }
        response: string
        """;

    private static (Diagnostic[] Spec, Diagnostic[] Compile) Run(params (string Path, string Text)[] specs)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(specs));
        return (result.Diagnostics.ToArray(), output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray());
    }

    [Fact]
    public void An_endpoint_named_like_another_ones_private_sender_compiles()
    {
        var (spec, compile) = Run(("specs/shop.spec.yaml", Api), ("specs/get.spec.yaml", Endpoint("Get", "/users/{id}", "id")), ("specs/send-get.spec.yaml", Endpoint("SendGet", "/v2/users/{id}", "id")));

        Assert.Empty(spec);
        Assert.Empty(compile);
    }

    [Fact]
    public void Pattern_fields_of_endpoint_and_parameter_names_that_concatenate_alike_compile()
    {
        // "Get" + "UserId" and "GetUser" + "Id" were both GetUserIdPattern.
        var (spec, compile) = Run(("specs/shop.spec.yaml", Api), ("specs/a.spec.yaml", Endpoint("Get", "/users/{userId}", "userId")), ("specs/b.spec.yaml", Endpoint("GetUser", "/v2/users/{id}", "id")));

        Assert.Empty(spec);
        Assert.Empty(compile);
    }

    [Fact]
    public void An_endpoint_named_like_another_ones_twin_gets_SPEC014()
    {
        var (spec, compile) = Run(("specs/shop.spec.yaml", Api), ("specs/a.spec.yaml", Endpoint("Get", "/users/{id}", "id")), ("specs/b.spec.yaml", Endpoint("GetWithResponse", "/v2/users/{id}", "id")));

        var diagnostic = Assert.Single(spec);
        Assert.Equal(("SPEC014", "/project/specs/b.spec.yaml", 3), (diagnostic.Id, diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Equal("The endpoint 'Users.GetWithResponse' is declared more than once (Users.Get in /project/specs/a.spec.yaml has a method GetWithResponseAsync too). Rename one of them.", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(compile);
    }

    [Fact]
    public void The_twin_is_claimed_whichever_file_sorts_first()
    {
        var (spec, compile) = Run(("specs/shop.spec.yaml", Api), ("specs/b.spec.yaml", Endpoint("Get", "/users/{id}", "id")), ("specs/a.spec.yaml", Endpoint("GetWithResponse", "/v2/users/{id}", "id")));

        Assert.Equal(("SPEC014", "/project/specs/b.spec.yaml"), (Assert.Single(spec).Id, spec[0].Location.GetLineSpan().Path));
        Assert.Empty(compile);
    }

    [Theory]
    [InlineData("nameof")]
    [InlineData("cancellationToken")]
    [InlineData("path")]
    [InlineData("query")]
    [InlineData("extras")]
    [InlineData("content")]
    [InlineData("capture")]
    [InlineData("_transport")]
    public void A_query_parameter_named_like_a_keyword_or_a_local_compiles(string name)
    {
        var endpoint = "endpoint: { api: Shop, group: Users, name: Find, method: GET, path: /users }\nqueryParameters:\n  " + name + ": string\n  other: { type: string, optional: true }\nresponse: string\n";

        var (spec, compile) = Run(("specs/shop.spec.yaml", Api), ("specs/find.spec.yaml", endpoint));

        Assert.Empty(spec);
        Assert.Empty(compile);
    }

    [Theory]
    [InlineData("t_payload")]
    [InlineData("Payload")]
    [InlineData("payload_")]
    [InlineData("additional_properties")]
    public void Envelope_properties_named_like_the_payload_property_or_its_type_are_reported(string name)
    {
        var api = Api + "\nenvelope:\n  typeName: Reply\n  payload: payload\n  properties:\n    " + name + ": string\n";

        var (spec, compile) = Run(("specs/shop.spec.yaml", api), ("specs/find.spec.yaml", "endpoint: { api: Shop, group: Users, name: Find, method: GET, path: /users }\nresponse: string\n"));

        Assert.Empty(compile);
        if (name == "additional_properties")
        {
            Assert.Empty(spec);
            return;
        }

        // The envelope's record cannot hold the property: the API file gets SPEC014 at it, its endpoints SPEC015.
        Assert.Equal(new[] { ("SPEC014", "/project/specs/shop.spec.yaml", 7), ("SPEC015", "/project/specs/find.spec.yaml", 0) }, spec.Select(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line)).OrderBy(d => d.Id));
    }

    [Fact]
    public void A_type_named_like_the_apis_fake_handler_is_reported()
    {
        var api = Api + "\ntypes:\n  ShopFakeHandler: { properties: { a: string } }\n";
        var specs = GeneratorHarness.Specs(("specs/shop.spec.yaml", api), ("specs/find.spec.yaml", "endpoint: { api: Shop, group: Users, name: Find, method: GET, path: /users }\nresponse: string\n"));
        var driver = GeneratorHarness.CreateDriver(specs, properties: new System.Collections.Generic.Dictionary<string, string> { ["SpecClientFakes"] = "true" })
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(Consumer.Net80), out var output, out _);

        Assert.Equal(new[] { "SPEC014", "SPEC015" }, driver.GetRunResult().Diagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Endpoints_of_an_api_file_with_a_SPEC014_get_SPEC015_and_generate_nothing()
    {
        // ShopClient is the API's own client class: the API file cannot be generated.
        var api = Api + "\ntypes:\n  ShopClient: { properties: { a: string } }\n";

        var (spec, compile) = Run(("specs/shop.spec.yaml", api), ("specs/find.spec.yaml", "endpoint: { api: Shop, group: Users, name: Find, method: GET, path: /users }\nresponse: string\n"));

        Assert.Equal(new[] { "SPEC014", "SPEC015" }, spec.Select(d => d.Id).OrderBy(id => id));
        Assert.Empty(compile);
    }

    /// <summary>Found by the colliding-names fuzz: each compiled to C# errors before.</summary>
    [Theory]
    [InlineData("types:\n  Equals: { properties: { a: string } }\n", "Users", null)]
    [InlineData("types:\n  AdditionalProperties: { properties: { a: string } }\n", "Users", null)]
    [InlineData("envelope: { typeName: t_payload, payload: data }\n", "Users", null)]
    [InlineData("", "ShopException", null)]
    [InlineData("", "HttpClient", null)]
    [InlineData("", "IUsers", "SPEC014")]
    public void Names_that_collide_with_what_the_generated_code_declares_compile_or_are_reported(string apiExtra, string group, string? id)
    {
        var find = "endpoint: { api: Shop, group: " + group + ", name: Find, method: GET, path: /find }\nresponse: string\n";
        var list = "endpoint: { api: Shop, group: Users, name: List, method: GET, path: /users }\nresponse: string\n";

        var (spec, compile) = Run(("specs/shop.spec.yaml", Api + "\n" + apiExtra), ("specs/find.spec.yaml", find), ("specs/list.spec.yaml", list));

        Assert.Equal(id is null ? Array.Empty<string>() : new[] { id }, spec.Select(d => d.Id));
        Assert.Empty(compile);
    }

    [Fact]
    public void A_shared_type_named_like_a_group_interface_is_left_out_and_not_referred_to()
    {
        var shared = "shared: { api: Shop }\ntypes:\n  IUsersEndpoints: { properties: { a: string } }\n";
        var endpoint = "endpoint: { api: Shop, group: Users, name: Find, method: GET, path: /find }\nresponse: IUsersEndpoints\n";

        var (spec, compile) = Run(("specs/shop.spec.yaml", Api), ("specs/shared.spec.yaml", shared), ("specs/find.spec.yaml", endpoint));

        Assert.Equal(new[] { "SPEC006", "SPEC014" }, spec.Select(d => d.Id).OrderBy(d => d));
        Assert.Empty(compile);
    }

    /// <summary>GitHub's reactions: "+1" and "-1" once both became "_1" (SPEC014), found by the importer's corpus run.</summary>
    [Fact]
    public void Signed_numbers_as_property_names_stay_apart()
    {
        const string endpoint = "endpoint: { api: Shop, group: Users, name: Reactions, method: GET, path: /r }\nresponse:\n  properties:\n    '+1': integer\n    '-1': integer\n";

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/reactions.spec.yaml", endpoint)));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var generated = result.Results[0].GeneratedSources.Single(s => s.HintName.Contains("reactions", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public required long Plus1 { get; init; }", generated, StringComparison.Ordinal);
        Assert.Contains("public required long Minus1 { get; init; }", generated, StringComparison.Ordinal);
    }

    /// <summary>C# refuses [Obsolete] on a required member (CS9042); GitHub's API has one, found by the corpus run.</summary>
    [Fact]
    public void A_deprecated_required_member_compiles_and_says_so_in_its_docs()
    {
        const string endpoint = "endpoint: { api: Shop, group: Users, name: Checks, method: GET, path: /c }\nresponse:\n  properties:\n    contexts: { type: array, items: string, deprecated: true }\n    strict: { type: boolean, optional: true, deprecated: true }\n";

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(("specs/shop.spec.yaml", Api), ("specs/checks.spec.yaml", endpoint)));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var generated = result.Results[0].GeneratedSources.Single(s => s.HintName.Contains("checks", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("Deprecated in the API's documentation (required", generated, StringComparison.Ordinal);
        Assert.Single(generated.Split("[Obsolete(", StringSplitOptions.None).Skip(1));
    }
}

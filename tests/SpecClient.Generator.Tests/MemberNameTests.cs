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
}

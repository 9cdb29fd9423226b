using System;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Binding;

/// <summary>Gathers what an API's test fake needs: its endpoints' methods, paths and examples.</summary>
internal static class FakeBinder
{
    public static FakeEndpoint? Describe(SpecFile file)
        => file.Endpoint is { } endpoint && !file.HasErrors
            ? new FakeEndpoint(endpoint.Api, endpoint.Group, endpoint.Name, endpoint.Method, endpoint.Path, endpoint.Examples.Select(e => e with { Span = default }).ToEquatableArray())
            : null;

    public static FakeSource Bind(ApiSource api, EquatableArray<FakeEndpoint> endpoints)
        => new(
            api.HintName.Substring(0, api.HintName.Length - ".g.cs".Length) + ".Fakes.g.cs",
            api.RelativePath,
            api.Api.Name,
            api.Api.Namespace,
            endpoints.Where(e => e.Api == api.Api.Name).OrderBy(e => e.Group, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray());
}

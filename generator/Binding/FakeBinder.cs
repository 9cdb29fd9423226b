using System;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Binding;

/// <summary>Gathers what an API's test fake needs: its endpoints' methods, paths and examples.</summary>
internal static class FakeBinder
{
    /// <summary>Only endpoints that bound cleanly: one with errors is neither generated nor faked.</summary>
    public static FakeEndpoint? Describe(BoundEndpoint bound)
        => bound.Source is { Endpoint: var endpoint }
            ? new FakeEndpoint(endpoint.Api, endpoint.Group, endpoint.Name, endpoint.Method, endpoint.Path, Examples(endpoint))
            : null;

    /// <summary>The documented examples; an endpoint without a body answers its success status with an empty one.</summary>
    private static EquatableArray<ExampleModel> Examples(EndpointModel endpoint)
        => endpoint.Response is null && !endpoint.Examples.Any(e => e.Status is >= 200 and < 300)
            ? endpoint.Examples.Concat(new[] { new ExampleModel(endpoint.SuccessStatus, string.Empty, default) }).ToEquatableArray()
            : endpoint.Examples;

    public static FakeSource Bind(ApiSource api, EquatableArray<FakeEndpoint> endpoints)
        => new(
            HintNameTable.Fakes(api.HintName),
            api.SpecPath,
            api.RelativePath,
            api.Api.Name,
            api.Api.Namespace,
            endpoints.Where(e => e.Api == api.Api.Name).OrderBy(e => e.Group, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray());
}

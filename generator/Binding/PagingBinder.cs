using System.Collections.Immutable;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;

namespace SpecClient.Generator.Binding;

/// <summary>
/// Matches an endpoint against its API's paging: an endpoint that takes the paging query parameter
/// is a list endpoint, and its response must hold the members the paging names. One that does not
/// gets SPEC019 and keeps its plain methods.
/// </summary>
internal static class PagingBinder
{
    /// <summary>The endpoint's paging, or null when it takes no paging parameter or does not fit (reported).</summary>
    /// <param name="path">The endpoint file, for diagnostics.</param>
    /// <param name="api">The endpoint's API.</param>
    /// <param name="endpoint">The endpoint, its types resolved.</param>
    /// <param name="endpoints">Every endpoint's methods, for a clash with the AllAsync method.</param>
    /// <param name="diagnostics">Where SPEC019 goes.</param>
    public static PagingSource? Bind(string path, ApiInfo api, EndpointModel endpoint, EndpointIndex endpoints, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (api.Paging is not { } paging || !endpoint.Paged || endpoint.QueryParameters.FirstOrDefault(p => p.WireName == paging.Parameter) is not { } parameter)
        {
            return null;
        }

        var method = MemberNames.MethodAll(endpoint.Name);
        string? problem = null;
        ObjectModel? page = null;
        PropertyModel? items = null;
        PropertyModel? total = null;
        if (parameter.Value is not null)
        {
            problem = "its query parameter '" + paging.Parameter + "' has a value it always sends";
        }
        else if (parameter.Type.Kind != TypeKind.Integer)
        {
            problem = "its query parameter '" + paging.Parameter + "' is not an integer";
        }
        else if (endpoint.Response is not { Kind: TypeKind.Object, Scope: not null } response
            || (page = endpoint.Objects.FirstOrDefault(o => o.Name == response.Name)) is null)
        {
            problem = "its response is not an object the endpoint file declares (paging reads the members of the endpoint's own response)";
        }
        else if ((items = page.Properties.FirstOrDefault(p => p.WireName == paging.Items)) is not { Type.Kind: TypeKind.Array })
        {
            problem = items is null ? "its response has no member '" + paging.Items + "'" : "its response member '" + paging.Items + "' is not an array";
        }
        else if (paging.Total is { } totalName && (total = page.Properties.FirstOrDefault(p => p.WireName == totalName)) is not { Type.Kind: TypeKind.Integer })
        {
            problem = total is null ? "its response has no member '" + totalName + "'" : "its response member '" + totalName + "' is not an integer";
        }
        else if (endpoints.MethodOwner(endpoint.Api, endpoint.Group, method, path) is { } clash)
        {
            problem = "the endpoint " + endpoint.Group + "." + clash.Endpoint + " in " + clash.Path + " has a method " + method + " already";
        }

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PagingMismatch, path, parameter.Span, endpoint.Group + "." + endpoint.Name, paging.Parameter, problem, method));
            return null;
        }

        var pageType = MemberNames.Type(page!.Name);
        return new PagingSource(
            paging.Parameter,
            paging.ByOffset,
            paging.FirstPage,
            api.EnvelopeTypeName is { } envelope && api.EnvelopePayload is { } payload ? MemberNames.Property(payload, MemberNames.Type(envelope)) : null,
            Access(items!, pageType),
            total is null ? null : Access(total, pageType),
            total?.WireName,
            SpanEraser.Erase(items!.Type.Items!));
    }

    /// <summary>A member as C# reads it: one both optional and nullable is an Optional&lt;T?&gt;, absent read as null.</summary>
    private static string Access(PropertyModel member, string typeName)
        => MemberNames.Property(member.WireName, typeName) + (member.Optional && member.Nullable ? ".GetValueOrDefault(null)" : string.Empty);
}

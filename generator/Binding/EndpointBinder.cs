using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Binding;

/// <summary>Binds an endpoint file to its API file: finds the API, resolves type references, checks names.</summary>
internal static class EndpointBinder
{
    /// <summary>What other endpoints need to know of this one; null unless it parsed cleanly.</summary>
    public static EndpointIdentity? Identify(SpecFile file)
        => file.Endpoint is { } endpoint && !file.HasErrors
            ? new EndpointIdentity(file.Path, endpoint.Api, endpoint.Group, endpoint.Name, TypeResolver.Declarations(endpoint.Objects, endpoint.Enums).Select(d => Naming.MemberNames.Type(d.Name)).ToEquatableArray())
            : null;

    public static BoundEndpoint Bind(SpecFile file, EquatableArray<ApiInfo> apis, EquatableArray<EndpointIdentity> endpoints)
    {
        if (file.Endpoint is not { } endpoint || file.HasErrors)
        {
            return new BoundEndpoint(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var api = apis.Where(a => a.Name == endpoint.Api).OrderBy(a => a.Path, StringComparer.Ordinal).FirstOrDefault();
        if (api is null)
        {
            var suggestion = YamlSpecReader.Suggest(endpoint.Api, apis.Select(a => a.Name));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownApi, file.Path, endpoint.ApiSpan, endpoint.Api, suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?"));
            return new BoundEndpoint(null, diagnostics.ToEquatableArray());
        }

        if (api.HasErrors)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ApiFileHasErrors, file.Path, endpoint.ApiSpan, endpoint.Api));
            return new BoundEndpoint(null, diagnostics.ToEquatableArray());
        }

        var apiObjects = api.Types.Where(t => t.Kind == TypeKind.Object).Select(t => new ObjectModel(t.Name, null, EquatableArray<PropertyModel>.Empty, SourceSpan.None));
        var apiEnums = api.Types.Where(t => t.Kind == TypeKind.Enum).Select(t => new EnumModel(t.Name, null, EquatableArray<string>.Empty, SourceSpan.None));
        var resolver = new TypeResolver(file.Path, apiObjects.Concat(endpoint.Objects), apiEnums.Concat(endpoint.Enums), diagnostics);
        foreach (var placeholder in endpoint.UnboundPlaceholders.Where(p => p.Name != api.LocalePlaceholder))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PlaceholderWithoutParameter, file.Path, placeholder.Span, placeholder.Name));
        }

        CheckDuplicateEndpoint(file, endpoint, endpoints, diagnostics);
        resolver.CheckDuplicateTypes(TypeResolver.Declarations(endpoint.Objects, endpoint.Enums), TakenTypeNames(file.Path, api, apis, endpoints));

        var body = endpoint.Body is null ? null : resolver.Resolve(endpoint.Body);
        var resolved = endpoint with
        {
            Body = body,
            Response = resolver.Resolve(endpoint.Response),
            Objects = endpoint.Objects.Select(resolver.Resolve).ToEquatableArray(),
            Enums = endpoint.Enums.Select(resolver.Check).ToEquatableArray(),
        };

        if (diagnostics.Count > 0)
        {
            return new BoundEndpoint(null, diagnostics.ToEquatableArray());
        }

        var bodyIsOptional = body is { Kind: TypeKind.Object } && !HasRequiredProperties(body.Name!, resolved, api);
        return new BoundEndpoint(
            new EndpointSource(Naming.MemberNames.HintName(file.RelativePath), file.RelativePath, api.ToContext(), SpanEraser.Erase(resolved), bodyIsOptional),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>The same method in the same group, declared by another file: the file that sorts first keeps it.</summary>
    private static void CheckDuplicateEndpoint(SpecFile file, EndpointModel endpoint, EquatableArray<EndpointIdentity> endpoints, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var method = Naming.MemberNames.Method(endpoint.Name);
        var first = endpoints
            .Where(e => e.Api == endpoint.Api && Naming.MemberNames.Group(e.Group) == Naming.MemberNames.Group(endpoint.Group) && Naming.MemberNames.Method(e.Name) == method)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .FirstOrDefault();
        if (first is not null && first.Path != file.Path)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, file.Path, endpoint.NameSpan, "The endpoint", endpoint.Group + "." + endpoint.Name, " (also in " + first.Path + ")"));
        }
    }

    /// <summary>
    /// Type names already taken in the endpoint's namespace: by SpecClient's own types for the API,
    /// by the API file's types, and by endpoints of the same namespace whose files sort first.
    /// </summary>
    private static Dictionary<string, string> TakenTypeNames(string path, ApiInfo api, EquatableArray<ApiInfo> apis, EquatableArray<EndpointIdentity> endpoints)
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        var apisInNamespace = apis.Where(a => a.Namespace == api.Namespace).Select(a => a.Name).ToList();
        foreach (var other in apis.Where(a => a.Namespace == api.Namespace))
        {
            var groups = endpoints.Where(e => e.Api == other.Name).Select(e => e.Group);
            foreach (var name in Naming.MemberNames.ApiTypeNames(other.Name, other.EnvelopeTypeName, groups))
            {
                taken[name] = "SpecClient generates a type of that name for the API";
            }

            foreach (var type in other.Types)
            {
                taken[Naming.MemberNames.Type(type.Name)] = "declared in " + other.Path;
                taken[Naming.MemberNames.Converter(Naming.MemberNames.Type(type.Name))] = "declared in " + other.Path;
            }
        }

        foreach (var other in endpoints.Where(e => apisInNamespace.Contains(e.Api) && string.CompareOrdinal(e.Path, path) < 0))
        {
            foreach (var name in other.TypeNames)
            {
                taken[name] = "also declared in " + other.Path;
                taken[Naming.MemberNames.Converter(name)] = "also declared in " + other.Path;
            }
        }

        return taken;
    }

    private static bool HasRequiredProperties(string typeName, EndpointModel endpoint, ApiInfo api)
        => endpoint.Objects.FirstOrDefault(o => o.Name == typeName) is { } own
            ? own.Properties.Any(p => !p.Nullable)
            : api.Types.FirstOrDefault(t => t.Name == typeName)?.HasRequiredProperties ?? true;
}

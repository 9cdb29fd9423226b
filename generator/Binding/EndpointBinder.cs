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
    public static BoundEndpoint Bind(SpecFile file, EquatableArray<ApiInfo> apis)
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
        var apiTypeNames = new HashSet<string>(api.Types.Select(t => t.Name), StringComparer.Ordinal);
        resolver.CheckDuplicateTypes(TypeResolver.Declarations(endpoint.Objects, endpoint.Enums), apiTypeNames);

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
            new EndpointSource(Naming.MemberNames.HintName(file.RelativePath), file.RelativePath, api.ToContext(), resolved, bodyIsOptional),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    private static bool HasRequiredProperties(string typeName, EndpointModel endpoint, ApiInfo api)
        => endpoint.Objects.FirstOrDefault(o => o.Name == typeName) is { } own
            ? own.Properties.Any(p => !p.Nullable)
            : api.Types.FirstOrDefault(t => t.Name == typeName)?.HasRequiredProperties ?? true;
}

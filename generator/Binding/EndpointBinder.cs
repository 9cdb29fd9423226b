using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Binding;

/// <summary>Binds an endpoint file to its API file: finds the API, resolves type references, checks names.</summary>
internal static class EndpointBinder
{
    /// <summary>What other endpoints need to know of this one; null unless it parsed cleanly.</summary>
    public static EndpointIdentity? Identify(SpecFile file)
        => file.Endpoint is { } endpoint && !file.HasErrors
            ? new EndpointIdentity(file.Path, endpoint.Api, endpoint.Group, endpoint.Name, DeclaresTypes(endpoint) ? new[] { endpoint.TypeScope }.ToEquatableArray() : EquatableArray<string>.Empty)
            : null;

    /// <summary>Whether the endpoint declares types of its own, nested in its <see cref="EndpointModel.TypeScope"/> class.</summary>
    private static bool DeclaresTypes(EndpointModel endpoint) => !endpoint.Objects.IsEmpty || !endpoint.Enums.IsEmpty;

    /// <summary>Binds one endpoint file. Endpoints of an API file that parsed but did not bind (SPEC014) get SPEC015, as for a parse error.</summary>
    public static BoundEndpoint Bind(SpecFile file, EquatableArray<ApiInfo> apis, EquatableArray<SharedTypesInfo> sharedFiles, EndpointIndex endpoints, EquatableArray<string> failedApis)
    {
        if (file.Endpoint is not { } endpoint)
        {
            return new BoundEndpoint(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        // A file with parse errors generates nothing, but is still checked against the API, so
        // that an unknown type or a clashing name shows in the same build as its YAML errors.
        var stopped = file.HasErrors;

        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var api = apis.Where(a => a.Name == endpoint.Api).OrderBy(a => a.Path, StringComparer.Ordinal).FirstOrDefault();
        if (api is null)
        {
            var suggestion = YamlSpecReader.Suggest(endpoint.Api, apis.Select(a => a.Name));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownApi, file.Path, endpoint.ApiSpan, endpoint.Api, YamlSpecReader.DidYouMean(suggestion)));
            return new BoundEndpoint(null, diagnostics.ToEquatableArray());
        }

        if (api.HasErrors || failedApis.Any(path => path == api.Path))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ApiFileHasErrors, file.Path, endpoint.ApiSpan, endpoint.Api));
            return new BoundEndpoint(null, diagnostics.ToEquatableArray());
        }

        var resolver = new TypeResolver(file.Path, diagnostics);
        // Built once, not per shared type: an API with thousands of shared types (GitHub's) took
        // 120 ms per endpoint to bind when each type listed the API's names again.
        var generated = new HashSet<string>(MemberNames.ApiTypeNames(api.Name, api.EnvelopeTypeName, Array.Empty<string>()), StringComparer.Ordinal);
        resolver.AddShared(api, sharedFiles, name => generated.Contains(name) || endpoints.IsGroupType(api.Name, name));
        resolver.Add(endpoint.Objects, endpoint.Enums, endpoint.TypeScope);
        foreach (var placeholder in endpoint.UnboundPlaceholders.Where(p => p.Name != api.LocalePlaceholder))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PlaceholderWithoutParameter, file.Path, placeholder.Span, placeholder.Name));
        }

        CheckDuplicateEndpoint(file, endpoint, endpoints, diagnostics);
        if (MemberNames.ClassIsAnInterface(endpoint.Group, endpoints.Groups(endpoint.Api)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, file.Path, endpoint.NameSpan, "The group class", MemberNames.Group(endpoint.Group), " (it is the interface of the group '" + Identifiers.ToPascalCase(endpoint.Group).Substring(1) + "'; rename the group)"));
        }
        // The endpoint's types only meet each other and their class; the class meets the namespace.
        resolver.CheckDuplicateTypes(TypeResolver.Declarations(endpoint.Objects, endpoint.Enums), typeName => typeName == endpoint.TypeScope ? "it names the class that holds this endpoint's types" : null);
        if (DeclaresTypes(endpoint))
        {
            resolver.CheckDuplicateTypes(new[] { (endpoint.TypeScope, endpoint.NameSpan) }, typeName => TakenBy(typeName, file.Path, api, apis, endpoints) ?? TakenByShared(typeName, sharedFiles.Where(f => apis.Any(a => a.Name == f.Api && a.Namespace == api.Namespace))));
        }

        var body = endpoint.Body is null ? null : resolver.Resolve(endpoint.Body);
        var resolved = endpoint with
        {
            Body = body,
            Response = endpoint.Response is null ? null : resolver.Resolve(endpoint.Response),
            Errors = endpoint.Errors.Select(e => e.Body is null ? e : e with { Body = resolver.Resolve(e.Body) }).ToEquatableArray(),
            QueryParameters = endpoint.QueryParameters.Select(p => p with { Type = resolver.Resolve(p.Type) }).ToEquatableArray(),
            FormParameters = endpoint.FormParameters.Select(p => p with { Type = resolver.Resolve(p.Type) }).ToEquatableArray(),
            HeaderParameters = endpoint.HeaderParameters.Select(p => p with { Type = resolver.Resolve(p.Type) }).ToEquatableArray(),
            Objects = endpoint.Objects.Select(resolver.Resolve).ToEquatableArray(),
            Enums = endpoint.Enums.Select(resolver.Check).ToEquatableArray(),
        };

        CheckHiddenSharedTypes(file.Path, resolved, diagnostics);
        foreach (var error in resolved.Errors.Where(e => e.Body is { Kind: TypeKind.Enum }))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, file.Path, error.Body!.Span, error.Body.Name ?? "enum", "errors." + error.Status + ".body", "An error body is an object, an array, a map or a declared object type."));
        }

        foreach (var header in endpoint.HeaderParameters.Where(h => api.Headers.Any(name => string.Equals(name, h.WireName, StringComparison.OrdinalIgnoreCase))))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, file.Path, header.Span, "The header", header.WireName, " (the API file's headers: send it with every request already; set it through the client option, or remove it there)"));
        }

        if (diagnostics.Count > 0 || stopped)
        {
            return new BoundEndpoint(null, diagnostics.ToEquatableArray());
        }

        // A paging that does not fit is a warning: the endpoint keeps its plain methods.
        var paging = PagingBinder.Bind(file.Path, api, resolved, endpoints, diagnostics);
        var bodyIsOptional = body is { Kind: TypeKind.Object } && !HasRequiredProperties(body, resolved, api, sharedFiles);
        return new BoundEndpoint(
            new EndpointSource(Naming.MemberNames.HintName(file.RelativePath), file.Path, file.RelativePath, api.ToContext(), SpanEraser.Erase(resolved), bodyIsOptional, paging),
            diagnostics.ToEquatableArray());
    }

    /// <summary>The same method name in the same group, taken by another file: the file that sorts first keeps it.</summary>
    private static void CheckDuplicateEndpoint(SpecFile file, EndpointModel endpoint, EndpointIndex endpoints, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (endpoints.ClashingMethod(endpoint.Api, endpoint.Group, endpoint.Name, file.Path) is { } clash)
        {
            var where = MemberNames.Method(clash.Endpoint) == MemberNames.Method(endpoint.Name) ? " (also in " + clash.Path + ")"
                : " (" + endpoint.Group + "." + clash.Endpoint + " in " + clash.Path + " has a method " + clash.Method + " too)";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, file.Path, endpoint.NameSpan, "The endpoint", endpoint.Group + "." + endpoint.Name, where));
        }
    }

    /// <summary>
    /// Where a C# type name is taken already in the endpoint's namespace, or null: by SpecClient's
    /// own types for an API, by an API file's types, or by an endpoint whose file sorts first.
    /// </summary>
    private static string? TakenBy(string typeName, string path, ApiInfo api, EquatableArray<ApiInfo> apis, EndpointIndex endpoints)
    {
        foreach (var other in apis)
        {
            if (other.Namespace != api.Namespace)
            {
                continue;
            }

            // The group classes are looked up in the index: building their names for every type of
            // every endpoint made binding allocate per group.
            if (endpoints.IsGroupType(other.Name, typeName))
            {
                return "SpecClient generates a type of that name for the API";
            }

            foreach (var generated in Naming.MemberNames.ApiTypeNames(other.Name, other.EnvelopeTypeName, Array.Empty<string>()))
            {
                if (generated == typeName)
                {
                    return "SpecClient generates a type of that name for the API";
                }
            }

            if (other.Types.Any(type => type.Takes(typeName)))
            {
                return "declared in " + other.Path;
            }

            var firstEndpoint = endpoints.FirstWithType(other.Name, typeName)
                ?? (typeName.EndsWith("JsonConverter", StringComparison.Ordinal) ? endpoints.FirstWithType(other.Name, typeName.Substring(0, typeName.Length - "JsonConverter".Length)) : null);
            if (firstEndpoint is not null && string.CompareOrdinal(firstEndpoint, path) < 0)
            {
                return "also declared in " + firstEndpoint;
            }
        }

        return null;
    }

    /// <summary>
    /// Inside the endpoint's types class, its own type would hide a shared type of the same C# name
    /// ("UserInfo" beside a shared "user_info" that the file refers to): the reference would bind to the wrong one.
    /// </summary>
    private static void CheckHiddenSharedTypes(string path, EndpointModel endpoint, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in endpoint.Objects.SelectMany(o => o.Properties).Select(p => p.Type))
        {
            for (var t = type; t is not null; t = t.Items)
            {
                if (t.Scope is null && t.Kind is TypeKind.Object or TypeKind.Enum)
                {
                    shared.Add(Naming.MemberNames.Type(t.Name!));
                }
            }
        }

        foreach (var (name, span) in TypeResolver.Declarations(endpoint.Objects, endpoint.Enums))
        {
            if (shared.Contains(Naming.MemberNames.Type(name)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, path, span, "The type", name, " (it would hide the shared type of that C# name which this file refers to; give it another typeName)"));
            }
        }
    }

    /// <summary>A shared file's type of that C# name (or its converter's name).</summary>
    private static string? TakenByShared(string typeName, IEnumerable<SharedTypesInfo> sharedFiles)
    {
        foreach (var file in sharedFiles)
        {
            if (file.Types.Any(type => type.Takes(typeName)))
            {
                return "declared in " + file.Path;
            }
        }

        return null;
    }

    private static bool HasRequiredProperties(TypeRef body, EndpointModel endpoint, ApiInfo api, EquatableArray<SharedTypesInfo> sharedFiles)
        => body.Scope is not null && endpoint.Objects.FirstOrDefault(o => o.Name == body.Name) is { } own
            ? own.Properties.Any(p => p.IsRequired)
            : TypeResolver.SharedTypes(api, sharedFiles).FirstOrDefault(t => t.Name == body.Name)?.HasRequiredProperties ?? true;
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Binding;

/// <summary>
/// Binds a file of shared types to its API. A name is kept by the API file, then by the shared
/// file whose path sorts first; a later declaration gets SPEC014 naming the first, and only that
/// type is left out, so a type is never declared nowhere.
/// </summary>
internal static class SharedTypesBinder
{
    /// <summary>The names a shared file declares; null for other files and for files with parse errors, which claim nothing.</summary>
    public static SharedTypesInfo? Describe(SpecFile file)
        => file.Shared is { } shared && !file.HasErrors
            ? new SharedTypesInfo(file.Path, shared.Api, ApiBinder.TypeInfos(shared.Objects, shared.Enums))
            : null;

    public static BoundSharedTypes Bind(SpecFile file, EquatableArray<ApiInfo> apis, EquatableArray<SharedTypesInfo> sharedFiles, EquatableArray<EndpointGroup> groups, EquatableArray<string> failedApis)
    {
        if (file.Shared is not { } shared || file.HasErrors)
        {
            return new BoundSharedTypes(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var api = apis.Where(a => a.Name == shared.Api).OrderBy(a => a.Path, StringComparer.Ordinal).FirstOrDefault();
        if (api is null || api.HasErrors || failedApis.Any(path => path == api.Path))
        {
            diagnostics.Add(api is null
                ? DiagnosticInfo.Create(DiagnosticDescriptors.UnknownApi, file.Path, shared.ApiSpan, shared.Api, YamlSpecReader.DidYouMean(YamlSpecReader.Suggest(shared.Api, apis.Select(a => a.Name))))
                : DiagnosticInfo.Create(DiagnosticDescriptors.ApiFileHasErrors, file.Path, shared.ApiSpan, shared.Api));
            return new BoundSharedTypes(null, diagnostics.ToEquatableArray());
        }

        var owners = Owners(api, sharedFiles, file.Path);
        var generated = new HashSet<string>(MemberNames.ApiTypeNames(api.Name, api.EnvelopeTypeName, groups.Where(g => g.Api == api.Name).Select(g => g.Group)), StringComparer.Ordinal);
        var objects = shared.Objects.Where(o => Keeps(file.Path, o.Name, o.Span, owners, generated, diagnostics)).ToList();
        var enums = shared.Enums.Where(e => Keeps(file.Path, e.Name, e.Span, owners, generated, diagnostics)).ToList();

        var resolver = new TypeResolver(file.Path, diagnostics);
        resolver.AddShared(api, sharedFiles.Where(f => f.Path != file.Path), generated.Contains);
        resolver.Add(objects, enums, scope: null);
        resolver.CheckDuplicateTypes(TypeResolver.Declarations(objects, enums), _ => null);

        // Unknown references become raw JSON with their diagnostic: the file still declares its
        // types, so that endpoints using them see only the one error.
        var source = new SharedTypesSource(
            MemberNames.HintName(file.RelativePath),
            file.Path,
            file.RelativePath,
            api.Namespace,
            objects.Select(o => SpanEraser.Erase(resolver.Resolve(o))).ToEquatableArray(),
            enums.Select(e => resolver.Check(e) with { Span = default }).ToEquatableArray());
        return new BoundSharedTypes(source, diagnostics.ToEquatableArray());
    }

    /// <summary>Who keeps each C# type name of the API besides this file: the API file, then shared files by path.</summary>
    private static Dictionary<string, string> Owners(ApiInfo api, EquatableArray<SharedTypesInfo> sharedFiles, string path)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in api.Types)
        {
            owners[MemberNames.Type(type.Name)] = api.Path;
        }

        foreach (var other in sharedFiles.Where(f => f.Api == api.Name && string.CompareOrdinal(f.Path, path) < 0).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var type in other.Types)
            {
                var name = MemberNames.Type(type.Name);
                if (!owners.ContainsKey(name))
                {
                    owners[name] = other.Path;
                }
            }
        }

        return owners;
    }

    private static bool Keeps(string path, string name, SourceSpan span, Dictionary<string, string> owners, HashSet<string> generated, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var typeName = MemberNames.Type(name);
        var where = owners.TryGetValue(typeName, out var owner) ? "also declared in " + owner + "; keep one declaration, or rename this one"
            : generated.Contains(typeName) || generated.Contains(MemberNames.Converter(typeName)) ? "SpecClient generates a type of that name for the API; rename this one"
            : null;
        if (where is null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, path, span, "The type", name, " (" + where + ")"));
        return false;
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;

namespace SpecClient.Generator.Binding;

/// <summary>Checks an API file against the other API files and resolves its type references.</summary>
internal static class ApiBinder
{
    /// <summary>The summary endpoints bind against; null for a file that is not an API file.</summary>
    public static ApiInfo? Describe(SpecFile file)
    {
        if (file.Api is not { } api)
        {
            // Unreadable, but it names its API: its endpoints hear that the API file has errors.
            return file.BrokenApiName is { } name
                ? new ApiInfo(file.Path, name, string.Empty, null, null, HasErrors: true, EquatableArray<NamedTypeInfo>.Empty, "form", EquatableArray<string>.Empty)
                : null;
        }

        return new ApiInfo(file.Path, api.Name, api.Namespace, api.Envelope?.TypeName, api.Locale?.Placeholder, file.HasErrors, TypeInfos(api.Objects, api.Enums), api.QueryStyle, api.Headers.Select(h => h.Name).ToEquatableArray(), api.Paging, api.Envelope?.PayloadWireName);
    }

    /// <summary>Declared types as other files see them: a name, a kind, and whether a body of it may be left out.</summary>
    public static EquatableArray<NamedTypeInfo> TypeInfos(EquatableArray<ObjectModel> objects, EquatableArray<EnumModel> enums)
        => objects.Select(o => new NamedTypeInfo(o.Name, TypeKind.Object, o.Properties.Any(p => p.IsRequired)))
            .Concat(enums.Select(e => new NamedTypeInfo(e.Name, TypeKind.Enum, false)))
            .ToEquatableArray();

    public static BoundApi Bind(SpecFile file, EquatableArray<ApiInfo> apis, EquatableArray<EndpointGroup> groups)
    {
        if (file.Api is not { } api || file.HasErrors)
        {
            return new BoundApi(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var firstWithName = apis.Where(a => a.Name == api.Name).OrderBy(a => a.Path, StringComparer.Ordinal).First();
        if (firstWithName.Path != file.Path)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, file.Path, api.NameSpan, "The API", api.Name, " (also in " + firstWithName.Path + ")"));
        }

        // Groups that differ only in spelling ("orders", "Orders") share one C# class.
        // A group whose class is another group's interface is left out: its endpoints get SPEC014.
        var allGroups = groups.Where(g => g.Api == api.Name).Select(g => g.Group).ToList();
        var apiGroups = allGroups.Where(g => !MemberNames.ClassIsAnInterface(g, allGroups))
            .GroupBy(MemberNames.Group, StringComparer.Ordinal).Select(same => same.First())
            .OrderBy(g => g, StringComparer.Ordinal).ToEquatableArray();
        var resolver = new TypeResolver(file.Path, api.Objects, api.Enums, diagnostics);
        var generated = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in MemberNames.ApiTypeNames(api.Name, api.Envelope?.TypeName, apiGroups))
        {
            generated[name] = "SpecClient generates a type of that name for the API";
        }

        resolver.CheckDuplicateTypes(TypeResolver.Declarations(api.Objects, api.Enums), name => generated.TryGetValue(name, out var owner) ? owner : null);

        if (api.Envelope is { } declared)
        {
            CheckEnvelopeProperties(file.Path, declared, diagnostics);
        }

        var envelope = api.Envelope is { } e
            ? e with { Properties = e.Properties.Select(p => p with { Type = resolver.Resolve(p.Type) }).ToEquatableArray() }
            : null;
        var resolved = api with
        {
            Envelope = envelope,
            ErrorBody = resolver.Resolve(api.ErrorBody),
            Objects = api.Objects.Select(resolver.Resolve).ToEquatableArray(),
            Enums = api.Enums.Select(resolver.Check).ToEquatableArray(),
        };

        if (diagnostics.Count > 0)
        {
            return new BoundApi(null, diagnostics.ToEquatableArray(), file.Path);
        }

        return new BoundApi(new ApiSource(MemberNames.HintName(file.RelativePath), file.Path, file.RelativePath, SpanEraser.Erase(resolved), apiGroups), EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>The envelope's properties meet its payload property and its type parameter in one record.</summary>
    private static void CheckEnvelopeProperties(string path, EnvelopeModel envelope, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var typeName = MemberNames.Type(envelope.TypeName);
        if (MemberNames.Property(envelope.PayloadWireName, typeName) == MemberNames.EnvelopeTypeParameter)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, path, envelope.Span, "The C# property", MemberNames.EnvelopeTypeParameter, " in " + typeName + " (the payload '" + envelope.PayloadWireName + "' would clash with the envelope's type parameter)"));
        }

        var taken = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MemberNames.Property(envelope.PayloadWireName, typeName)] = "the payload '" + envelope.PayloadWireName + "'",
            [MemberNames.EnvelopeTypeParameter] = "the envelope's type parameter",
        };
        foreach (var property in envelope.Properties)
        {
            var name = MemberNames.Property(property.WireName, typeName);
            if (taken.TryGetValue(name, out var owner) && property.WireName != envelope.PayloadWireName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, path, property.Span, "The C# property", name, " in " + typeName + " ('" + property.WireName + "' would clash with " + owner + "; rename it in the envelope's properties)"));
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Format;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Binding;

/// <summary>Resolves named type references and checks the names the emitter will use for collisions.</summary>
internal sealed class TypeResolver
{
    private readonly string _filePath;
    private readonly Dictionary<string, (TypeKind Kind, string? Scope)> _types;
    private readonly ImmutableArray<DiagnosticInfo>.Builder _diagnostics;

    /// <param name="filePath">The file whose references are resolved, for diagnostics.</param>
    /// <param name="objects">The objects a name may refer to.</param>
    /// <param name="enums">The enums a name may refer to.</param>
    /// <param name="diagnostics">Receives unknown names and collisions.</param>
    public TypeResolver(string filePath, IEnumerable<ObjectModel> objects, IEnumerable<EnumModel> enums, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        _filePath = filePath;
        _diagnostics = diagnostics;
        _types = new Dictionary<string, (TypeKind, string?)>(System.StringComparer.Ordinal);
        Add(objects, enums, scope: null);
    }

    /// <summary>A resolver that knows no type yet.</summary>
    public TypeResolver(string filePath, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
        : this(filePath, Array.Empty<ObjectModel>(), Array.Empty<EnumModel>(), diagnostics)
    {
    }

    /// <summary>
    /// Adds the types every file of an API may refer to: the API file's, then those of its shared
    /// files by path, the first declaration of a name winning as it does when they are emitted.
    /// </summary>
    /// <param name="api">The API whose types these are.</param>
    /// <param name="sharedFiles">Its shared-types files.</param>
    /// <param name="isGenerated">Whether SpecClient generates a type of this C# name for the API: a shared-types file leaves such a type out (SPEC014), so it is not there to refer to. Asked of each shared type once per bind, so it must be a set lookup: an API may share thousands.</param>
    public void AddShared(ApiInfo api, IEnumerable<SharedTypesInfo> sharedFiles, Func<string, bool> isGenerated)
    {
        var own = new HashSet<NamedTypeInfo>(api.Types);
        foreach (var type in SharedTypes(api, sharedFiles).Reverse())
        {
            if (!own.Contains(type) && isGenerated(type.CSharpName))
            {
                continue;
            }

            _types[type.Name] = (type.Kind, null);
        }
    }

    /// <summary>The types every file of an API may refer to, in the order a name's declarations win: the API file's, then its shared files' by path.</summary>
    public static IEnumerable<NamedTypeInfo> SharedTypes(ApiInfo api, IEnumerable<SharedTypesInfo> sharedFiles)
        => api.Types.Concat(sharedFiles.Where(f => f.Api == api.Name).OrderBy(f => f.Path, StringComparer.Ordinal).SelectMany(f => f.Types));

    /// <summary>Adds types a name may refer to; a name added later wins, so an endpoint's own types come before shared ones.</summary>
    public void Add(IEnumerable<ObjectModel> objects, IEnumerable<EnumModel> enums, string? scope)
    {
        foreach (var model in objects)
        {
            _types[model.Name] = (TypeKind.Object, scope);
        }

        foreach (var model in enums)
        {
            _types[model.Name] = (TypeKind.Enum, scope);
        }
    }

    public TypeRef Resolve(TypeRef type)
    {
        switch (type.Kind)
        {
            case TypeKind.Reference when _types.TryGetValue(type.Name!, out var target):
                return type with { Kind = target.Kind, Scope = target.Scope };
            case TypeKind.Reference:
                var suggestion = YamlSpecReader.Suggest(type.Name!, _types.Keys.Concat(SpecParser.BuiltInTypeNames));
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnknownType,
                    _filePath,
                    type.Span,
                    type.Name!,
                    string.Empty,
                    YamlSpecReader.DidYouMean(suggestion),
                    SpecFormat.TypeNodeTypes));
                return TypeRef.Scalar(TypeKind.Any, type.Span);
            case TypeKind.Array or TypeKind.Map:
                return type with { Items = Resolve(type.Items!) };
            default:
                return type;
        }
    }

    public ObjectModel Resolve(ObjectModel model)
    {
        var seen = new Dictionary<string, PropertyModel>(model.Properties.Count, System.StringComparer.Ordinal);
        var properties = ImmutableArray.CreateBuilder<PropertyModel>(model.Properties.Count);
        foreach (var property in model.Properties)
        {
            var name = MemberNames.Property(property.WireName, MemberNames.Type(model.Name));
            if (seen.TryGetValue(name, out var first))
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DuplicateName,
                    _filePath,
                    property.Span,
                    "The C# property",
                    name,
                    " in " + model.Name + " ('" + first.WireName + "' and '" + property.WireName + "' both become " + name + ")"));
            }

            seen[name] = property;
            properties.Add(property with { Type = Resolve(property.Type) });
        }

        return model with { Properties = properties.ToEquatableArray() };
    }

    public EnumModel Check(EnumModel model)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var value in model.Values)
        {
            if (!seen.Add(MemberNames.EnumMember(value, MemberNames.Type(model.Name))))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, _filePath, model.Span, "The enum value", value, " in " + model.Name));
            }
        }

        return model;
    }

    /// <summary>
    /// Reports a type whose C# name (or its converter's) is taken: declared twice in this file or
    /// scope, or already used around it (<paramref name="takenBy"/> says where a taken name comes
    /// from, or null).
    /// </summary>
    public void CheckDuplicateTypes(IEnumerable<(string Name, SourceSpan Span)> declared, Func<string, string?> takenBy)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (name, span) in declared)
        {
            var typeName = MemberNames.Type(name);
            var where = takenBy(typeName) ?? takenBy(MemberNames.Converter(typeName));
            if (where is not null || !seen.Add(typeName) || !seen.Add(MemberNames.Converter(typeName)))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, _filePath, span, "The type", name, where is null ? string.Empty : " (" + where + ")"));
            }
        }
    }

    public static IEnumerable<(string Name, SourceSpan Span)> Declarations(IEnumerable<ObjectModel> objects, IEnumerable<EnumModel> enums)
        => objects.Select(o => (o.Name, o.Span)).Concat(enums.Select(e => (e.Name, e.Span)));
}

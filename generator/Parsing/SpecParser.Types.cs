using System.Collections.Immutable;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Format;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>Type nodes: properties, inline objects, arrays, enums and references.</summary>
internal sealed partial class SpecParser
{
    private EquatableArray<PropertyModel> ParseProperties(YamlNode node, string section, int depth, string? parent)
    {
        var properties = ImmutableArray.CreateBuilder<PropertyModel>();
        foreach (var (name, key, value) in _reader.NamedEntries(node, section))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var parsed = ParseType(value, section + "." + name, Identifiers.ToPascalCase(name), depth + 1, parent, isMember: true);
            if (ContainsFile(parsed.Type))
            {
                _reader.Report(DiagnosticDescriptors.InvalidValue, parsed.Type.Span, "file", section + "." + name, "A file travels in a multipart/form-data body: declare it under 'formParameters:'.");
            }

            properties.Add(new PropertyModel(name, parsed.Type, parsed.Nullable, parsed.Description, parsed.Example, YamlSpecReader.SpanOf(key), parsed.Optional, parsed.Deprecated));
        }

        return properties.ToEquatableArray();
    }

    /// <summary>
    /// Notes every typeName the file gives before any name is derived, so that the order of the file
    /// does not matter. Each node is visited once: aliases make the tree a graph, and a crafted one
    /// would otherwise be walked an exponential number of times.
    /// </summary>
    private void CollectExplicitTypeNames(YamlNode root)
    {
        var visited = new System.Collections.Generic.HashSet<YamlNode>(NodeIdentity.Instance);
        var pending = new System.Collections.Generic.Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            if (pending.Pop() is not YamlMappingNode mapping || !visited.Add(mapping))
            {
                continue;
            }

            foreach (var entry in mapping.Children)
            {
                if (entry.Key is YamlScalarNode { Value: "typeName" } && entry.Value is YamlScalarNode { Value: { Length: > 0 } name })
                {
                    _explicitTypeNames.Add(MemberNames.Type(name));
                }

                pending.Push(entry.Value);
            }
        }
    }

    /// <summary>Nodes by identity: YamlDotNet's own equality compares whole subtrees.</summary>
    private sealed class NodeIdentity : System.Collections.Generic.IEqualityComparer<YamlNode>
    {
        public static readonly NodeIdentity Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>What a type node says: the type itself plus the facts that belong to the place using it.</summary>
    private readonly record struct TypeNode(TypeRef Type, bool Nullable, string? Description, string? Example, bool Optional = false, bool Deprecated = false);

    /// <summary>
    /// Claims the C# name of an inline object or enum within this file, so that the name depends on
    /// this file alone. A derived name that is taken ("format" inside "format") is qualified by its
    /// parent, then numbered; an explicit typeName is kept, and the binder reports it if it is taken.
    /// </summary>
    private string ClaimTypeName(string candidate, bool isExplicit, string? parent)
    {
        if (isExplicit)
        {
            _claimedTypeNames.Add(MemberNames.Type(candidate));
            return candidate;
        }

        if (!_explicitTypeNames.Contains(MemberNames.Type(candidate)) && _claimedTypeNames.Add(MemberNames.Type(candidate)))
        {
            return candidate;
        }

        var qualified = parent is null ? candidate : Identifiers.ToPascalCase(parent) + Identifiers.ToPascalCase(candidate);
        for (var n = 2; _explicitTypeNames.Contains(MemberNames.Type(qualified)) || !_claimedTypeNames.Add(MemberNames.Type(qualified)); n++)
        {
            qualified = (parent is null ? candidate : Identifiers.ToPascalCase(parent) + Identifiers.ToPascalCase(candidate)) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return qualified;
    }

    /// <summary>
    /// Reads a type node: a bare type name ("string", "Product") or a mapping with type, nullable,
    /// optional, description, example, and for inline types typeName with properties, items or values.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="where">Its place in the file, for messages: "response.properties.failed".</param>
    /// <param name="hintName">The name an inline object or enum takes when it has no typeName.</param>
    /// <param name="depth">How deep it nests.</param>
    /// <param name="parent">The name of the object that holds this node, to qualify a derived name that is taken.</param>
    /// <param name="isMember">Whether the node is an object's property: only members may be optional or deprecated.</param>
    /// <param name="declaredName">The name under 'types:' for a named type.</param>
    /// <param name="checkKeys">Whether to report keys a type node does not have; a query parameter checks its own.</param>
    private TypeNode ParseType(YamlNode node, string where, string hintName, int depth, string? parent, bool isMember = false, string? declaredName = null, bool checkKeys = true)
    {
        var span = YamlSpecReader.SpanOf(node);
        if (depth > MaxNesting)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, span, "nesting", where, "Types may nest at most " + MaxNesting + " levels deep; declare deeper types under 'types:' in the API file.");
            return new TypeNode(TypeRef.Scalar(TypeKind.Any, span), false, null, null);
        }

        if (node is YamlScalarNode)
        {
            var text = _reader.AsScalar(node, where) ?? string.Empty;
            return new TypeNode(NamedType(text, span), false, null, null);
        }

        if (_reader.AsMapping(node, where) is not { } mapping)
        {
            return new TypeNode(TypeRef.Scalar(TypeKind.Any, span), false, null, null);
        }

        if (checkKeys)
        {
            _reader.CheckKeys(mapping, where, SpecFormat.TypeNode.KeyNames);
        }

        var description = _reader.OptionalScalar(mapping, "description", where);
        var nullable = _reader.OptionalBoolean(mapping, "nullable", where) ?? false;
        var optional = MemberFlag(mapping, "optional", where, isMember);
        var deprecated = MemberFlag(mapping, "deprecated", where, isMember);
        var example = OptionalExample(mapping, where);
        var explicitName = declaredName ?? _reader.OptionalScalar(mapping, "typeName", where);
        var nameSpan = declaredName is null && YamlSpecReader.Find(mapping, "typeName") is { } typeNameNode ? YamlSpecReader.SpanOf(typeNameNode) : span;
        var typeNode = YamlSpecReader.Find(mapping, "type");
        var typeText = typeNode is null ? null : _reader.AsScalar(typeNode, where + ".type");
        var typeSpan = typeNode is null ? span : YamlSpecReader.SpanOf(typeNode);
        var properties = YamlSpecReader.Find(mapping, "properties");
        var items = YamlSpecReader.Find(mapping, "items");
        var values = YamlSpecReader.Find(mapping, "values");

        typeText ??= properties is not null ? "object" : values is not null ? "enum" : items is not null ? "array" : null;
        if (typeText is null)
        {
            _reader.Report(DiagnosticDescriptors.MissingKey, span, where, "type", "string", "missing");
            return new TypeNode(TypeRef.Scalar(TypeKind.Any, span), nullable, description, example, optional, deprecated);
        }

        TypeRef type;
        switch (typeText)
        {
            case "object" when properties is not null:
                // The name is claimed before the properties', so that a parent keeps the plain name.
                var objectName = declaredName ?? ClaimTypeName(explicitName ?? hintName, explicitName is not null, parent);
                var objectProperties = ParseProperties(properties, where + ".properties", depth, objectName);
                _objects.Add(new ObjectModel(objectName, description, objectProperties, nameSpan));
                type = new TypeRef(TypeKind.Object, objectName, null, typeSpan, _typeScope);
                break;
            case "object":
                // An object the page documents without properties: keep whatever JSON arrives.
                type = TypeRef.Scalar(TypeKind.Any, typeSpan);
                break;
            case "enum":
                var enumName = declaredName ?? ClaimTypeName(explicitName ?? hintName, explicitName is not null, parent);
                type = new TypeRef(TypeKind.Enum, enumName, null, typeSpan, _typeScope);
                _enums.Add(new EnumModel(enumName, description, ParseEnumValues(values, mapping, where), nameSpan));
                break;
            case "array" or "map":
                var kind = typeText == "array" ? TypeKind.Array : TypeKind.Map;
                if (items is null)
                {
                    _reader.Report(DiagnosticDescriptors.MissingKey, span, where, "items", "string", "missing");
                    type = new TypeRef(kind, null, TypeRef.Scalar(TypeKind.Any, span), typeSpan);
                    break;
                }

                // Array items and map values take the singular: "entries" → Entry, "headers" → Header.
                var itemHint = declaredName is not null ? hintName + "Item" : Identifiers.Singular(hintName);
                var item = ParseType(items, where + ".items", itemHint, depth + 1, parent);
                type = new TypeRef(kind, null, item.Type, typeSpan);
                break;
            default:
                type = NamedType(typeText, typeSpan);
                break;
        }

        ReportMisplacedKeys(mapping, where, type.Kind, properties, items, values);
        return new TypeNode(type, nullable, description, example, optional, deprecated);
    }

    /// <summary>Whether a type is or holds a file, which only a form field or a whole response may be.</summary>
    private static bool ContainsFile(TypeRef type) => type.Kind == TypeKind.File || (type.Items is { } items && ContainsFile(items));

    /// <summary>A boolean that only an object's property may carry (optional, deprecated).</summary>
    private bool MemberFlag(YamlMappingNode mapping, string key, string where, bool isMember)
    {
        if (_reader.OptionalBoolean(mapping, key, where) is not { } value)
        {
            return false;
        }

        if (!isMember)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.KeySpan(mapping, key), key, where, "'" + key + ":' belongs to an object's property.");
        }

        return value;
    }

    private void ReportMisplacedKeys(YamlMappingNode mapping, string where, TypeKind kind, YamlNode? properties, YamlNode? items, YamlNode? values)
    {
        if (properties is not null && kind != TypeKind.Object)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(properties), "properties", where, "'properties:' belongs to a type: object.");
        }

        if (items is not null && kind is not (TypeKind.Array or TypeKind.Map))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(items), "items", where, "'items:' belongs to a type: array or map.");
        }

        if (values is not null && kind != TypeKind.Enum)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(values), "values", where, "'values:' belongs to a type: enum.");
        }

        if (YamlSpecReader.Find(mapping, "typeName") is { } typeName && kind is not (TypeKind.Object or TypeKind.Enum))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(typeName), "typeName", where, "'typeName:' names an inline object or enum.");
        }
    }

    private EquatableArray<string> ParseEnumValues(YamlNode? values, YamlMappingNode mapping, string where)
    {
        if (values is null)
        {
            _reader.Report(DiagnosticDescriptors.MissingKey, YamlSpecReader.SpanOf(mapping), where, "values", "[permission, limitation]", "missing");
            return EquatableArray<string>.Empty;
        }

        if (values is not YamlSequenceNode sequence)
        {
            _reader.Report(DiagnosticDescriptors.WrongValueKind, YamlSpecReader.SpanOf(values), where + ".values", "a list", YamlSpecReader.Describe(values));
            return EquatableArray<string>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var item in sequence.Children)
        {
            if (_reader.AsScalar(item, where + ".values") is { } value)
            {
                result.Add(value);
            }
        }

        return result.ToEquatableArray();
    }

    private TypeRef NamedType(string text, SourceSpan span)
    {
        if (ScalarKind(text) is { } scalar)
        {
            return TypeRef.Scalar(scalar, span);
        }

        if (text == "any")
        {
            return TypeRef.Scalar(TypeKind.Any, span);
        }

        if (text == "file")
        {
            // Only a form field holds a file; ParseProperties reports one anywhere else.
            return TypeRef.Scalar(TypeKind.File, span);
        }

        if (text is "object" or "array" or "map" or "enum")
        {
            // Scalar shorthand cannot say what the object, array, map or enum holds.
            _reader.Report(DiagnosticDescriptors.MissingKey, span, text, text switch { "object" => "properties", "array" or "map" => "items", _ => "values" }, "...", "missing");
            return TypeRef.Scalar(TypeKind.Any, span);
        }

        // Any other name refers to a type of the API file; the binder resolves it, or suggests one.
        return new TypeRef(TypeKind.Reference, text, null, span);
    }
}

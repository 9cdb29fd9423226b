using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Patterns;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>Type nodes: properties, inline objects, arrays, enums and references.</summary>
internal sealed partial class SpecParser
{
    private EquatableArray<PropertyModel> ParseProperties(YamlNode node, string section, int depth)
    {
        var properties = ImmutableArray.CreateBuilder<PropertyModel>();
        foreach (var (name, key, value) in _reader.NamedEntries(node, section))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var parsed = ParseType(value, section + "." + name, Identifiers.ToPascalCase(name), depth + 1);
            properties.Add(new PropertyModel(name, parsed.Type, parsed.Nullable, parsed.Description, parsed.Example, YamlSpecReader.SpanOf(key)));
        }

        return properties.ToEquatableArray();
    }

    /// <summary>What a type node says: the type itself plus the facts that belong to the place using it.</summary>
    private readonly record struct TypeNode(TypeRef Type, bool Nullable, string? Description, string? Example);

    /// <summary>
    /// Reads a type node: a bare type name ("string", "Product") or a mapping with type, nullable,
    /// description, example, and for inline types typeName with properties, items or values.
    /// </summary>
    private TypeNode ParseType(YamlNode node, string where, string hintName, int depth, string? declaredName = null)
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

        _reader.CheckKeys(mapping, where, TypeKeys);
        var description = _reader.OptionalScalar(mapping, "description", where);
        var nullable = _reader.OptionalBoolean(mapping, "nullable", where) ?? false;
        var example = OptionalExample(mapping, where);
        var typeName = declaredName ?? _reader.OptionalScalar(mapping, "typeName", where) ?? hintName;
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
            _reader.Report(DiagnosticDescriptors.MissingKey, span, where, "type", "string");
            return new TypeNode(TypeRef.Scalar(TypeKind.Any, span), nullable, description, example);
        }

        TypeRef type;
        switch (typeText)
        {
            case "object" when properties is not null:
                var objectProperties = ParseProperties(properties, where + ".properties", depth);
                _objects.Add(new ObjectModel(typeName, description, objectProperties, nameSpan));
                type = new TypeRef(TypeKind.Object, typeName, null, typeSpan);
                break;
            case "object":
                // An object the page documents without properties: keep whatever JSON arrives.
                type = TypeRef.Scalar(TypeKind.Any, typeSpan);
                break;
            case "enum":
                type = new TypeRef(TypeKind.Enum, typeName, null, typeSpan);
                _enums.Add(new EnumModel(typeName, description, ParseEnumValues(values, mapping, where), nameSpan));
                break;
            case "array":
                if (items is null)
                {
                    _reader.Report(DiagnosticDescriptors.MissingKey, span, where, "items", "string");
                    type = new TypeRef(TypeKind.Array, null, TypeRef.Scalar(TypeKind.Any, span), typeSpan);
                    break;
                }

                var itemHint = declaredName is null ? Identifiers.Singular(hintName) : hintName + "Item";
                var item = ParseType(items, where + ".items", itemHint, depth + 1);
                type = new TypeRef(TypeKind.Array, null, item.Type, typeSpan);
                break;
            default:
                type = NamedType(typeText, typeSpan);
                break;
        }

        ReportMisplacedKeys(mapping, where, type.Kind, properties, items, values);
        return new TypeNode(type, nullable, description, example);
    }

    private void ReportMisplacedKeys(YamlMappingNode mapping, string where, TypeKind kind, YamlNode? properties, YamlNode? items, YamlNode? values)
    {
        if (properties is not null && kind != TypeKind.Object)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(properties), "properties", where, "'properties:' belongs to a type: object.");
        }

        if (items is not null && kind != TypeKind.Array)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(items), "items", where, "'items:' belongs to a type: array.");
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
            _reader.Report(DiagnosticDescriptors.MissingKey, YamlSpecReader.SpanOf(mapping), where, "values", "[permission, limitation]");
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

        if (text is "object" or "array" or "enum")
        {
            // Scalar shorthand cannot say what the object, array or enum holds.
            _reader.Report(DiagnosticDescriptors.MissingKey, span, text, text switch { "object" => "properties", "array" => "items", _ => "values" }, "...");
            return TypeRef.Scalar(TypeKind.Any, span);
        }

        // Any other name refers to a type of the API file; the binder resolves it, or suggests one.
        return new TypeRef(TypeKind.Reference, text, null, span);
    }
}

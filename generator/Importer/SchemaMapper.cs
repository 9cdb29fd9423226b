using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SpecClient.Generator.Format;

namespace SpecClient.Importer;

/// <summary>
/// Turns OpenAPI schemas into the spec format's type nodes: a type name where one suffices, a
/// mapping otherwise. What the format cannot express becomes <c>any</c>, with the reason noted.
/// </summary>
internal sealed class SchemaMapper
{
    private const int MaxDepth = 12;

    private readonly IReadOnlyDictionary<string, string> _declared;

    /// <summary>The component schemas one operation alone uses, by id: written inline there, under these type names.</summary>
    private readonly IReadOnlyDictionary<string, string> _owned;

    /// <summary>The names of the API's types, declared and inline, taken so far.</summary>
    private readonly HashSet<string> _typeNames;

    /// <summary>Whether a declared type is being mapped, so that its inline types get names.</summary>
    private bool _naming;

    /// <param name="declared">The component schemas the API file declares as types, by component id: their spec names.</param>
    /// <param name="owned">The component schemas written inline where their one operation uses them, by id: their type names.</param>
    public SchemaMapper(IReadOnlyDictionary<string, string> declared, IReadOnlyDictionary<string, string>? owned = null)
    {
        _declared = declared;
        _owned = owned ?? new Dictionary<string, string>();
        _typeNames = new HashSet<string>(declared.Values, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A declared type's node. Its inline objects and enums get names of their own
    /// (<c>Pet.owner</c> → <c>PetOwner</c>), unique in the API: they live in its namespace, maybe in
    /// several shared-types files, where names the generator derives could meet.
    /// </summary>
    public YamlOut MapDeclared(IOpenApiSchema schema, ImportNotes notes, string typeName)
    {
        _naming = true;
        try
        {
            return Map(schema, notes, typeName);
        }
        finally
        {
            _naming = false;
        }
    }

    /// <summary>Names an inline object or enum of a declared type: typeName, unique in the API.</summary>
    private void NameInline(YamlMapping node, string where, int depth)
    {
        if (_naming && depth > 0)
        {
            node.AddText("typeName", Names.Unique(Names.Pascal(where.Replace("[]", "Item", StringComparison.Ordinal).Replace("{}", "Value", StringComparison.Ordinal), "Type"), _typeNames));
        }
    }

    /// <summary>The type node of a schema, with what a property adds (nullable, optional, docs), keys in the format's order.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="notes">Where fallbacks are noted.</param>
    /// <param name="where">What the schema is of, for the notes ("body", "pets[].owner").</param>
    /// <param name="optional">Whether the member may be absent.</param>
    /// <param name="depth">How deep inline types nest already.</param>
    /// <param name="isProperty">Whether the schema is an object's member: only a member may be deprecated.</param>
    public YamlOut Map(IOpenApiSchema? schema, ImportNotes notes, string where, bool optional = false, int depth = 0, bool isProperty = false)
    {
        var node = new YamlMapping();
        var type = TypeOf(schema, notes, where, depth, node, out var nullable);

        // A member without a type holds any JSON value, null included (and OpenAPI.NET drops a 3.0
        // "nullable: true" that has no type beside it).
        nullable |= isProperty && type == "any" && Resolve(schema) is { Type: null };
        if (nullable)
        {
            node.Add("nullable", YamlOut.Bool(true));
        }

        if (optional)
        {
            node.Add("optional", YamlOut.Bool(true));
        }

        if (isProperty && schema?.Deprecated == true)
        {
            node.Add("deprecated", YamlOut.Bool(true));
        }

        node.AddText("description", DescriptionOf(schema));
        node.AddText("example", Example(ExampleOf(schema)));
        if (type is not null)
        {
            node.Entries.Insert(0, ("type", YamlOut.Text(type), null));
        }

        // A bare type name reads best on its own: "id: string".
        return Ordered(node, SpecFormat.TypeNode).Simplest();
    }

    /// <summary>What a type node is: its type name ("string", "array", a declared type), "object" for an inline object, or null.</summary>
    public static string? TypeName(YamlOut node) => node switch
    {
        YamlScalar scalar => scalar.Value,
        YamlMapping mapping when mapping.Entries.FirstOrDefault(e => e.Key == "type").Value is YamlScalar type => type.Value,
        YamlMapping mapping when mapping.Entries.Any(e => e.Key == "properties") => "object",
        _ => null,
    };

    /// <summary>Whether a type node is any JSON, or a list or map of it.</summary>
    public static bool IsAny(YamlOut node)
        => TypeName(node) == "any" || (node is YamlMapping mapping && mapping.Entries.Any(e => e.Key == "items" && IsAny(e.Value)));

    /// <summary>Whether the schema is an object, array or map, as an error body or a request body must be.</summary>
    public static bool IsStructured(IOpenApiSchema? schema)
    {
        var target = Resolve(schema);
        var kinds = (target?.Type ?? 0) & ~JsonSchemaType.Null;
        return kinds is JsonSchemaType.Object or JsonSchemaType.Array || (kinds == 0 && (target?.Properties?.Count > 0 || target?.Items is not null || target?.AllOf?.Count > 0));
    }

    /// <summary>A mapping with its keys in the order the format's section lists them.</summary>
    public static YamlMapping Ordered(YamlMapping mapping, SectionSpec section)
    {
        var ordered = new YamlMapping();
        foreach (var entry in mapping.Entries.OrderBy(e => System.Array.IndexOf(section.KeyNames, e.Key) is var i && i < 0 ? int.MaxValue : i))
        {
            ordered.Entries.Add(entry);
        }

        return ordered;
    }

    /// <summary>Follows a $ref to its schema.</summary>
    public static IOpenApiSchema? Resolve(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference ? reference.Target : schema;

    /// <summary>Text from the document, trimmed; null when there is none.</summary>
    public static string? Text(string? text)
    {
        var trimmed = text?.Replace("\r\n", "\n").Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>The schema's first example (OpenAPI 3.0's example reads into the list too).</summary>
    public static JsonNode? ExampleOf(IOpenApiSchema? schema) => schema?.Examples?.FirstOrDefault();

    /// <summary>An example as the spec writes it: a scalar as its text, anything else as JSON.</summary>
    public static string? Example(JsonNode? example) => example switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Length <= 200 && !text.Contains('\n') ? text : null,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    /// <summary>
    /// The type name for the node's "type:" key, or null when the node's other keys say it (an
    /// inline object's properties). Adds the type's own keys (properties, items, values) to the node.
    /// </summary>
    private string? TypeOf(IOpenApiSchema? schema, ImportNotes notes, string where, int depth, YamlMapping node, out bool nullable)
    {
        nullable = false;
        if (schema is null)
        {
            return "any";
        }

        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id && _declared.TryGetValue(id, out var declared))
        {
            return declared;
        }

        if (schema is OpenApiSchemaReference inline && inline.Reference.Id is { } ownedId && _owned.TryGetValue(ownedId, out var typeName) && inline.Target is { } ownedTarget)
        {
            var inlineType = TypeOf(ownedTarget, notes, where, depth, node, out nullable);
            if (inlineType == "any" && ownedTarget.Type == JsonSchemaType.Object && ownedTarget.AdditionalProperties is null && node.IsEmpty)
            {
                // A named object without members (abortImport_request: {}): a type of its own, whose members all arrive in AdditionalProperties.
                node.Add("properties", new YamlMapping());
                inlineType = null;
            }

            if (node.Entries.Any(e => e.Key is "properties" or "values") && node.Entries.All(e => e.Key != "typeName"))
            {
                node.AddText("typeName", typeName);
            }

            return inlineType;
        }

        var target = Resolve(schema);
        if (target is null)
        {
            notes.Fallback("unresolved $ref", where);
            return "any";
        }

        if (depth > MaxDepth)
        {
            notes.Fallback("nesting deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels", where);
            return "any";
        }

        var kinds = target.Type ?? 0;
        nullable = (kinds & JsonSchemaType.Null) != 0;
        kinds &= ~JsonSchemaType.Null;

        if (target.AllOf is { Count: > 0 } allOf)
        {
            return AllOf(target, allOf, notes, where, depth, node);
        }

        if ((target.OneOf is { Count: > 0 } || target.AnyOf is { Count: > 0 }) && kinds == 0)
        {
            var choices = (target.OneOf ?? new List<IOpenApiSchema>()).Concat(target.AnyOf ?? new List<IOpenApiSchema>()).ToList();
            var real = choices.Where(c => Resolve(c)?.Type != JsonSchemaType.Null).ToList();
            nullable |= real.Count < choices.Count;
            if (real.Count == 1)
            {
                var single = TypeOf(real[0], notes, where, depth + 1, node, out var innerNullable);
                nullable |= innerNullable;
                return single;
            }

            notes.Fallback("oneOf/anyOf polymorphism", where);
            return "any";
        }

        if (target.Enum is { Count: > 0 } values && kinds is 0 or JsonSchemaType.String)
        {
            // OpenAPI.NET reads a null in the list as a sentinel string: null says the enum is nullable.
            var texts = values.Where(v => v is not null && !JsonNullSentinel.IsJsonNullSentinel(v)).Select(v => v is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).ToList();
            nullable |= texts.Count < values.Count;
            if (texts.All(t => t is not null) && texts.Count > 0)
            {
                // Values that C# names alike ("ASC", "asc") would be one member twice: the first is kept.
                var distinct = texts.GroupBy(t => SpecClient.Generator.Naming.Identifiers.ToPascalCaseWords(t!)).Select(g => g.First()!).ToList();
                if (distinct.Count < texts.Count)
                {
                    notes.Fallback("enum values that differ only in case or punctuation, the first kept", where);
                }

                node.Add("values", new YamlSequence(distinct));
                NameInline(node, where, depth);
                return "enum";
            }
        }

        switch (kinds)
        {
            case JsonSchemaType.String:
                return target.Format switch
                {
                    "date-time" => "date-time",
                    "date" => "date",

                    // Bytes in JSON travel as text (base64 as a rule); a file part is the form's to say.
                    _ => "string",
                };
            case JsonSchemaType.Integer:
                return "integer";
            case JsonSchemaType.Number:
                return "number";
            case JsonSchemaType.Boolean:
                return "boolean";
            case JsonSchemaType.Array:
                node.Add("items", Map(target.Items, notes, where + "[]", depth: depth + 1));
                return "array";
            case JsonSchemaType.Object:
            case 0 when target.Properties is { Count: > 0 } || target.AdditionalProperties is not null:
                return ObjectOf(target, notes, where, depth, node);
            case 0 when target.Items is not null:
                node.Add("items", Map(target.Items, notes, where + "[]", depth: depth + 1));
                return "array";
            case 0:
                return "any";
            default:
                notes.Fallback("a value of several types", where);
                return "any";
        }
    }

    private string? ObjectOf(IOpenApiSchema target, ImportNotes notes, string where, int depth, YamlMapping node)
    {
        if (target.Properties is not { Count: > 0 } properties)
        {
            if (target.AdditionalProperties is { } values)
            {
                node.Add("items", Map(values, notes, where + "{}", depth: depth + 1));
                return "map";
            }

            // An object the document gives no members: any JSON object, kept as it is.
            return "any";
        }

        node.Add("properties", Properties(target, properties, notes, where, depth));
        NameInline(node, where, depth);
        return null;
    }

    /// <summary>An object's members, each a type node; one the schema does not list as required may be absent.</summary>
    public YamlMapping Properties(IOpenApiSchema owner, IDictionary<string, IOpenApiSchema> properties, ImportNotes notes, string where, int depth, ISet<string>? required = null)
    {
        var mapping = new YamlMapping();
        foreach (var (name, property) in properties)
        {
            var optional = owner.Required?.Contains(name) != true && required?.Contains(name) != true;
            mapping.Add(name, Map(property, notes, where + "." + name, optional, depth + 1, isProperty: true));
        }

        return mapping;
    }

    /// <summary>A schema that says nothing of the value's type: a description, a title, an example.</summary>
    private static bool IsAnnotationOnly(IOpenApiSchema part)
        => part is not OpenApiSchemaReference && part.Type is null && part.Properties is not { Count: > 0 } && part.AllOf is not { Count: > 0 }
            && part.OneOf is not { Count: > 0 } && part.AnyOf is not { Count: > 0 } && part.Items is null && part.Enum is not { Count: > 0 } && part.AdditionalProperties is null;

    /// <summary>The schema's description, or the one an annotating allOf part gives it.</summary>
    private static string? DescriptionOf(IOpenApiSchema? schema)
        => Text(schema?.Description) ?? (schema?.AllOf ?? new List<IOpenApiSchema>()).Where(IsAnnotationOnly).Select(p => Text(p.Description)).FirstOrDefault(d => d is not null);

    /// <summary>allOf of objects (composition, as generators use it): one object with every part's members.</summary>
    private string? AllOf(IOpenApiSchema target, IList<IOpenApiSchema> parts, ImportNotes notes, string where, int depth, YamlMapping node)
    {
        // allOf: [{ $ref: PolicyId }, { description: ... }] (as AWS writes a documented member): the
        // parts that only annotate add nothing to the type.
        var typed = parts.Where(p => !IsAnnotationOnly(p)).ToList();
        if (typed.Count == 1 && (target.Properties is null || target.Properties.Count == 0))
        {
            return TypeOf(typed[0], notes, where, depth + 1, node, out _);
        }

        var merged = new YamlMapping();

        // A composing schema may require a member that a part declares.
        var required = new HashSet<string>(parts.Append(target).SelectMany(p => Resolve(p)?.Required ?? new HashSet<string>()), StringComparer.Ordinal);
        foreach (var part in parts.Append(target))
        {
            var resolved = Resolve(part);
            if (resolved is null)
            {
                continue;
            }

            if (!ReferenceEquals(resolved, target) && resolved.AllOf is { Count: > 0 } nested)
            {
                // An allOf of an allOf (a base type's own composition): its members join too.
                var inner = new YamlMapping();
                if (depth > MaxDepth || AllOf(resolved, nested, notes, where, depth + 1, inner) is not null)
                {
                    notes.Fallback("allOf of a non-object", where);
                    return "any";
                }

                foreach (var entry in ((YamlMapping)inner.Entries.Single(e => e.Key == "properties").Value).Entries.Where(e => merged.Entries.All(m => m.Key != e.Key)))
                {
                    merged.Entries.Add(entry);
                }

                continue;
            }

            if (resolved.Properties is { Count: > 0 } properties)
            {
                foreach (var entry in Properties(resolved, properties, notes, where, depth, required).Entries.Where(e => merged.Entries.All(m => m.Key != e.Key)))
                {
                    merged.Entries.Add(entry);
                }
            }
            else if (!ReferenceEquals(resolved, target) && ((resolved.Type ?? 0) & ~JsonSchemaType.Null) is not (0 or JsonSchemaType.Object))
            {
                notes.Fallback("allOf of a non-object", where);
                return "any";
            }
        }

        if (merged.IsEmpty)
        {
            return "any";
        }

        node.Add("properties", merged);
        NameInline(node, where, depth);
        return null;
    }
}

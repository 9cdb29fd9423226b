using System.Linq;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;

namespace SpecClient.Generator.Emitting;

/// <summary>
/// Emits spec types: a record per object and a string-backed struct per enum, each with a
/// JsonConverter that reads and writes UTF-8 JSON directly, without reflection.
/// </summary>
internal static class TypeEmitter
{
    /// <summary>Names a generated converter's Read method uses itself.</summary>
    private static readonly string[] ReservedLocals = { "reader", "writer", "value", "options", "typeToConvert", "additionalProperties", "payload", "hasPayload" };

    /// <summary>The C# type, as code inside <paramref name="scope"/> (an endpoint's types class, or null) names it.</summary>
    public static string CSharpType(TypeRef type, string? scope = null) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Integer => "long",
        TypeKind.Number => "double",
        TypeKind.Boolean => "bool",
        TypeKind.DateTime => "DateTimeOffset",
        TypeKind.Date => FileHeader.DateAlias,
        TypeKind.Any => "JsonElement",
        TypeKind.File => "FilePart",
        TypeKind.Array => "IReadOnlyList<" + CSharpType(type.Items!, scope) + ">",
        TypeKind.Map => "IReadOnlyDictionary<string, " + CSharpType(type.Items!, scope) + ">",
        _ => Qualify(type, MemberNames.Type(type.Name!), scope),
    };

    public static string CSharpType(TypeRef type, bool nullable, string? scope = null) => CSharpType(type, scope) + (nullable ? "?" : string.Empty);

    /// <summary>The C# type of a property: optional and nullable together make three states, absent, null and a value.</summary>
    public static string PropertyType(PropertyModel property, string? scope)
        => property.Optional && property.Nullable
            ? "Optional<" + CSharpType(property.Type, true, scope) + ">"
            : CSharpType(property.Type, !property.IsRequired, scope);

    /// <summary>An expression giving the converter for whole values of <paramref name="type"/>.</summary>
    public static string Converter(TypeRef type, string? scope = null) => type.Kind switch
    {
        TypeKind.String => "ScalarConverters.ForString",
        TypeKind.Integer => "ScalarConverters.ForInteger",
        TypeKind.Number => "ScalarConverters.ForNumber",
        TypeKind.Boolean => "ScalarConverters.ForBoolean",
        TypeKind.DateTime => "ScalarConverters.ForDateTime",
        TypeKind.Date => "DateText.Converter",
        TypeKind.Any => "ScalarConverters.ForAny",
        TypeKind.Array => "new JsonListConverter<" + CSharpType(type.Items!, scope) + ">(" + Converter(type.Items!, scope) + ")",
        TypeKind.Map => "new JsonMapConverter<" + CSharpType(type.Items!, scope) + ">(" + Converter(type.Items!, scope) + ")",
        _ => Qualify(type, MemberNames.Converter(MemberNames.Type(type.Name!)), scope) + ".Instance",
    };

    /// <summary>An endpoint's own type is named through its class from outside it.</summary>
    private static string Qualify(TypeRef type, string name, string? scope)
        => type.Scope is null || type.Scope == scope ? name : type.Scope + "." + name;

    public static void EmitObject(SourceWriter writer, ObjectModel model, string? scope)
    {
        var typeName = MemberNames.Type(model.Name);
        writer.Summary(model.Description, "The " + model.Name + " object.");
        writer.Line("[JsonConverter(typeof(" + MemberNames.Converter(typeName) + "))]");
        writer.Open("public sealed partial record " + typeName);
        EmitProperties(writer, model.Properties, typeName, scope);
        writer.Close();
        writer.BlankLine();
        EmitObjectConverter(writer, model, typeName, scope);
    }

    private static void EmitObjectConverter(SourceWriter writer, ObjectModel model, string typeName, string? scope)
    {
        var converter = MemberNames.Converter(typeName);
        writer.RawDoc("<summary>Reads and writes <see cref=\"" + typeName + "\"/> as JSON, without reflection.</summary>");
        writer.Open("internal sealed class " + converter + " : JsonConverter<" + typeName + ">");
        writer.Line("public static " + converter + " Instance { get; } = new();");
        writer.BlankLine();

        writer.Open("public override " + typeName + " Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)");
        EmitReadBody(writer, typeName, typeName, model.Properties, payload: null, scope);
        writer.Close();
        writer.BlankLine();
        writer.Open("public override void Write(Utf8JsonWriter writer, " + typeName + " value, JsonSerializerOptions options)");
        EmitWriteBody(writer, typeName, model.Properties, payload: null, scope);
        writer.Close();
        writer.Close();
    }

    /// <summary>
    /// The body of a converter's Read: a local per property, one branch per wire name, undeclared
    /// properties kept, and non-nullable ones checked when the object is built.
    /// </summary>
    /// <remarks>For an envelope, <c>payload</c> names the generic payload's wire name and property; it is read with _payloadConverter.</remarks>
    public static void EmitReadBody(SourceWriter writer, string typeName, string constructedType, EquatableArray<PropertyModel> properties, (string WireName, string Property)? payload, string? scope)
    {
        writer.Line("JsonReading.ReadObjectStart(ref reader, " + CSharpText.Literal(typeName) + ");");
        if (payload is not null)
        {
            writer.Line("TPayload? payload = default;");
            writer.Line("var hasPayload = false;");
        }

        var locals = MemberNames.UniqueLocals(properties.Select(p => MemberNames.Local(p.WireName)).ToList(), ReservedLocals);
        for (var i = 0; i < properties.Count; i++)
        {
            writer.Line(properties[i].Optional && properties[i].Nullable
                ? PropertyType(properties[i], scope) + " " + locals[i] + " = default;"
                : LocalType(properties[i].Type, scope) + " " + locals[i] + " = null;");
        }

        writer.Line("Dictionary<string, JsonElement>? additionalProperties = null;");
        writer.Open("while (JsonReading.ReadNextProperty(ref reader))");
        var keyword = "if";
        if (payload is { } p)
        {
            writer.Open("if (reader.ValueTextEquals(" + CSharpText.Utf8Literal(p.WireName) + "))");
            writer.Line("payload = JsonReading.ReadValue(ref reader, _payloadConverter);");
            writer.Line("hasPayload = true;");
            writer.Close();
            keyword = "else if";
        }

        for (var i = 0; i < properties.Count; i++)
        {
            writer.Open(keyword + " (reader.ValueTextEquals(" + CSharpText.Utf8Literal(properties[i].WireName) + "))");
            var read = ReadExpression(properties[i].Type, scope);
            writer.Line(locals[i] + " = " + (properties[i].Optional && properties[i].Nullable ? "new(" + read + ")" : read) + ";");
            writer.Close();
            keyword = "else if";
        }

        if (keyword == "if")
        {
            writer.Line("JsonReading.ReadAdditionalProperty(ref reader, ref additionalProperties);");
        }
        else
        {
            writer.Open("else");
            writer.Line("JsonReading.ReadAdditionalProperty(ref reader, ref additionalProperties);");
            writer.Close();
        }

        writer.Close();
        writer.BlankLine();
        writer.Line("return new " + constructedType);
        writer.Line("{");
        writer.Indent();
        if (payload is { } payloadProperty)
        {
            // A value-type payload (a boolean, a number) is never null: hasPayload tells whether it came.
            writer.Line(payloadProperty.Property + " = hasPayload && payload is not null ? payload : throw JsonReading.MissingProperty(" + CSharpText.Literal(payloadProperty.WireName) + ", " + CSharpText.Literal(typeName) + "),");
        }

        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var local = locals[i];
            var value = !property.IsRequired
                ? local
                : local + " ?? throw JsonReading.MissingProperty(" + CSharpText.Literal(property.WireName) + ", " + CSharpText.Literal(typeName) + ")";
            writer.Line(MemberNames.Property(property.WireName, typeName) + " = " + value + ",");
        }

        writer.Line("AdditionalProperties = additionalProperties,");
        writer.Unindent();
        writer.Line("};");
    }

    /// <summary>The body of a converter's Write: every property in spec order, then the undeclared ones.</summary>
    public static void EmitWriteBody(SourceWriter writer, string typeName, EquatableArray<PropertyModel> properties, (string WireName, string Property)? payload, string? scope)
    {
        writer.Line("writer.WriteStartObject();");
        if (payload is { } p)
        {
            writer.Line("JsonWriting.WriteValue(writer, " + CSharpText.Utf8Literal(p.WireName) + ", value." + p.Property + ", _payloadConverter);");
        }

        foreach (var property in properties)
        {
            // An optional member is left out when unset: null for T?, no value for Optional<T?>.
            var member = "value." + MemberNames.Property(property.WireName, typeName);
            var write = WriteStatement(property.Type, !property.IsRequired, CSharpText.Utf8Literal(property.WireName), property.Optional && property.Nullable ? member + ".Value" : member, scope);
            if (!property.Optional)
            {
                writer.Line(write);
                continue;
            }

            writer.Open("if (" + member + (property.Nullable ? ".HasValue)" : " is not null)"));
            writer.Line(write);
            writer.Close();
        }

        writer.Line("JsonWriting.WriteAdditionalProperties(writer, value.AdditionalProperties);");
        writer.Line("writer.WriteEndObject();");
    }

    /// <summary>The declarations of a type's documented properties.</summary>
    public static void EmitProperties(SourceWriter writer, EquatableArray<PropertyModel> properties, string typeName, string? scope)
    {
        foreach (var property in properties)
        {
            writer.Summary(property.Description, "The " + property.WireName + " property.");
            writer.Doc("remarks", Presence(property));
            writer.Doc("example", property.Example);

            // C# refuses [Obsolete] on a required member (CS9042): the docs say it instead.
            EndpointEmitter.WriteObsolete(writer, property.Deprecated && !property.IsRequired);

            writer.Line("[JsonPropertyName(" + CSharpText.Literal(property.WireName) + ")]");
            var required = property.IsRequired ? "required " : string.Empty;
            writer.Line("public " + required + PropertyType(property, scope) + " " + MemberNames.Property(property.WireName, typeName) + " { get; init; }");
            writer.BlankLine();
        }

        writer.RawDoc("<summary>Properties the server sent that the spec does not declare, kept so that nothing is lost.</summary>");
        writer.Line("[JsonExtensionData]");
        writer.Line("public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }");
    }

    /// <summary>What an optional member's states mean on the wire; null for the usual required member.</summary>
    private static string? Presence(PropertyModel property) => (property.Optional, property.Nullable) switch
    {
        (true, true) => "Optional: left out of a request while it has no value; set it to null to send null.",
        (true, false) => "Optional: left out of a request when null.",
        _ when property.Deprecated => "Deprecated in the API's documentation (required, so not marked [Obsolete], which C# refuses on a required member).",
        _ => null,
    };

    /// <summary>Every record and enum a spec file declares, each with its converter.</summary>
    public static void EmitTypes(SourceWriter writer, EquatableArray<ObjectModel> objects, EquatableArray<EnumModel> enums, string? scope)
    {
        var first = true;
        foreach (var model in objects)
        {
            BlankLineBetween(writer, ref first);
            EmitObject(writer, model, scope);
        }

        foreach (var model in enums)
        {
            BlankLineBetween(writer, ref first);
            EmitEnum(writer, model);
        }
    }

    private static void BlankLineBetween(SourceWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.BlankLine();
        }

        first = false;
    }

    public static void EmitEnum(SourceWriter writer, EnumModel model)
    {
        var typeName = MemberNames.Type(model.Name);
        var converter = MemberNames.Converter(typeName);
        writer.Summary(model.Description, "The values of " + model.Name + ".");
        writer.RawDoc("<remarks>A value the spec does not list is kept as it is, so newer servers never break the client.</remarks>");
        writer.Line("[JsonConverter(typeof(" + converter + "))]");
        writer.Open("public readonly partial record struct " + typeName + "(string Value)");
        foreach (var value in model.Values)
        {
            writer.Doc("summary", "The value \"" + value + "\".");
            writer.Line("public static " + typeName + " " + MemberNames.EnumMember(value, typeName) + " { get; } = new(" + CSharpText.Literal(value) + ");");
            writer.BlankLine();
        }

        writer.RawDoc("<summary>The value as it appears on the wire.</summary>");
        writer.Line("public override string ToString() => Value ?? string.Empty;");
        writer.Close();
        writer.BlankLine();
        writer.RawDoc("<summary>Reads and writes <see cref=\"" + typeName + "\"/> as a JSON string.</summary>");
        writer.Open("internal sealed class " + converter + " : JsonConverter<" + typeName + ">");
        writer.Line("public static " + converter + " Instance { get; } = new();");
        writer.BlankLine();
        writer.Line("public override " + typeName + " Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)");
        writer.Line("    => new(JsonReading.GetString(ref reader));");
        writer.BlankLine();
        writer.Line("public override void Write(Utf8JsonWriter writer, " + typeName + " value, JsonSerializerOptions options)");
        writer.Line("    => writer.WriteStringValue(value.Value);");
        writer.Close();
    }

    /// <summary>Locals hold "not seen yet" as null, so every local is of a nullable type.</summary>
    public static string LocalType(TypeRef type, string? scope) => type.Kind switch
    {
        TypeKind.Array => "List<" + CSharpType(type.Items!, scope) + ">?",
        TypeKind.Map => "Dictionary<string, " + CSharpType(type.Items!, scope) + ">?",
        _ => CSharpType(type, scope) + "?",
    };

    /// <summary>Reads the value of the property the reader is on.</summary>
    public static string ReadExpression(TypeRef type, string? scope) => type.Kind switch
    {
        TypeKind.String => "JsonReading.ReadString(ref reader)",
        TypeKind.Integer => "JsonReading.ReadInt64(ref reader)",
        TypeKind.Number => "JsonReading.ReadDouble(ref reader)",
        TypeKind.Boolean => "JsonReading.ReadBoolean(ref reader)",
        TypeKind.DateTime => "JsonReading.ReadDateTimeOffset(ref reader)",
        TypeKind.Date => "DateText.Read(ref reader)",
        TypeKind.Any => "JsonReading.ReadElement(ref reader)",
        TypeKind.Array => "JsonReading.ReadList(ref reader, " + Converter(type.Items!, scope) + ")",
        TypeKind.Map => "JsonReading.ReadMap(ref reader, " + Converter(type.Items!, scope) + ")",
        TypeKind.Enum => "JsonReading.ReadNullableStruct(ref reader, " + Converter(type, scope) + ")",
        _ => "JsonReading.ReadValue(ref reader, " + Converter(type, scope) + ")",
    };

    public static string WriteStatement(TypeRef type, bool nullable, string utf8Name, string value, string? scope) => type.Kind switch
    {
        TypeKind.String => "JsonWriting.WriteString(writer, " + utf8Name + ", " + value + ");",
        TypeKind.Integer => "JsonWriting.WriteInt64(writer, " + utf8Name + ", " + value + ");",
        TypeKind.Number => "JsonWriting.WriteDouble(writer, " + utf8Name + ", " + value + ");",
        TypeKind.Boolean => "JsonWriting.WriteBoolean(writer, " + utf8Name + ", " + value + ");",
        TypeKind.DateTime => "JsonWriting.WriteDateTimeOffset(writer, " + utf8Name + ", " + value + ");",
        TypeKind.Date => "DateText.Write(writer, " + utf8Name + ", " + value + ");",
        TypeKind.Any => "JsonWriting.WriteElement(writer, " + utf8Name + ", " + value + ");",
        TypeKind.Array => "JsonWriting.WriteList(writer, " + utf8Name + ", " + value + ", " + Converter(type.Items!, scope) + ");",
        TypeKind.Map => "JsonWriting.WriteMap(writer, " + utf8Name + ", " + value + ", " + Converter(type.Items!, scope) + ");",
        TypeKind.Enum when nullable => "JsonWriting.WriteNullableStruct(writer, " + utf8Name + ", " + value + ", " + Converter(type, scope) + ");",
        _ => "JsonWriting.WriteValue(writer, " + utf8Name + ", " + value + ", " + Converter(type, scope) + ");",
    };
}

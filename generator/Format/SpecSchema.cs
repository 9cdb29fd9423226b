using System.Linq;
using System.Text;

namespace SpecClient.Generator.Format;

/// <summary>
/// Writes the JSON Schema (draft 2020-12) of spec files from <see cref="SpecFormat"/>, so that
/// editors complete and check specs as they are typed. The package ships it as
/// schema/specclient.schema.json; a test keeps that file equal to what this writes.
/// </summary>
internal static class SpecSchema
{
    public const string Id = "https://github.com/specclient/specclient/blob/main/runtime/schema/specclient.schema.json";

    public static string Write()
    {
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append("  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n");
        json.Append("  \"$id\": ").Append(Quote(Id)).Append(",\n");
        json.Append("  \"title\": \"SpecClient spec file (*.spec.yaml)\",\n");
        json.Append("  \"description\": \"An API file (api:), an endpoint file (endpoint:) or a shared-types file (shared:).\",\n");
        json.Append("  \"oneOf\": [ ").Append(string.Join(", ", new[] { SpecFormat.ApiFile, SpecFormat.EndpointFile, SpecFormat.SharedFile }.Select(s => Ref(s.Id)))).Append(" ],\n");
        json.Append("  \"$defs\": {\n");
        var sections = SpecFormat.Sections;
        for (var i = 0; i < sections.Count; i++)
        {
            json.Append("    ").Append(Quote(DefName(sections[i].Id))).Append(": ");
            WriteSection(json, sections[i]);
            json.Append(i < sections.Count - 1 ? ",\n" : "\n");
        }

        json.Append("  }\n}\n");
        return json.ToString();
    }

    /// <summary>The name of a section in $defs: "type node" → "type-node".</summary>
    public static string DefName(string sectionId) => sectionId.Replace(' ', '-');

    private static void WriteSection(StringBuilder json, SectionSpec section)
    {
        var shape = new StringBuilder();
        shape.Append("{ \"type\": \"object\", \"description\": ").Append(Quote(section.Doc)).Append(",\n      \"properties\": {\n");
        for (var i = 0; i < section.Keys.Length; i++)
        {
            var key = section.Keys[i];
            shape.Append("        ").Append(Quote(key.Name)).Append(": ").Append(ValueSchema(key)).Append(i < section.Keys.Length - 1 ? ",\n" : "\n");
        }

        shape.Append("      },\n");
        var required = section.Keys.Where(k => k.Required).Select(k => Quote(k.Name)).ToList();
        if (required.Count > 0)
        {
            shape.Append("      \"required\": [ ").Append(string.Join(", ", required)).Append(" ],\n");
        }

        shape.Append("      \"additionalProperties\": false }");

        // A type node, a parameter, an error response or a header may also be a bare scalar
        // ("name: string", "400: Bad request.", "X-Customer:").
        json.Append(IsMappingOnly(section) ? shape.ToString() : "{ \"anyOf\": [ { \"type\": [\"string\", \"number\", \"boolean\", \"null\"] },\n      " + shape + " ] }");
    }

    /// <summary>Sections that are always a mapping: the files and the sections directly under them.</summary>
    private static bool IsMappingOnly(SectionSpec section)
        => section == SpecFormat.ApiFile || section == SpecFormat.EndpointFile || section == SpecFormat.SharedFile
            || section == SpecFormat.Api || section == SpecFormat.Endpoint || section == SpecFormat.Shared
            || section == SpecFormat.Locale || section == SpecFormat.Query || section == SpecFormat.Envelope || section == SpecFormat.Errors || section == SpecFormat.Auth;

    private static string ValueSchema(KeySpec key)
    {
        var doc = ", \"description\": " + Quote(key.Doc);
        return key.Kind switch
        {
            ValueKind.Text when key.Values is { } values => "{ \"enum\": [ " + string.Join(", ", values.Select(Quote)) + " ]" + doc + " }",
            ValueKind.Text => "{ \"type\": [\"string\", \"number\", \"boolean\"]" + doc + " }",
            ValueKind.Boolean => "{ \"type\": \"boolean\"" + doc + " }",
            ValueKind.Integer => "{ \"type\": \"integer\"" + doc + " }",
            ValueKind.List => "{ \"type\": \"array\", \"items\": { \"type\": [\"string\", \"number\", \"boolean\"] }" + doc + " }",
            ValueKind.TypeNode => "{ \"$ref\": " + Quote("#/$defs/" + DefName(SpecFormat.TypeNode.Id)) + doc + " }",
            ValueKind.NamedMappings => "{ \"type\": \"object\", \"additionalProperties\": " + (key.Section is null ? "{ \"type\": \"string\" }" : Ref(key.Section)) + doc + " }",
            _ when key == SpecFormat.Auth.Keys[0] => "{ \"anyOf\": [ " + Ref(key.Section!) + ", { \"const\": true } ]" + doc + " }",
            _ => "{ \"$ref\": " + Quote("#/$defs/" + DefName(key.Section!)) + doc + " }",
        };
    }

    private static string Ref(string sectionId) => "{ \"$ref\": " + Quote("#/$defs/" + DefName(sectionId)) + " }";

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}

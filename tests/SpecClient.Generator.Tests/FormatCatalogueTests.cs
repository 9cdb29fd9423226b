using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using SpecClient.Generator.Format;
using SpecClient.Generator.Parsing;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Tests;

/// <summary>
/// The format said once (SpecFormat): the parser knows exactly its keys, the shipped JSON Schema
/// and the key reference of specs/README.md are derived from it, and every spec validates.
/// SPECCLIENT_ACCEPT_SNAPSHOTS=1 rewrites the schema file and the README section.
/// </summary>
public class FormatCatalogueTests
{
    private static readonly string SchemaPath = Path.Combine(Repository.Root, "runtime", "schema", "specclient.schema.json");
    private static readonly string ReadmePath = Path.Combine(Repository.Root, "specs", "README.md");
    private const string ReferenceStart = "<!-- key reference: generated from generator/Format/SpecFormat.cs by FormatCatalogueTests -->";
    private const string ReferenceEnd = "<!-- end of key reference -->";

    /// <summary>Built once: JsonSchema.Net registers a schema by its $id and refuses a second one.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SpecSchema.Write()));

    /// <summary>A spec that holds each section once, with ZZZ where an unknown key goes.</summary>
    private static readonly Dictionary<string, string> Places = new()
    {
        ["API file"] = "api: { name: A, namespace: A.Client }\nZZZ",
        ["api"] = "api:\n  name: A\n  namespace: A.Client\n  ZZZ",
        ["auth"] = "api: { name: A, namespace: A.Client }\nauth:\n  bearer: true\n  ZZZ",
        ["bearer"] = "api: { name: A, namespace: A.Client }\nauth:\n  bearer:\n    ZZZ",
        ["header"] = "api: { name: A, namespace: A.Client }\nheaders:\n  X-A:\n    ZZZ",
        ["locale"] = "api: { name: A, namespace: A.Client }\nlocale:\n  placeholder: l\n  default: en\n  ZZZ",
        ["query"] = "api: { name: A, namespace: A.Client }\nquery:\n  ZZZ",
        ["envelope"] = "api: { name: A, namespace: A.Client }\nenvelope:\n  typeName: E\n  payload: p\n  ZZZ",
        ["errors"] = "api: { name: A, namespace: A.Client }\nerrors:\n  ZZZ",
        ["error response"] = "api: { name: A, namespace: A.Client }\nerrors:\n  responses:\n    400:\n      ZZZ",
        ["paging"] = "api: { name: A, namespace: A.Client }\npaging:\n  page: p\n  items: i\n  ZZZ",
        ["endpoint file"] = "endpoint: { api: A, group: G, name: N, method: GET, path: /x }\nresponse: none\nZZZ",
        ["endpoint"] = "endpoint:\n  api: A\n  group: G\n  name: N\n  method: GET\n  path: /x\n  ZZZ\nresponse: none",
        ["path parameter"] = "endpoint: { api: A, group: G, name: N, method: GET, path: '/x/{id}' }\npathParameters:\n  id:\n    ZZZ\nresponse: none",
        ["query parameter"] = "endpoint: { api: A, group: G, name: N, method: GET, path: /x }\nqueryParameters:\n  q:\n    ZZZ\nresponse: none",
        ["header parameter"] = "endpoint: { api: A, group: G, name: N, method: GET, path: /x }\nheaderParameters:\n  X-Q:\n    ZZZ\nresponse: none",
        ["form parameter"] = "endpoint: { api: A, group: G, name: N, method: POST, path: /x }\nformParameters:\n  f:\n    ZZZ\nresponse: none",
        ["endpoint error response"] = "endpoint: { api: A, group: G, name: N, method: GET, path: /x }\nerrors:\n  409:\n    ZZZ\nresponse: none",
        ["type node"] = "endpoint: { api: A, group: G, name: N, method: GET, path: /x }\nresponse:\n  type: string\n  ZZZ",
        ["shared types file"] = "shared: { api: A }\ntypes: {}\nZZZ",
        ["shared"] = "shared:\n  api: A\n  ZZZ\ntypes: {}",
    };

    [Fact]
    public void Every_section_has_a_place_in_these_tests()
        => Assert.Equal(SpecFormat.Sections.Select(s => s.Id).OrderBy(s => s, StringComparer.Ordinal), Places.Keys.OrderBy(s => s, StringComparer.Ordinal));

    /// <summary>An unknown key gets SPEC004 listing the keys the parser allows there: exactly the catalogue's.</summary>
    [Fact]
    public void The_parser_knows_exactly_the_catalogues_keys()
    {
        foreach (var section in SpecFormat.Sections)
        {
            var text = Places[section.Id].Replace("ZZZ", "zzz: 1", StringComparison.Ordinal);
            var file = SpecParser.Parse("/p/specs/s.spec.yaml", "specs/s.spec.yaml", text);

            var unknown = Assert.Single(file.Diagnostics, d => d.Id == "SPEC004");
            var allowed = unknown.Arguments[unknown.Arguments.Count - 1].Split(", ");
            var expected = section.Id == "query parameter" ? section.KeyNames.Append("nullable") : section.KeyNames;
            Assert.True(expected.SequenceEqual(allowed), section.Id + ": the parser allows " + string.Join(", ", allowed));
        }
    }

    [Fact]
    public void The_shipped_schema_is_the_one_the_catalogue_gives()
    {
        var expected = SpecSchema.Write();
        if (Environment.GetEnvironmentVariable("SPECCLIENT_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(SchemaPath, expected);
        }

        Assert.True(File.Exists(SchemaPath) && File.ReadAllText(SchemaPath) == expected, "runtime/schema/specclient.schema.json is stale: run the tests with SPECCLIENT_ACCEPT_SNAPSHOTS=1");
    }

    [Fact]
    public void The_schema_has_each_key_of_each_section_and_no_other()
    {
        var defs = JsonNode.Parse(SpecSchema.Write())!["$defs"]!.AsObject();
        Assert.Equal(SpecFormat.Sections.Select(s => SpecSchema.DefName(s.Id)), defs.Select(d => d.Key));
        foreach (var section in SpecFormat.Sections)
        {
            var def = defs[SpecSchema.DefName(section.Id)]!;
            var shape = def["properties"] is not null ? def : def["anyOf"]![1]!;
            Assert.Equal(section.KeyNames, shape["properties"]!.AsObject().Select(p => p.Key));
            Assert.Equal(section.Keys.Where(k => k.Required).Select(k => k.Name), shape["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? Enumerable.Empty<string>());
        }
    }

    [Fact]
    public void Every_spec_in_the_repository_validates_against_the_schema()
    {
        var schema = Schema.Value;
        var specs = Repository.Specs().Concat(Directory.GetFiles(Path.Combine(Repository.Root, "tests", "SpecClient.Client.Tests", "Specs"), "*.spec.yaml").Select(f => (Path: f, Text: File.ReadAllText(f))));
        foreach (var (path, text) in specs)
        {
            var result = schema.Evaluate(ToJson(text), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, path + ": " + string.Join("; ", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + " " + e.Value))));
        }
    }

    [Fact]
    public void The_schema_rejects_an_unknown_key_and_a_missing_required_one()
    {
        var schema = Schema.Value;

        Assert.False(schema.Evaluate(ToJson("endpoint: { api: A, group: G, name: N, method: GET, path: /x }\nresponse: none\nrespons: x")).IsValid);
        Assert.False(schema.Evaluate(ToJson("endpoint: { api: A, group: G, name: N, method: GET, path: /x }")).IsValid);
        Assert.False(schema.Evaluate(ToJson("endpoint: { api: A, group: G, name: N, method: FETCH, path: /x }\nresponse: none")).IsValid);
        Assert.True(schema.Evaluate(ToJson("endpoint: { api: A, group: G, name: N, method: GET, path: /x }\nresponse: none")).IsValid);
    }

    [Fact]
    public void The_readme_key_reference_is_the_one_the_catalogue_gives()
    {
        var readme = File.ReadAllText(ReadmePath);
        var start = readme.IndexOf(ReferenceStart, StringComparison.Ordinal);
        var end = readme.IndexOf(ReferenceEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "specs/README.md lacks the key reference markers");
        var expected = ReferenceStart + "\n" + KeyReference() + ReferenceEnd;
        if (Environment.GetEnvironmentVariable("SPECCLIENT_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(ReadmePath, readme[..start] + expected + readme[(end + ReferenceEnd.Length)..]);
            return;
        }

        Assert.True(readme[start..(end + ReferenceEnd.Length)] == expected, "The key reference of specs/README.md is stale: run the tests with SPECCLIENT_ACCEPT_SNAPSHOTS=1");
    }

    /// <summary>The key tables of specs/README.md, one per section.</summary>
    private static string KeyReference()
    {
        var text = new StringBuilder();
        foreach (var section in SpecFormat.Sections)
        {
            text.Append("\n### ").Append(section.Id).Append("\n\n").Append(section.Doc).Append("\n\n| key | value | required | meaning |\n|---|---|---|---|\n");
            foreach (var key in section.Keys)
            {
                var value = key.Kind switch
                {
                    ValueKind.Mapping or ValueKind.NamedMappings when key.Section is not null => (key.Kind == ValueKind.Mapping ? "" : "names → ") + key.Section,
                    ValueKind.NamedMappings => "names → text",
                    ValueKind.TypeNode => "type node",
                    _ when key.Values is not null => string.Join(" \\| ", key.Values),
                    _ => key.Kind.ToString().ToLowerInvariant(),
                };
                text.Append("| `").Append(key.Name).Append("` | ").Append(value).Append(" | ").Append(key.Required ? "yes" : string.Empty).Append(" | ").Append(key.Doc.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }
        }

        return text.Append('\n').ToString();
    }

    /// <summary>YAML as JSON, the way editors' YAML extensions hand it to a JSON Schema: plain scalars typed.</summary>
    private static System.Text.Json.JsonElement ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        using var document = System.Text.Json.JsonDocument.Parse(ToJson(stream.Documents[0].RootNode)?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var value } => value switch
        {
            null or "" or "~" or "null" => null,
            "true" or "false" => JsonValue.Create(value == "true"),
            _ when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}

using System.Text;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using SpecClient.SeedLike;

namespace SpecClient.Benchmarks.Generation.Competitors;

/// <summary>
/// The same N endpoints as an OpenAPI 3 YAML document, and NSwag's C# client generation from it:
/// one client per group (tag), System.Text.Json, nullable reference types, interfaces.
/// </summary>
internal static class NSwagInput
{
    public static string OpenApiYaml(int endpoints)
    {
        var yaml = new StringBuilder();
        yaml.Append("openapi: 3.0.1\ninfo: { title: Bench, version: '1' }\nservers: [ { url: 'https://bench.example' } ]\npaths:\n");
        for (var i = 0; i < endpoints; i++)
        {
            var n = SeedLikeSpecs.Number(i);
            yaml.Append("  ").Append(SeedLikeSpecs.Route(i)).Append(":\n    get:\n")
                .Append("      tags: [Group").Append(i % SeedLikeSpecs.Groups).Append("]\n")
                .Append("      operationId: Read").Append(n).Append("\n      summary: Endpoint ").Append(n).Append('\n')
                .Append("      parameters:\n")
                .Append("        - { name: thingId, in: path, required: true, description: The thing, schema: { type: string, format: uuid, pattern: '").Append(SeedLikeSpecs.Uuid).Append("' } }\n")
                .Append("        - { name: partNumber, in: path, required: true, description: The part, schema: { type: string, pattern: '\\d+' } }\n")
                .Append("      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n")
                .Append("              schema: { $ref: '#/components/schemas/Thing").Append(n).Append("Response' }\n");
        }

        yaml.Append("components:\n  schemas:\n");
        for (var i = 0; i < endpoints; i++)
        {
            var n = SeedLikeSpecs.Number(i);
            yaml.Append("    Thing").Append(n).Append("Response:\n      type: object\n      properties:\n")
                .Append("        success: { type: boolean }\n")
                .Append("        payload: { $ref: '#/components/schemas/Thing").Append(n).Append("' }\n")
                .Append("        debug: { type: array, items: {} }\n")
                .Append("    Thing").Append(n).Append(":\n      type: object\n      properties:\n");
            foreach (var (name, type) in SeedLikeSpecs.Properties)
            {
                yaml.Append("        ").Append(name).Append(": { ").Append(Schema(type)).Append(", nullable: true, description: The ").Append(name).Append(" of the thing. }\n");
            }

            yaml.Append("        parts: { type: array, nullable: true, description: The parts of the thing., items: { $ref: '#/components/schemas/Part").Append(n).Append("' } }\n")
                .Append("    Part").Append(n).Append(":\n      type: object\n      properties:\n");
            foreach (var (name, type) in SeedLikeSpecs.PartProperties)
            {
                yaml.Append("        ").Append(name).Append(": { ").Append(Schema(type)).Append(", nullable: true, description: The ").Append(name).Append(" of the part. }\n");
            }
        }

        return yaml.ToString();
    }

    /// <summary>Loads the YAML document and generates the client file, as NSwag's CLI does.</summary>
    public static string LoadAndGenerate(string openApiYaml)
    {
        var document = OpenApiYamlDocument.FromYamlAsync(openApiYaml).GetAwaiter().GetResult();
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "{controller}Client",
            GenerateClientInterfaces = true,
            OperationNameGenerator = new MultipleClientsFromFirstTagAndOperationIdGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Bench.NSwag";
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        settings.CSharpGeneratorSettings.GenerateNullableReferenceTypes = true;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    private static string Schema(string specType) => specType switch
    {
        "integer" => "type: integer, format: int64",
        "number" => "type: number, format: double",
        "date-time" => "type: string, format: date-time",
        _ => "type: " + specType,
    };
}

using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using SpecClient.Importer;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// dotnet specclient import: an OpenAPI document becomes spec files that the generator reads
/// without a diagnostic and whose code compiles clean; what the format cannot say is noted.
/// </summary>
public sealed class ImporterTests : IDisposable
{
    private const string PetStore = """
        openapi: 3.0.3
        info: { title: Pet Store, version: 1.0.0, description: Pets for sale. }
        servers: [{ url: 'https://pets.example.com/v1' }]
        components:
          securitySchemes:
            token: { type: http, scheme: bearer }
            key: { type: apiKey, in: header, name: X-Api-Key }
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: { type: integer, format: int64 }
                name: { type: string, example: Rex }
                tag: { type: string, nullable: true }
                status: { $ref: '#/components/schemas/Status' }
                born: { type: string, format: date }
                labels: { type: object, additionalProperties: { type: string } }
                owner: { type: object, properties: { email: { type: string } } }
            Status: { type: string, enum: [available, sold] }
            NewPet:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties: { note: { type: string } }
            Error:
              type: object
              required: [code]
              properties: { code: { type: integer }, message: { type: string } }
            Shape:
              oneOf: [{ $ref: '#/components/schemas/Pet' }, { type: string }]
        paths:
          /pets:
            get:
              tags: [pets]
              operationId: listPets
              summary: List pets.
              parameters:
                - { name: limit, in: query, schema: { type: integer } }
                - { name: tags, in: query, style: form, explode: false, schema: { type: array, items: { type: string } } }
                - { name: X-Trace, in: header, schema: { type: string } }
                - { name: session, in: cookie, schema: { type: string } }
              responses:
                '200': { description: Pets., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } } }
                default: { description: Error., content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
            post:
              tags: [pets]
              operationId: createPet
              requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/NewPet' } } } }
              responses:
                '201': { description: Created., content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
                '409': { description: A pet of that name exists. }
          /pets/{petId}:
            parameters:
              - { name: petId, in: path, required: true, schema: { type: string, pattern: '^[0-9]+$' } }
            get:
              tags: [pets]
              operationId: getPet
              responses:
                '200': { description: A pet., content: { application/json: { schema: { $ref: '#/components/schemas/Shape' } } } }
                '404': { description: No such pet. }
                default: { description: Error., content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
            delete:
              tags: [pets]
              deprecated: true
              responses: { '204': { description: Deleted. } }
          /pets/{petId}/photo:
            post:
              tags: [photos]
              operationId: uploadPhoto
              parameters: [{ name: petId, in: path, required: true, schema: { type: integer } }]
              requestBody:
                content:
                  multipart/form-data:
                    schema: { type: object, required: [file], properties: { file: { type: string, format: binary }, caption: { type: string } } }
              responses: { '200': { description: Stored. } }
            get:
              tags: [photos]
              operationId: downloadPhoto
              parameters: [{ name: petId, in: path, required: true, schema: { type: integer } }]
              responses: { '200': { description: The photo., content: { image/png: { schema: { type: string, format: binary } } } } }
          /legacy:
            post:
              tags: [legacy]
              operationId: legacyForm
              requestBody: { content: { application/xml: { schema: { type: object } } } }
              responses: { '200': { description: OK. } }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("specclient-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(ImportResult Result, string Output)> ImportAsync(string document, string extension = ".yaml", string name = "doc")
    {
        var path = Path.Combine(_folder, name, "openapi" + extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, document);
        var output = Path.Combine(_folder, name + "-specs");
        var result = await DocumentImporter.ImportAsync(new ImportOptions(path, output), _ => { }, CancellationToken.None);
        return (result, output);
    }

    private static (string Path, string Text)[] Specs(string output)
        => Directory.GetFiles(output, "*.spec.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => ("specs/" + Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText(f))).ToArray();

    [Fact]
    public async Task The_specs_generate_without_a_diagnostic_and_compile_clean()
    {
        var (imported, output) = await ImportAsync(PetStore);
        const string consumer = """
            class Use
            {
                async System.Threading.Tasks.Task<int> Call(PetStore.Client.IPetStoreClient c)
                {
                    var pets = await c.Pets.ListAsync(limit: 10, tags: new[] { "a" });
                    var created = await c.Pets.CreateAsync(new PetStore.Client.PetsCreate.NewPet { Id = 1, Name = "Rex" });
            #pragma warning disable CS0618 // deprecated: true in the document, [Obsolete] in C#
                    await c.Pets.DeletePetsPetIdAsync("1");
            #pragma warning restore CS0618
                    await using var photo = await c.Photos.DownloadAsync(1);
                    return pets.Count + (int)created.Id;
                }
            }
            """;

        var (result, compilation) = GeneratorHarness.Run(GeneratorHarness.Specs(Specs(output)), Consumer.Net80, null, consumer);

        Assert.Empty(imported.Refused);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task What_the_format_cannot_say_is_a_fallback_or_a_skip_with_its_reason()
    {
        var (result, output) = await ImportAsync(PetStore);

        var outcomes = result.Endpoints.ToDictionary(e => e.Group + "." + e.Name, e => e.Notes);
        Assert.Equal(Outcome.Skipped, outcomes["Legacy.Form"].Outcome);
        Assert.Contains("application/xml", outcomes["Legacy.Form"].SkipReason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fallback, outcomes["Pets.List"].Outcome);
        Assert.Contains("an optional cookie parameter left out (session)", outcomes["Pets.List"].Fallbacks);
        Assert.Contains("oneOf/anyOf polymorphism (response)", outcomes["Pets.Get"].Fallbacks);
        Assert.Equal(Outcome.Full, outcomes["Pets.Create"].Outcome);
        Assert.Equal(Outcome.Full, outcomes["Photos.Upload"].Outcome);
        Assert.False(File.Exists(Path.Combine(output, "legacy", "form.spec.yaml")));
        Assert.Contains("POST /legacy: a request body of application/xml", File.ReadAllText(Path.Combine(output, "pet-store.spec.yaml")), StringComparison.Ordinal);
        Assert.Contains("# Fallbacks: oneOf/anyOf polymorphism (response).", File.ReadAllText(Path.Combine(output, "pets", "get.spec.yaml")), StringComparison.Ordinal);
        Assert.Equal(("oneOf/anyOf polymorphism", 1), result.Reasons().First(r => r.Reason.StartsWith("oneOf", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_api_file_carries_the_server_auth_keys_types_and_common_error_body()
    {
        var (_, output) = await ImportAsync(PetStore);

        var api = File.ReadAllText(Path.Combine(output, "pet-store.spec.yaml"));
        Assert.Contains("baseUrl: https://pets.example.com/v1", api, StringComparison.Ordinal);
        Assert.Contains("auth:\n  bearer: { description: A token for the 'token' scheme (http). }\n", api, StringComparison.Ordinal);
        Assert.Contains("headers:\n  X-Api-Key: { option: Key, description: The 'key' API key. }\n", api, StringComparison.Ordinal);
        Assert.Contains("errors:\n  body: Error\n", api, StringComparison.Ordinal);
        Assert.Contains("      status: { type: Status, optional: true }\n", api, StringComparison.Ordinal);
        Assert.Contains("      tag: { type: string, nullable: true, optional: true }\n", api, StringComparison.Ordinal);
        Assert.Contains("  Status: { type: enum, values: [available, sold] }", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_twice_gives_the_same_bytes_and_a_changed_operation_changes_only_its_file()
    {
        var (_, first) = await ImportAsync(PetStore, name: "a");
        var (_, again) = await ImportAsync(PetStore, name: "b");
        var (_, changed) = await ImportAsync(PetStore.Replace("summary: List pets.", "summary: List the pets.", StringComparison.Ordinal), name: "c");

        Assert.Equal(Specs(first), Specs(again));
        var differing = Specs(first).Zip(Specs(changed)).Where(p => p.First.Text != p.Second.Text).Select(p => p.First.Path).ToArray();
        Assert.Equal(new[] { "specs/pets/list.spec.yaml" }, differing);

        // An operation gone from the document takes its file with it; a file the importer did not write stays.
        var output = Path.Combine(_folder, "a-specs");
        await File.WriteAllTextAsync(Path.Combine(output, "mine.spec.yaml"), "# my own spec\n");
        var path = Path.Combine(_folder, "a", "openapi.yaml");
        await File.WriteAllTextAsync(path, PetStore.Replace("operationId: downloadPhoto", "operationId: getPhoto", StringComparison.Ordinal));
        await DocumentImporter.ImportAsync(new ImportOptions(path, output), _ => { }, CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(output, "photos", "download.spec.yaml")));
        Assert.True(File.Exists(Path.Combine(output, "photos", "get.spec.yaml")));
        Assert.True(File.Exists(Path.Combine(output, "mine.spec.yaml")));
    }

    [Fact]
    public async Task Swagger_20_in_JSON_and_OpenAPI_31_nullable_types_are_read()
    {
        const string swagger = """
            { "swagger": "2.0", "info": { "title": "Old", "version": "1" }, "host": "old.example.com", "basePath": "/api", "schemes": ["https"],
              "paths": { "/items/{id}": { "get": { "operationId": "getItem", "produces": ["application/json"],
                "parameters": [{ "name": "id", "in": "path", "required": true, "type": "integer" }],
                "responses": { "200": { "description": "An item.", "schema": { "type": "object", "properties": { "name": { "type": "string" } } } } } } } } }
            """;
        const string openApi31 = """
            openapi: 3.1.0
            info: { title: New, version: '1' }
            paths:
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200': { description: Things., content: { application/json: { schema: { type: object, required: [name], properties: { name: { type: [string, 'null'] } } } } } }
            """;

        var (old, oldOutput) = await ImportAsync(swagger, ".json", "old");
        var (_, newOutput) = await ImportAsync(openApi31, name: "new");

        Assert.Equal(Outcome.Full, Assert.Single(old.Endpoints).Notes.Outcome);
        Assert.Contains("baseUrl: https://old.example.com/api", File.ReadAllText(Path.Combine(oldOutput, "old.spec.yaml")), StringComparison.Ordinal);
        Assert.Contains("name: { type: string, nullable: true }", File.ReadAllText(Path.Combine(newOutput, "default", "list-things.spec.yaml")), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Run(GeneratorHarness.Specs(Specs(oldOutput).Concat(Specs(newOutput)).ToArray())).Result.Diagnostics);
    }

    /// <summary>What the corpus run found in real documents, each of which once made a project fail to compile.</summary>
    [Fact]
    public async Task Oddities_of_real_documents_become_specs_that_compile()
    {
        const string document = """
            openapi: 3.0.0
            info: { title: Odd, version: '1' }
            components:
              securitySchemes:
                raw: { type: apiKey, in: header, name: Authorization }
            paths:
              /files/{name} raw:
                get:
                  operationId: readFile
                  parameters:
                    - { name: name, in: path, required: true, schema: { type: string } }
                    - { name: filter, in: query, schema: { oneOf: [{ type: string }, { type: integer }] } }
                    - { name: order, in: query, schema: { type: string, enum: [ASC, asc, DESC] } }
                  responses:
                    '200': { description: A file., content: { application/json: { schema: { type: object, properties: { data: { type: string, format: binary } } } } } }
              /#Action=Describe:
                post:
                  operationId: describe
                  parameters: [{ name: Action, in: query, required: true, schema: { type: string, enum: [Describe] } }]
                  responses: { '200': { description: OK. } }
              /rest?method=flickr.test.echo:
                get:
                  operationId: echo
                  responses: { '200': { description: OK. } }
              /alerts?lat={lat}:
                get:
                  operationId: alerts
                  parameters: [{ name: lat, in: path, required: true, schema: { type: number } }]
                  responses: { '200': { description: OK. } }
            """;

        var (result, output) = await ImportAsync(document);

        var read = result.Endpoints.Single(e => e.Name == "ReadFile");
        Assert.Contains("  path: /files/{name}%20raw\n", File.ReadAllText(Path.Combine(output, read.FilePath)), StringComparison.Ordinal);
        Assert.Contains("a query parameter of any JSON, sent as text (filter)", read.Notes.Fallbacks);
        Assert.Contains("enum values that differ only in case or punctuation, the first kept (query order)", read.Notes.Fallbacks);
        var describe = File.ReadAllText(Path.Combine(output, result.Endpoints.Single(e => e.Name == "Describe").FilePath));
        Assert.Contains("  path: /\n", describe, StringComparison.Ordinal);
        Assert.Contains("queryParameters:\n  Action: { value: Describe }\n", describe, StringComparison.Ordinal);
        var echo = File.ReadAllText(Path.Combine(output, result.Endpoints.Single(e => e.Name == "Echo").FilePath));
        Assert.Contains("  path: /rest\n", echo, StringComparison.Ordinal);
        Assert.Contains("queryParameters:\n  method: { value: flickr.test.echo }\n", echo, StringComparison.Ordinal);
        Assert.Equal("a query in the path template", result.Endpoints.Single(e => e.Name == "Alerts").Notes.SkipReason);
        Assert.Contains("a security scheme the format cannot express (ApiKey in header Authorization)", result.ApiNotes);
        Assert.Empty(result.Refused);
        var (generated, compilation) = GeneratorHarness.Run(GeneratorHarness.Specs(Specs(output)));
        Assert.Empty(generated.Diagnostics);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task Types_that_would_make_the_API_file_pass_the_spec_limit_go_to_shared_files()
    {
        var description = string.Concat(Enumerable.Repeat("A long description of this type. ", 30));
        var schemas = string.Concat(Enumerable.Range(0, 600).Select(i => $"    T{i}: {{ type: object, description: '{description}', properties: {{ id: {{ type: string }} }} }}\n"));
        var document = "openapi: 3.0.0\ninfo: { title: Big, version: '1' }\ncomponents:\n  schemas:\n" + schemas
            + "paths:\n  /t:\n    get:\n      operationId: first\n      responses: { '200': { description: OK., content: { application/json: { schema: { $ref: '#/components/schemas/T599' } } } } }\n";

        var (result, output) = await ImportAsync(document);

        var files = Specs(output);
        Assert.Contains(files, f => f.Path == "specs/big-types-1.spec.yaml");
        Assert.All(files, f => Assert.True(f.Text.Length < 1024 * 1024, f.Path));
        Assert.Empty(result.Refused);
        Assert.Empty(GeneratorHarness.Run(GeneratorHarness.Specs(files)).Result.Diagnostics);
    }

    [Fact]
    public async Task Compositions_that_refer_to_themselves_and_unicode_line_breaks_import_without_harm()
    {
        var document = "openapi: 3.0.0\ninfo: { title: Loops, version: '1' }\ncomponents:\n  schemas:\n"
            + "    A: { allOf: [{ $ref: '#/components/schemas/A' }] }\n"
            + "    B: { oneOf: [{ $ref: '#/components/schemas/C' }] }\n"
            + "    C: { oneOf: [{ $ref: '#/components/schemas/B' }] }\n"
            + "paths:\n  /a:\n    get:\n      operationId: readA\n      description: \"one\\u2028two\\u0085three\"\n"
            + "      responses: { '200': { description: \"A.\\u2029\", content: { application/json: { schema: { type: object, properties: { a: { $ref: '#/components/schemas/A' }, b: { $ref: '#/components/schemas/B' } } } } } } }\n";

        var (result, output) = await ImportAsync(document);

        Assert.Empty(result.Refused);
        Assert.Contains("one\u2028two\u0085three", File.ReadAllText(Path.Combine(output, "default", "read-a.spec.yaml")).Replace("\\u2028", "\u2028", StringComparison.Ordinal).Replace("\\u0085", "\u0085", StringComparison.Ordinal), StringComparison.Ordinal);
        var (generated, compilation) = GeneratorHarness.Run(GeneratorHarness.Specs(Specs(output)));
        Assert.Empty(generated.Diagnostics);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("services: [web, db]\n", "is not an OpenAPI document")]
    [InlineData("openapi: 3.0.0\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200': { description: A., content: { application/json: { schema: { $ref: '#/components/schemas/Missing' } } } }\n", "has a $ref that leads nowhere")]
    public async Task A_document_that_cannot_be_read_is_a_clear_error(string document, string message)
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(document));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_folder, "big.yaml");
        await File.WriteAllTextAsync(path, PetStore + new string('#', 2 * 1024 * 1024));

        var error = await Assert.ThrowsAsync<ImportException>(() => DocumentImporter.ImportAsync(new ImportOptions(path, Path.Combine(_folder, "big"), MaxBytes: 1024 * 1024), _ => { }, CancellationToken.None));

        Assert.Contains("more than the 1 MB this import reads", error.Message, StringComparison.Ordinal);
    }
}

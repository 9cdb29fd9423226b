using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using SpecClient.Generator.Format;

namespace SpecClient.Importer;

/// <summary>What to import, and where to.</summary>
/// <param name="Document">A file path or an http(s) URL.</param>
/// <param name="Output">The folder the spec files go to.</param>
/// <param name="Name">The API's name, or null for the document's title.</param>
/// <param name="Namespace">The C# namespace, or null for &lt;Name&gt;.Client.</param>
/// <param name="MaxBytes">The largest document read.</param>
internal sealed record ImportOptions(string Document, string Output, string? Name = null, string? Namespace = null, long MaxBytes = 32L * 1024 * 1024);

/// <summary>What an import wrote and what it had to choose.</summary>
internal sealed record ImportResult(string ApiFile, IReadOnlyList<ImportedEndpoint> Endpoints, IReadOnlyList<string> ApiNotes)
{
    /// <summary>What the generator's parser reports of the written files: each is a bug of the importer.</summary>
    public IReadOnlyList<string> Refused { get; init; } = Array.Empty<string>();

    public int Count(Outcome outcome) => Endpoints.Count(e => e.Notes.Outcome == outcome);

    /// <summary>The reasons for fallbacks and skips, most frequent first.</summary>
    public IReadOnlyList<(string Reason, int Count)> Reasons()
        => Endpoints.SelectMany(e => e.Notes.Reasons().Distinct()).Concat(ApiNotes)
            .GroupBy(r => r).Select(g => (g.Key, g.Count()))
            .OrderByDescending(r => r.Item2).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
}

/// <summary>A document that cannot be imported: not OpenAPI, too large, a broken $ref.</summary>
internal sealed class ImportException(string message) : Exception(message);

/// <summary>Reads an OpenAPI document (2.0, 3.0 or 3.1, JSON or YAML) and writes the API file and one endpoint file per operation.</summary>
internal static class DocumentImporter
{
    public static async Task<ImportResult> ImportAsync(ImportOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(options, cancellationToken).ConfigureAwait(false);
        var apiNotes = new List<string>();
        var name = options.Name ?? Names.Pascal(document.Info?.Title ?? Path.GetFileNameWithoutExtension(options.Document), "Api");
        var ns = options.Namespace ?? name + ".Client";

        var owned = ComponentUsage.OwnedByOneOperation(document);
        var declared = DeclaredTypes(document, owned);
        var taken = new HashSet<string>(declared.Values, StringComparer.OrdinalIgnoreCase);
        var ownedNames = owned.OrderBy(id => id, StringComparer.Ordinal).ToDictionary(id => id, id => Names.Unique(Names.Pascal(id, "Type"), taken), StringComparer.Ordinal);
        var (schemas, types, typeNotes) = MapTypes(document, declared, ownedNames);
        var api = new YamlMapping();
        var apiSection = new YamlMapping().AddText("name", name).AddText("namespace", ns).AddText("baseUrl", BaseUrl(document, apiNotes)).AddText("description", SchemaMapper.Text(document.Info?.Description));
        api.Add("api", SchemaMapper.Ordered(apiSection, SpecFormat.Api));
        var headers = Security(document, api, apiNotes);
        var errorBody = CommonErrorBody(document, declared);
        var envelope = Envelope.Declare(document, schemas, types, name, declared, api);

        api.Add("types", types.IsEmpty ? null : types);
        if (errorBody is not null && envelope?.PayloadOf(YamlOut.Text(errorBody)) is { } errorPayload)
        {
            api.Add("errors", new YamlMapping().Add("payload", errorPayload));
        }
        else if (errorBody is not null)
        {
            api.Add("errors", new YamlMapping().AddText("body", errorBody));
        }

        apiNotes.AddRange(typeNotes.Reasons().Distinct().Select(r => r + " (in a shared type)"));
        var operations = new OperationImporter(name, schemas, headers, errorBody, envelope);
        var endpoints = new List<ImportedEndpoint>();
        var endpointNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = (document.Paths ?? new OpenApiPaths()).SelectMany(p => (p.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>()).Select(o => (Path: p.Key, Item: p.Value, Method: o.Key, Operation: o.Value))).ToList();
        foreach (var (path, item, method, operation) in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = Names.Pascal(operation.Tags?.FirstOrDefault()?.Name ?? "Default", "Group");

            // Tags that differ in case only ("ApiKeys", "APIKeys") share a folder: they are one group, spelt as first seen.
            group = spellings.TryGetValue(Names.Kebab(group), out var first) ? first : spellings[Names.Kebab(group)] = group;
            var names = endpointNames.TryGetValue(group, out var set) ? set : endpointNames[group] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var endpointName = Names.Endpoint(operation.OperationId, group, method.Method, path);
            if (declared.Values.Contains(group + endpointName, StringComparer.OrdinalIgnoreCase) || ownedNames.Values.Contains(group + endpointName, StringComparer.OrdinalIgnoreCase))
            {
                // The class that holds the endpoint's own types is named <Group><Name>: not like a type.
                endpointName += "Operation";
            }

            endpointName = Names.Unique(endpointName, names);
            names.Add(endpointName + "WithResponse");
            endpoints.Add(operations.Import(group, endpointName, method, path, item, operation));
            if (all.Count >= 200 && endpoints.Count % (all.Count / 10) == 0)
            {
                progress(string.Format(CultureInfo.InvariantCulture, "  {0}/{1} operations", endpoints.Count, all.Count));
            }
        }

        var written = SpecFiles.Write(options.Output, name, api, endpoints, options.Document, typeNotes);
        return new ImportResult(Path.Combine(options.Output, Names.Kebab(name) + ".spec.yaml"), endpoints, apiNotes) { Refused = SpecFiles.SelfCheck(options.Output, written) };
    }

    private static async Task<OpenApiDocument> LoadAsync(ImportOptions options, CancellationToken cancellationToken)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var buffer = new MemoryStream();
        if (Uri.TryCreate(options.Document, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            using var http = new System.Net.Http.HttpClient { MaxResponseContentBufferSize = options.MaxBytes };
            try
            {
                await buffer.WriteAsync(await http.GetByteArrayAsync(uri, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            catch (System.Net.Http.HttpRequestException e)
            {
                throw new ImportException("Cannot download " + uri + ": " + e.Message);
            }
        }
        else
        {
            var file = new FileInfo(options.Document);
            if (!file.Exists)
            {
                throw new ImportException("No such file: " + options.Document);
            }

            if (file.Length > options.MaxBytes)
            {
                throw new ImportException(string.Format(CultureInfo.InvariantCulture, "{0} is {1:0.0} MB, more than the {2:0} MB this import reads (raise it with --max-megabytes).", options.Document, file.Length / 1048576.0, options.MaxBytes / 1048576.0));
            }

            using var stream = file.OpenRead();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        var format = buffer.Length > 0 && (char)buffer.GetBuffer()[SkipSpace(buffer)] is '{' or '[' ? "json" : "yaml";
        ReadResult result;
        try
        {
            result = OpenApiDocument.Load(buffer, format, settings);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImportException(options.Document + " is not an OpenAPI document: " + e.Message);
        }

        if (result.Document is not { } document || (document.Paths is null && document.Info is null))
        {
            var errors = result.Diagnostic?.Errors.Take(3).Select(e => e.Pointer + ": " + e.Message) ?? Enumerable.Empty<string>();
            throw new ImportException(options.Document + " is not an OpenAPI document. " + string.Join("; ", errors));
        }

        if (BrokenReference(document) is { } broken)
        {
            throw new ImportException(options.Document + " has a $ref that leads nowhere: " + broken + ".");
        }

        return document;
    }

    private static int SkipSpace(MemoryStream buffer)
    {
        var bytes = buffer.GetBuffer();
        var i = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        while (i < buffer.Length - 1 && bytes[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>The first schema $ref whose target is missing, or null.</summary>
    private static string? BrokenReference(OpenApiDocument document)
    {
        foreach (var operation in DocumentOperations.All(document))
        {
            foreach (var schema in DocumentOperations.Schemas(operation))
            {
                if (schema is OpenApiSchemaReference reference && reference.Target is null)
                {
                    return reference.Reference.ReferenceV3 ?? reference.Reference.Id;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The declared types as type nodes. One that maps to no object after all (an allOf whose parts
    /// cannot merge) is not declared: it is inlined where used, and the mapping starts over.
    /// </summary>
    private static (SchemaMapper Schemas, YamlMapping Types, ImportNotes Notes) MapTypes(OpenApiDocument document, SortedDictionary<string, string> declared, IReadOnlyDictionary<string, string> owned)
    {
        while (true)
        {
            var schemas = new SchemaMapper(declared, owned);
            var notes = new ImportNotes();
            var types = new YamlMapping();
            var failed = new List<string>();
            foreach (var (id, typeName) in declared)
            {
                var node = schemas.MapDeclared(document.Components!.Schemas![id], notes, typeName);
                if (node is YamlMapping mapping && mapping.Entries.Any(e => e.Key is "properties" or "values"))
                {
                    types.Add(typeName, node);
                }
                else
                {
                    failed.Add(id);
                }
            }

            if (failed.Count == 0)
            {
                return (schemas, types, notes);
            }

            failed.ForEach(id => declared.Remove(id));
        }
    }

    /// <summary>The component schemas the API file declares: objects and string enums that more than one operation uses, each with a unique spec name.</summary>
    private static SortedDictionary<string, string> DeclaredTypes(OpenApiDocument document, HashSet<string> owned)
    {
        var declared = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            var kinds = (schema.Type ?? 0) & ~JsonSchemaType.Null;
            var isObject = kinds is 0 or JsonSchemaType.Object && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 }
                && (schema.AllOf is { Count: > 0 } allOf ? allOf.All(IsPlainObject) : schema.Properties is { Count: > 0 });
            var isEnum = schema.Enum is { Count: > 0 } && kinds is 0 or JsonSchemaType.String && schema.Enum.All(v => JsonNullSentinel.IsJsonNullSentinel(v) || (v is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out _)));
            if ((isObject || isEnum) && !owned.Contains(id))
            {
                declared[id] = Names.Unique(Names.Pascal(id, "Type"), taken);
            }
        }

        return declared;
    }

    /// <summary>An object with members and no composition of its own: a part allOf can merge.</summary>
    private static bool IsPlainObject(IOpenApiSchema part)
        => SchemaMapper.Resolve(part) is { } resolved && resolved.Properties is { Count: > 0 } && resolved.AllOf is not { Count: > 0 } && resolved.OneOf is not { Count: > 0 } && resolved.AnyOf is not { Count: > 0 };

    /// <summary>The base URL of the first server: absolute http(s), variables filled with their defaults.</summary>
    private static string? BaseUrl(OpenApiDocument document, List<string> notes)
    {
        if (document.Servers?.FirstOrDefault() is not { Url: { } url } server)
        {
            return null;
        }

        foreach (var (variable, value) in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url.Replace("{" + variable + "}", value.Default, StringComparison.Ordinal);
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Query.Length == 0 && uri.Fragment.Length == 0)
        {
            return url;
        }

        notes.Add("a server URL that is not an absolute http(s) URL, left out");
        return null;
    }

    /// <summary>Bearer-style schemes become auth: bearer; API keys in a header become API-wide headers. Returns those headers.</summary>
    private static List<string> Security(OpenApiDocument document, YamlMapping api, List<string> notes)
    {
        var headers = new YamlMapping();
        string? bearer = null;
        foreach (var (id, scheme) in (document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>()).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            switch (scheme.Type)
            {
                case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase):
                case SecuritySchemeType.OAuth2:
                case SecuritySchemeType.OpenIdConnect:
                    bearer ??= SchemaMapper.Text(scheme.Description) ?? "A token for the '" + id + "' scheme (" + scheme.Type.ToString()!.ToLowerInvariant() + ").";
                    break;
                case SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Header && scheme.Name is { } header && Names.IsFreeHeader(header) && headers.Entries.All(e => !string.Equals(e.Key, header, StringComparison.OrdinalIgnoreCase)):
                    headers.Add(header, new YamlMapping().AddText("option", Names.Pascal(id, "Key")).AddText("description", SchemaMapper.Text(scheme.Description) ?? "The '" + id + "' API key."));
                    break;
                default:
                    notes.Add("a security scheme the format cannot express (" + (scheme.Type?.ToString() ?? "unknown") + (scheme.In is { } where ? " in " + where.ToString().ToLowerInvariant() : string.Empty)
                        + (scheme.Type == SecuritySchemeType.ApiKey && scheme.Name is { } reserved && !Names.IsFreeHeader(reserved) ? " " + reserved : string.Empty) + ")");
                    break;
            }
        }

        if (bearer is not null)
        {
            api.Add("auth", new YamlMapping().Add("bearer", new YamlMapping().AddText("description", bearer)));
        }

        CommonHeaders(document, headers);
        api.Add("headers", headers.IsEmpty ? null : headers);
        return headers.Entries.Select(e => e.Key).ToList();
    }

    /// <summary>
    /// A header every operation takes, optional everywhere (X-Customer, X-Tenant), becomes an API-wide
    /// header set by a client option, as a careful person writes it: once, not a parameter of each method.
    /// </summary>
    private static void CommonHeaders(OpenApiDocument document, YamlMapping headers)
    {
        var operations = (document.Paths ?? new OpenApiPaths()).Values
            .SelectMany(p => (p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).Select(o => (o.Parameters ?? new List<IOpenApiParameter>()).Concat(p.Parameters ?? new List<IOpenApiParameter>()).Where(h => h.In == ParameterLocation.Header && h.Name is not null).ToList()))
            .ToList();
        if (operations.Count < 2)
        {
            return;
        }

        var options = new HashSet<string>(headers.Entries.Select(e => ((YamlScalar)((YamlMapping)e.Value).Entries[0].Value).Value), StringComparer.OrdinalIgnoreCase);
        foreach (var header in operations[0].Where(h => !h.Required).GroupBy(h => h.Name!, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            var everywhere = operations.All(o => o.Any(h => string.Equals(h.Name, header.Name, StringComparison.OrdinalIgnoreCase) && !h.Required));
            var scalar = ((SchemaMapper.Resolve(header.Schema)?.Type ?? JsonSchemaType.String) & ~JsonSchemaType.Null) is JsonSchemaType.String;
            if (everywhere && scalar && Names.IsFreeHeader(header.Name!) && headers.Entries.All(e => !string.Equals(e.Key, header.Name, StringComparison.OrdinalIgnoreCase)))
            {
                var option = Names.Unique(Names.Pascal(header.Name!.StartsWith("X-", StringComparison.OrdinalIgnoreCase) ? header.Name.Substring(2) : header.Name, "Header"), options);
                headers.Add(header.Name!, new YamlMapping().AddText("option", option).AddText("description", SchemaMapper.Text(header.Description) ?? "The " + header.Name + " header."));
            }
        }
    }

    /// <summary>The declared type most error bodies are, when at least half of them are.</summary>
    private static string? CommonErrorBody(OpenApiDocument document, SortedDictionary<string, string> declared)
    {
        var bodies = DocumentOperations.All(document)
            .SelectMany(o => o.Responses ?? new OpenApiResponses())
            .Where(r => r.Key == "default" || r.Key.StartsWith('4') || r.Key.StartsWith('5'))
            .Select(r => r.Value.Content is { } content ? OperationImporter.JsonMedia(content)?.Schema : null)
            .Where(schema => schema is not null)
            .Select(schema => schema is OpenApiSchemaReference reference ? reference.Reference.Id : null)
            .ToList();
        var top = bodies.Where(b => b is not null && declared.ContainsKey(b)).GroupBy(b => b!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        return top is not null && top.Count() * 2 >= bodies.Count ? declared[top.Key] : null;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using SpecClient.Generator.Format;

namespace SpecClient.Importer;

/// <summary>One operation of the document as an endpoint file, or the reason it cannot be one.</summary>
internal sealed record ImportedEndpoint(string Group, string Name, string Method, string Path, YamlMapping? Spec, ImportNotes Notes)
{
    /// <summary>The file's path under the output folder: group/name.spec.yaml, in kebab case.</summary>
    public string FilePath => Names.Kebab(Group) + "/" + Names.Kebab(Name) + ".spec.yaml";
}

/// <summary>Turns one OpenAPI operation into an endpoint file.</summary>
internal sealed partial class OperationImporter
{
    private readonly string _api;
    private readonly SchemaMapper _schemas;
    private readonly IReadOnlyCollection<string> _apiHeaders;
    private readonly string? _apiErrorBody;
    private readonly Envelope? _envelope;

    /// <param name="api">The API's name.</param>
    /// <param name="schemas">Maps schemas to type nodes.</param>
    /// <param name="apiHeaders">Headers the API file already sends with every request (API keys).</param>
    /// <param name="apiErrorBody">The declared type the API file gives every error body, or null.</param>
    /// <param name="envelope">The envelope the API file declares, or null: a body in it is written as its payload.</param>
    public OperationImporter(string api, SchemaMapper schemas, IReadOnlyCollection<string> apiHeaders, string? apiErrorBody, Envelope? envelope)
    {
        _api = api;
        _schemas = schemas;
        _apiHeaders = apiHeaders;
        _apiErrorBody = apiErrorBody;
        _envelope = envelope;
    }

    public ImportedEndpoint Import(string group, string name, HttpMethod method, string path, IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var notes = new ImportNotes();
        var parameters = (pathItem.Parameters ?? new List<IOpenApiParameter>())
            .Where(p => operation.Parameters?.Any(o => o.Name == p.Name && o.In == p.In) != true)
            .Concat(operation.Parameters ?? new List<IOpenApiParameter>())
            .Where(p => p.Name is not null)
            .ToList();

        var constants = new Dictionary<(ParameterLocation, string), string>();
        if (path.IndexOfAny(QueryOrFragment) is var cut and >= 0)
        {
            // Directories such as APIs.guru keep operations apart with a query or fragment in the
            // path: /#X-Amz-Target=Service.Action, /?Action=List, /files#name. A name=value pair
            // is a value the endpoint always sends; a bare name or {placeholder} names a parameter.
            if (!PathConstants(path.Substring(cut), parameters, _apiHeaders, constants, notes))
            {
                return new ImportedEndpoint(group, name, method.Method.ToUpperInvariant(), path, null, notes);
            }

            path = cut == 0 ? "/" : path.Substring(0, cut);
        }

        path = PercentEncoded(path);
        var endpoint = new YamlMapping()
            .AddText("api", _api)
            .AddText("group", group)
            .AddText("name", name)
            .AddText("method", method.Method.ToUpperInvariant())
            .AddText("path", path);
        var file = new YamlMapping().Add("endpoint", endpoint);
        file.Add("pathParameters", PathParameters(path, parameters, notes));
        file.Add("queryParameters", QueryParameters(parameters, constants, notes));
        file.Add("headerParameters", HeaderParameters(parameters, constants, notes));
        foreach (var cookie in parameters.Where(p => p.In == ParameterLocation.Cookie))
        {
            if (cookie.Required)
            {
                notes.Skip("a required cookie parameter");
            }
            else
            {
                notes.Fallback("an optional cookie parameter left out", cookie.Name);
            }
        }

        Body(operation, file, notes);
        var status = Response(operation, file, notes);
        if (status != 200)
        {
            endpoint.Add("status", YamlOut.Number(status));
        }

        endpoint.AddText("summary", SchemaMapper.Text(operation.Summary)?.Replace('\n', ' '));
        endpoint.AddText("description", SchemaMapper.Text(operation.Description));
        if (operation.Deprecated)
        {
            endpoint.Add("deprecated", YamlOut.Bool(true));
        }

        file.Add("errors", Errors(operation, notes));
        if (operation.Callbacks is { Count: > 0 })
        {
            notes.Fallback("callbacks left out");
        }

        var spec = notes.Outcome == Outcome.Skipped ? null : SchemaMapper.Ordered(file, SpecFormat.EndpointFile);
        if (spec is not null)
        {
            spec.Entries[0] = ("endpoint", SchemaMapper.Ordered(endpoint, SpecFormat.Endpoint), null);
        }

        return new ImportedEndpoint(group, name, method.Method.ToUpperInvariant(), path, spec, notes);
    }

    private void Body(OpenApiOperation operation, YamlMapping file, ImportNotes notes)
    {
        if (operation.RequestBody?.Content is not { Count: > 0 } content)
        {
            return;
        }

        if (JsonMedia(content) is { } json)
        {
            if (json.Schema is null || !SchemaMapper.IsStructured(json.Schema))
            {
                notes.Fallback("a request body that is not an object or array, sent as any JSON");
                file.Add("body", YamlOut.Text("any"));
                return;
            }

            file.Add("body", _schemas.Map(json.Schema, notes, "body"));
            return;
        }

        if (content.TryGetValue("multipart/form-data", out var multipart) && SchemaMapper.Resolve(multipart.Schema)?.Properties is { } fields)
        {
            var form = new YamlMapping();
            var owner = SchemaMapper.Resolve(multipart.Schema)!;
            foreach (var (name, field) in fields)
            {
                var node = SchemaMapper.Resolve(field) is { Format: "binary" } binary && ((binary.Type ?? 0) & ~JsonSchemaType.Null) is 0 or JsonSchemaType.String
                    ? (owner.Required?.Contains(name) == true ? YamlOut.Text("file") : new YamlMapping().AddText("type", "file").Add("optional", YamlOut.Bool(true)))
                    : _schemas.Map(field, notes, "form " + name, optional: owner.Required?.Contains(name) != true);
                if (SchemaMapper.TypeName(node) is null or "array" or "map" or "any" or "object")
                {
                    notes.Skip("a multipart field that is a list or an object");
                    return;
                }

                var mapping = node as YamlMapping ?? new YamlMapping().Add("type", node);
                mapping.Entries.RemoveAll(e => !SpecFormat.FormParameter.KeyNames.Contains(e.Key));
                form.Add(name, SchemaMapper.Ordered(mapping, SpecFormat.FormParameter).Simplest());
            }

            file.Add("formParameters", form);
            return;
        }

        notes.Skip("a request body of " + string.Join(", ", content.Keys.OrderBy(k => k, StringComparer.Ordinal)) + " (the format sends JSON or multipart/form-data)");
    }

    /// <summary>Writes the response and returns the documented success status.</summary>
    private int Response(OpenApiOperation operation, YamlMapping file, ImportNotes notes)
    {
        var (status, response) = Success(operation);
        if (response is null)
        {
            notes.Fallback("no success response documented, read as none");
            file.Add("response", YamlOut.Text("none"));
            return 200;
        }

        if (response.Content is not { Count: > 0 } content || status == 204)
        {
            file.Add("response", YamlOut.Text("none"));
            return status;
        }

        if (JsonMedia(content) is { } json)
        {
            var body = json.Schema is null ? YamlOut.Text("any") : _schemas.Map(json.Schema, notes, "response");
            file.Add("response", _envelope?.PayloadOf(body) ?? body);
            return status;
        }

        if (content.Keys.Any(k => k.StartsWith("application/octet-stream", StringComparison.Ordinal) || k.StartsWith("image/", StringComparison.Ordinal)
            || k.StartsWith("text/", StringComparison.Ordinal) || k.StartsWith("application/pdf", StringComparison.Ordinal) || k.StartsWith("application/zip", StringComparison.Ordinal) || k == "*/*"))
        {
            file.Add("response", YamlOut.Text("file"));
            return status;
        }

        notes.Fallback("a response of " + string.Join(", ", content.Keys.OrderBy(k => k, StringComparer.Ordinal)) + ", read as a file");
        file.Add("response", YamlOut.Text("file"));
        return status;
    }

    /// <summary>The success the operation documents first (the lowest 2xx), or a null response when it documents none.</summary>
    public static (int Status, IOpenApiResponse? Response) Success(OpenApiOperation operation)
        => (operation.Responses ?? new OpenApiResponses())
            .Select(r => (Code: int.TryParse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : r.Key == "2XX" ? 200 : 0, Response: (IOpenApiResponse?)r.Value))
            .Where(r => r.Code is >= 200 and <= 299)
            .OrderBy(r => r.Code)
            .FirstOrDefault();

    private YamlMapping? Errors(OpenApiOperation operation, ImportNotes notes)
    {
        var errors = new YamlMapping();
        foreach (var (key, response) in (operation.Responses ?? new OpenApiResponses()).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var status = key == "default" ? "default" : int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599 ? key : null;
            if (status is null)
            {
                continue;
            }

            var description = SchemaMapper.Text(response.Description);
            var body = response.Content is { Count: > 0 } content && JsonMedia(content) is { Schema: { } schema } && SchemaMapper.IsStructured(schema)
                ? _schemas.Map(schema, notes, "error " + status)
                : null;
            if (body is not null && SchemaMapper.TypeName(body) == "any")
            {
                // The exception keeps the raw body either way: an untyped one adds nothing.
                body = null;
            }
            if (body is null || (body is YamlScalar { } named && named.Value == _apiErrorBody))
            {
                errors.AddText(status, description ?? "Error " + status + ".");
            }
            else
            {
                errors.Add(status, new YamlMapping().AddText("description", description).Add("body", body));
            }
        }

        return errors.IsEmpty ? null : errors;
    }

    /// <summary>The JSON media type of a content map (application/json, a +json type, or */*), or null.</summary>
    public static IOpenApiMediaType? JsonMedia(IDictionary<string, IOpenApiMediaType> content)
        => content.Where(c => c.Key.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || c.Key.Contains("+json", StringComparison.OrdinalIgnoreCase) || c.Key == "*/*")
            .OrderBy(c => c.Key.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Select(c => c.Value)
            .FirstOrDefault();
}

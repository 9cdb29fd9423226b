using System.Collections.Generic;
using System.Linq;

namespace SpecClient.Generator.Format;

/// <summary>What a key's value is: the parser checks it, the JSON Schema and the key reference say it.</summary>
internal enum ValueKind
{
    /// <summary>A scalar read as text.</summary>
    Text,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A mapping whose keys <see cref="KeySpec.Section"/> lists.</summary>
    Mapping,

    /// <summary>A mapping from names the spec chooses to values that <see cref="KeySpec.Section"/> describes.</summary>
    NamedMappings,

    /// <summary>A type node: a type name, or a mapping of the type-node keys.</summary>
    TypeNode,

    /// <summary>A list of scalars.</summary>
    List,
}

/// <summary>One key of one section of the format.</summary>
/// <param name="Name">The key.</param>
/// <param name="Kind">What its value is.</param>
/// <param name="Required">Whether the section needs it.</param>
/// <param name="Doc">One line on what it means.</param>
/// <param name="Section">For a mapping, the section of its keys; for named mappings, the section of each value.</param>
/// <param name="Values">The values it may take, when they are few.</param>
internal sealed record KeySpec(string Name, ValueKind Kind, bool Required, string Doc, string? Section = null, string[]? Values = null);

/// <summary>A section of the format: where keys may appear.</summary>
internal sealed record SectionSpec(string Id, string Doc, KeySpec[] Keys)
{
    /// <summary>The names of its keys, in the order the format lists them.</summary>
    public string[] KeyNames { get; } = Keys.Select(k => k.Name).ToArray();
}

/// <summary>
/// The spec format, said once as data: every section, its keys, their kinds and whether they are
/// required. The parser checks keys against it (and suggests near misses from it); the JSON Schema
/// for spec files and the key reference of specs/README.md are derived from it.
/// </summary>
internal static class SpecFormat
{
    public static readonly string[] HttpMethods = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

    /// <summary>The type names a type node may use besides the types a spec declares.</summary>
    public static readonly string[] BuiltInTypeNames = { "string", "integer", "number", "boolean", "date-time", "date", "any", "object", "array", "map", "enum", "file" };

    /// <summary>What a type node may name, for messages.</summary>
    public static readonly string TypeNodeTypes = string.Join(", ", BuiltInTypeNames) + ", or a type the API file or a shared-types file declares";

    /// <summary>How lists and objects go into a query string; the runtime's QueryStyle, camelCase.</summary>
    public static readonly string[] QueryStyles = { "form", "comma", "brackets", "deepObject" };

    public static readonly SectionSpec ApiFile = new("API file", "A file with a top-level api: section: what every endpoint of the API shares.", new[]
    {
        new KeySpec("api", ValueKind.Mapping, true, "The client's name, namespace and base URL.", "api"),
        new KeySpec("auth", ValueKind.Mapping, false, "How requests authenticate.", "auth"),
        new KeySpec("headers", ValueKind.NamedMappings, false, "Headers every request may carry, by header name, each a client option.", "header"),
        new KeySpec("locale", ValueKind.Mapping, false, "A path placeholder that selects the response language.", "locale"),
        new KeySpec("query", ValueKind.Mapping, false, "How lists and objects go into query strings.", "query"),
        new KeySpec("envelope", ValueKind.Mapping, false, "The envelope every response comes in; leave it out for bare bodies.", "envelope"),
        new KeySpec("types", ValueKind.NamedMappings, false, "Named objects and enums that endpoints refer to, by name.", "type node"),
        new KeySpec("errors", ValueKind.Mapping, false, "The error body and what each error status means.", "errors"),
        new KeySpec("paging", ValueKind.Mapping, false, "How list endpoints page: each endpoint with the paging query parameter also gets <Name>AllAsync.", "paging"),
    });

    public static readonly SectionSpec Api = new("api", "The API itself.", new[]
    {
        new KeySpec("name", ValueKind.Text, true, "The API's name: <Name>Client, I<Name>Client, <Name>Exception."),
        new KeySpec("namespace", ValueKind.Text, true, "The C# namespace of everything generated for the API."),
        new KeySpec("baseUrl", ValueKind.Text, false, "An absolute http or https URL, used when the HttpClient has no BaseAddress."),
        new KeySpec("description", ValueKind.Text, false, "The client's XML doc."),
    });

    public static readonly SectionSpec Auth = new("auth", "How requests authenticate.", new[]
    {
        new KeySpec("bearer", ValueKind.Mapping, true, "Authorization: Bearer <token>, from the client's AccessTokenProvider option (or true).", "bearer"),
    });

    public static readonly SectionSpec Bearer = new("bearer", "Bearer authentication.", new[]
    {
        new KeySpec("description", ValueKind.Text, false, "What the token is, for the option's XML doc."),
    });

    public static readonly SectionSpec Header = new("header", "A header every request may carry.", new[]
    {
        new KeySpec("option", ValueKind.Text, false, "The client option's name (default: the header name without X-)."),
        new KeySpec("description", ValueKind.Text, false, "The option's XML doc."),
    });

    public static readonly SectionSpec Locale = new("locale", "A path prefix that selects the response language.", new[]
    {
        new KeySpec("placeholder", ValueKind.Text, true, "The path placeholder that endpoints fill from the Locale option."),
        new KeySpec("default", ValueKind.Text, true, "The Locale option's default."),
        new KeySpec("pattern", ValueKind.Text, false, "A regex the locale must match, checked when the client is created."),
        new KeySpec("description", ValueKind.Text, false, "The option's XML doc."),
    });

    public static readonly SectionSpec Query = new("query", "How lists and objects go into query strings.", new[]
    {
        new KeySpec("style", ValueKind.Text, false, "form (default), comma, brackets or deepObject.", Values: QueryStyles),
    });

    public static readonly SectionSpec Envelope = new("envelope", "The envelope every response comes in, generic over the payload.", new[]
    {
        new KeySpec("typeName", ValueKind.Text, true, "The envelope's C# name: <typeName><TPayload>."),
        new KeySpec("payload", ValueKind.Text, true, "The property that carries each endpoint's response."),
        new KeySpec("description", ValueKind.Text, false, "The envelope's XML doc."),
        new KeySpec("properties", ValueKind.NamedMappings, false, "The envelope's other properties, by wire name.", "type node"),
    });

    public static readonly SectionSpec Errors = new("errors", "Error responses.", new[]
    {
        new KeySpec("body", ValueKind.TypeNode, false, "Without an envelope: the whole error body."),
        new KeySpec("payload", ValueKind.TypeNode, false, "With an envelope: the envelope's payload on an error."),
        new KeySpec("responses", ValueKind.NamedMappings, false, "What each status (400 to 599, or default) means.", "error response"),
    });

    public static readonly SectionSpec ErrorResponse = new("error response", "What an error status means: text, or a mapping.", new[]
    {
        new KeySpec("description", ValueKind.Text, false, "Quoted in the exception's message."),
    });

    public static readonly SectionSpec EndpointError = new("endpoint error response", "What an error status of this endpoint means, and its body when the page shows one.", ErrorResponse.Keys
        .Append(new KeySpec("body", ValueKind.TypeNode, false, "The whole body on this status (an object, array or map), read into the exception's EndpointError."))
        .ToArray());

    public static readonly SectionSpec Paging = new("paging", "How the API pages its lists: page numbers (page:) or offsets (offset:), and the response members of a page.", new[]
    {
        new KeySpec("page", ValueKind.Text, false, "The integer query parameter holding the page number; or offset:."),
        new KeySpec("offset", ValueKind.Text, false, "The integer query parameter holding the index of the page's first item; or page:."),
        new KeySpec("firstPage", ValueKind.Integer, false, "The number of the first page (default 1), with page:."),
        new KeySpec("items", ValueKind.Text, true, "The response member holding the page's items, an array."),
        new KeySpec("totalPages", ValueKind.Text, false, "The integer response member holding the number of pages, with page:."),
        new KeySpec("total", ValueKind.Text, false, "The integer response member holding the number of items, with offset:."),
    });

    public static readonly SectionSpec EndpointFile = new("endpoint file", "A file with a top-level endpoint: section: one endpoint.", new[]
    {
        new KeySpec("endpoint", ValueKind.Mapping, true, "The method, path and names.", "endpoint"),
        new KeySpec("pathParameters", ValueKind.NamedMappings, false, "One per {placeholder} of the path.", "path parameter"),
        new KeySpec("queryParameters", ValueKind.NamedMappings, false, "Query string parameters.", "query parameter"),
        new KeySpec("headerParameters", ValueKind.NamedMappings, false, "Headers this endpoint takes, by header name.", "header parameter"),
        new KeySpec("formParameters", ValueKind.NamedMappings, false, "The fields of a multipart/form-data body.", "form parameter"),
        new KeySpec("body", ValueKind.TypeNode, false, "The JSON request body."),
        new KeySpec("response", ValueKind.TypeNode, true, "The payload (with an envelope) or the whole body; none for no body, file for a download."),
        new KeySpec("errors", ValueKind.NamedMappings, false, "Error statuses this endpoint documents, by status.", "endpoint error response"),
        new KeySpec("examples", ValueKind.NamedMappings, false, "Example responses by status, as text; the test fake answers with them."),
    });

    public static readonly SectionSpec Endpoint = new("endpoint", "The endpoint itself.", new[]
    {
        new KeySpec("api", ValueKind.Text, true, "The name in the API file."),
        new KeySpec("group", ValueKind.Text, true, "The client property that holds the method: client.<Group>."),
        new KeySpec("name", ValueKind.Text, true, "The method: <Name>Async."),
        new KeySpec("method", ValueKind.Text, true, "The HTTP method.", Values: HttpMethods),
        new KeySpec("path", ValueKind.Text, true, "The path template; each {placeholder} needs a path parameter."),
        new KeySpec("status", ValueKind.Integer, false, "The documented success status, 200 to 299 (default 200)."),
        new KeySpec("summary", ValueKind.Text, false, "The method's <summary>."),
        new KeySpec("description", ValueKind.Text, false, "The method's <remarks>."),
        new KeySpec("deprecated", ValueKind.Boolean, false, "The methods get [Obsolete]."),
        new KeySpec("paged", ValueKind.Boolean, false, "false: the endpoint takes the paging parameter but is no list the API's paging walks (no <Name>AllAsync, no SPEC019)."),
    });

    public static readonly SectionSpec PathParameter = new("path parameter", "A path parameter: a scalar.", new[]
    {
        new KeySpec("type", ValueKind.Text, false, "string (default), integer, number, boolean, date-time or date."),
        new KeySpec("description", ValueKind.Text, false, "The parameter's XML doc."),
        new KeySpec("pattern", ValueKind.Text, false, "A regex the whole value must match, checked before sending."),
        new KeySpec("example", ValueKind.Text, false, "A sample value for the docs."),
    });

    public static readonly SectionSpec QueryParameter = new("query parameter", "A query parameter: a type node of its own.", new[]
    {
        new KeySpec("type", ValueKind.Text, false, "A scalar, enum, array, object, map or declared type (default string)."),
        new KeySpec("optional", ValueKind.Boolean, false, "Left out of the query when null; a trailing parameter with a null default."),
        new KeySpec("description", ValueKind.Text, false, "The parameter's XML doc."),
        new KeySpec("example", ValueKind.Text, false, "A sample value for the docs."),
        new KeySpec("style", ValueKind.Text, false, "This parameter's query style, instead of the API's.", Values: QueryStyles),
        new KeySpec("value", ValueKind.Text, false, "A value the endpoint always sends (?Action=List): text, and no method parameter."),
        new KeySpec("typeName", ValueKind.Text, false, "The C# name of an inline object or enum."),
        new KeySpec("items", ValueKind.TypeNode, false, "An array's item type, a map's value type."),
        new KeySpec("values", ValueKind.List, false, "An enum's possible values."),
        new KeySpec("properties", ValueKind.NamedMappings, false, "An object's properties, by wire name.", "type node"),
    });

    public static readonly SectionSpec FormParameter = new("form parameter", "A field of a multipart/form-data body.", new[]
    {
        new KeySpec("type", ValueKind.Text, false, "string (default), integer, number, boolean, date-time, date, enum or file."),
        new KeySpec("optional", ValueKind.Boolean, false, "Left out of the form when null."),
        new KeySpec("description", ValueKind.Text, false, "The parameter's XML doc."),
        new KeySpec("example", ValueKind.Text, false, "A sample value for the docs."),
        new KeySpec("typeName", ValueKind.Text, false, "The C# name of an inline enum."),
        new KeySpec("values", ValueKind.List, false, "An enum's possible values."),
    });

    public static readonly SectionSpec HeaderParameter = new("header parameter", "A header one endpoint takes.", FormParameter.Keys
        .Select(k => k.Name == "type" ? k with { Doc = "string (default), integer, number, boolean, date-time, date or enum." } : k.Name == "optional" ? k with { Doc = "Not sent when null." } : k)
        .Append(new KeySpec("value", ValueKind.Text, false, "A value the endpoint always sends (X-Amz-Target: Service.Action): text, and no method parameter."))
        .ToArray());

    public static readonly SectionSpec TypeNode = new("type node", "A property, an array's items, a map's values, a body or a response: a type name, or a mapping.", new[]
    {
        new KeySpec("type", ValueKind.Text, false, "string, integer, number, boolean, date-time, date, any, object, array, map, enum, file, or a declared type."),
        new KeySpec("nullable", ValueKind.Boolean, false, "The value may be JSON null."),
        new KeySpec("optional", ValueKind.Boolean, false, "The member may be absent: left out of a request when unset (properties only)."),
        new KeySpec("deprecated", ValueKind.Boolean, false, "The property gets [Obsolete] (properties only)."),
        new KeySpec("description", ValueKind.Text, false, "The XML doc <summary>."),
        new KeySpec("example", ValueKind.Text, false, "A sample value, shown as <example>."),
        new KeySpec("typeName", ValueKind.Text, false, "The C# name of an inline object or enum."),
        new KeySpec("properties", ValueKind.NamedMappings, false, "An object's properties, by wire name.", "type node"),
        new KeySpec("items", ValueKind.TypeNode, false, "An array's item type, a map's value type."),
        new KeySpec("values", ValueKind.List, false, "An enum's possible values."),
    });

    public static readonly SectionSpec SharedFile = new("shared types file", "A file with a top-level shared: section: types several endpoints share.", new[]
    {
        new KeySpec("shared", ValueKind.Mapping, true, "The API the types belong to.", "shared"),
        new KeySpec("types", ValueKind.NamedMappings, true, "Named objects and enums, by name.", "type node"),
    });

    public static readonly SectionSpec Shared = new("shared", "What the shared types belong to.", new[]
    {
        new KeySpec("api", ValueKind.Text, true, "The name in the API file."),
        new KeySpec("description", ValueKind.Text, false, "For readers of the spec."),
    });

    /// <summary>Every section, each once, in the order the key reference lists them.</summary>
    public static IReadOnlyList<SectionSpec> Sections { get; } = new[]
    {
        ApiFile, Api, Auth, Bearer, Header, Locale, Query, Envelope, Errors, ErrorResponse, Paging,
        EndpointFile, Endpoint, PathParameter, QueryParameter, HeaderParameter, FormParameter, EndpointError,
        TypeNode, SharedFile, Shared,
    };

    public static SectionSpec Section(string id) => Sections.First(s => s.Id == id);
}

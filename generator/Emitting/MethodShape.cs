using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Binding;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Patterns;

namespace SpecClient.Generator.Emitting;

/// <summary>Where a parameter goes in the request.</summary>
internal enum ParameterKind
{
    Path,
    Query,
    Form,
    Header,
}

/// <summary>A parameter of a generated method: its spec, C# name and type, and its typed overload's type.</summary>
internal sealed record Parameter(ParameterModel Model, ParameterKind Kind, string Name, string Type, string? TypedType, bool Optional)
{
    public bool NeedsNullCheck => !Optional && !IsValueType;

    /// <summary>Whether the C# type is a struct: an optional one is Nullable&lt;T&gt;.</summary>
    public bool IsValueType => Model.Type.Kind is not (TypeKind.String or TypeKind.Array or TypeKind.Map or TypeKind.Object or TypeKind.File);
}

/// <summary>The C# shape of one endpoint method, derived once and read by the emitting code.</summary>
internal sealed class MethodShape
{
    /// <summary>Names the generated method uses itself.</summary>
    /// <remarks>"nameof": a parameter of that name turns every nameof(...) of the method into a call of it.</remarks>
    private static readonly string[] ReservedParameterNames = { "cancellationToken", "body", "path", "query", "content", "extras", "capture", "nameof" };

    /// <summary>The names of the lambdas' parameters in a paged endpoint's AllAsync.</summary>
    private static readonly string[] ReservedPagingNames = ReservedParameterNames.Concat(new[] { "cancellation", "response" }).ToArray();

    private readonly EndpointSource _source;

    public MethodShape(EndpointSource source)
    {
        _source = source;
        var endpoint = source.Endpoint;
        Name = MemberNames.Method(endpoint.Name);
        WithResponseName = MemberNames.MethodWithResponse(endpoint.Name);
        AllName = MemberNames.MethodAll(endpoint.Name);
        // Private members are "<Endpoint>_<Role>": spec names never hold '_' past their first
        // character, so these can clash neither with public methods nor with each other.
        var prefix = Identifiers.ToPascalCase(endpoint.Name) + "_";
        ConverterField = prefix + "ResponseConverter";
        OperationField = prefix + "Operation";
        ErrorMeaningMethod = prefix + "ErrorMeaning";
        ErrorBodyMethod = prefix + "ErrorBody";
        SendName = prefix + "SendAsync";
        Body = endpoint.Body;
        BodyIsOptional = source.BodyIsOptional;

        var pathParameters = endpoint.PathParameters.OrderBy(p => endpoint.Path.IndexOf("{" + p.WireName + "}", System.StringComparison.Ordinal)).ToList();
        var queryParameters = endpoint.QueryParameters.Where(p => p.Value is null).OrderBy(p => p.Optional).ToList();
        var formParameters = endpoint.FormParameters.OrderBy(p => p.Optional).ToList();
        var headerParameters = endpoint.HeaderParameters.Where(p => p.Value is null).OrderBy(p => p.Optional).ToList();
        ConstantQuery = endpoint.QueryParameters.Where(p => p.Value is not null).ToList();
        ConstantHeaders = endpoint.HeaderParameters.Where(p => p.Value is not null).ToList();
        var names = MemberNames.UniqueLocals(
            pathParameters.Concat(queryParameters).Concat(formParameters).Select(p => MemberNames.Local(p.WireName))
                .Concat(headerParameters.Select(p => MemberNames.HeaderLocal(p.WireName))).ToList(),
            source.Paging is null ? ReservedParameterNames : ReservedPagingNames,
            "Parameter");
        var parameters = new List<Parameter>();
        foreach (var p in pathParameters)
        {
            var typed = p.Type.Kind != TypeKind.String || p.Pattern is null ? null
                : RoutePatterns.IsUuid(p.Pattern) ? "Guid"
                : RoutePatterns.IsDigits(p.Pattern) ? "ulong"
                : null;
            parameters.Add(new Parameter(p, ParameterKind.Path, names[parameters.Count], TypeEmitter.CSharpType(p.Type), typed, false));
        }

        foreach (var p in queryParameters)
        {
            parameters.Add(new Parameter(p, ParameterKind.Query, names[parameters.Count], TypeEmitter.CSharpType(p.Type, p.Optional), null, p.Optional));
        }

        foreach (var p in formParameters)
        {
            parameters.Add(new Parameter(p, ParameterKind.Form, names[parameters.Count], TypeEmitter.CSharpType(p.Type, p.Optional), null, p.Optional));
        }

        foreach (var p in headerParameters)
        {
            parameters.Add(new Parameter(p, ParameterKind.Header, names[parameters.Count], TypeEmitter.CSharpType(p.Type, p.Optional), null, p.Optional));
        }

        Parameters = parameters;
        PatternParameters = endpoint.PathParameters.Where(p => p.Pattern is not null).ToList();

        if (endpoint.Response is { Kind: TypeKind.File })
        {
            // A download: the body as a stream, whatever the API's envelope.
            ResponseType = "global::System.IO.Stream";
        }
        else if (endpoint.Response is { } response)
        {
            var payload = TypeEmitter.CSharpType(response);
            ResponseType = source.Api.EnvelopeTypeName is { } envelope ? MemberNames.Type(envelope) + "<" + payload + ">" : payload;
            ResponseConverter = source.Api.EnvelopeTypeName is { } envelopeName
                ? "new " + MemberNames.Converter(MemberNames.Type(envelopeName)) + "<" + payload + ">(" + TypeEmitter.Converter(response) + ")"
                : TypeEmitter.Converter(response);
        }

        HttpMethod = endpoint.Method switch
        {
            "GET" => "HttpMethod.Get",
            "POST" => "HttpMethod.Post",
            "PUT" => "HttpMethod.Put",
            "DELETE" => "HttpMethod.Delete",
            "HEAD" => "HttpMethod.Head",
            "OPTIONS" => "HttpMethod.Options",
            _ => "new HttpMethod(" + CSharpText.Literal(endpoint.Method) + ")",
        };
    }

    public string Name { get; }

    /// <summary>The twin that returns the status and headers beside the result: ReadWithResponseAsync.</summary>
    public string WithResponseName { get; }

    /// <summary>The paged twin that walks every page: ListAllAsync.</summary>
    public string AllName { get; }

    public bool Deprecated => _source.Endpoint.Deprecated;

    /// <summary>How the paged twin walks the pages, for a list endpoint; else null.</summary>
    public PagingSource? Paging => _source.Paging;

    /// <summary>The API's query style, for list and object parameters that do not name their own.</summary>
    public string QueryStyle => _source.Api.QueryStyle;

    public string SendName { get; }

    public string ConverterField { get; }

    /// <summary>The static field naming the endpoint for traces, metrics and logs.</summary>
    public string OperationField { get; }

    /// <summary>The group class's method that says what the endpoint's documented error statuses mean.</summary>
    public string ErrorMeaningMethod { get; }

    /// <summary>Whether the endpoint documents error statuses of its own.</summary>
    public bool HasErrorMeanings => !_source.Endpoint.Errors.IsEmpty;

    /// <summary>The group class's method that reads an error body as the endpoint types it for the status.</summary>
    public string ErrorBodyMethod { get; }

    /// <summary>Whether the endpoint types the body of some of its error statuses.</summary>
    public bool HasErrorBodies => _source.Endpoint.Errors.Any(e => e.Body is not null);

    /// <summary>Query parameters the endpoint always sends with their value: no method parameters.</summary>
    public IReadOnlyList<ParameterModel> ConstantQuery { get; }

    /// <summary>Headers the endpoint always sends with their value.</summary>
    public IReadOnlyList<ParameterModel> ConstantHeaders { get; }

    /// <summary>Whether the call carries RequestExtras: headers of its own, or error statuses of its own.</summary>
    public bool HasExtras => HasErrorMeanings || ConstantHeaders.Count > 0 || Parameters.Any(p => p.Kind == ParameterKind.Header);

    /// <summary>What the method returns, or null for "response: none".</summary>
    public string? ResponseType { get; }

    public string? ResponseConverter { get; }

    /// <summary>A path parameter as the text that is checked against its pattern and sent: a date as yyyy-MM-dd.</summary>
    /// <summary>A route value as text, written as JSON writes it (true, 1.5, ISO 8601), whatever the culture.</summary>
    public static string PathText(Parameter parameter) => parameter.Type == "string" ? parameter.Name : parameter.Model.Type.Kind switch
    {
        TypeKind.Date => "DateText.Format(" + parameter.Name + ")",
        TypeKind.Boolean => parameter.Name + " ? \"true\" : \"false\"",
        TypeKind.Number => parameter.Name + ".ToString(\"R\", CultureInfo.InvariantCulture)",
        TypeKind.DateTime => parameter.Name + ".ToString(\"O\", CultureInfo.InvariantCulture)",
        _ => parameter.Name + ".ToString(CultureInfo.InvariantCulture)",
    };

    /// <summary>Whether the method returns the body as a stream.</summary>
    public bool ReturnsStream => _source.Endpoint.Response is { Kind: TypeKind.File };

    /// <summary>Task, or Task of the response.</summary>
    public string ReturnType => ResponseType is null ? "Task" : "Task<" + ResponseType + ">";

    /// <summary>The twin's return type: the result with its status and headers.</summary>
    public string WithResponseReturnType => ResponseType is null ? "Task<ApiResponse>" : "Task<ApiResponse<" + ResponseType + ">>";

    public string HttpMethod { get; }

    public TypeRef? Body { get; }

    public bool BodyIsOptional { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public IReadOnlyList<ParameterModel> PatternParameters { get; }

    public bool HasTypedOverload => Parameters.Any(p => p.TypedType is not null);

    /// <summary>The parameters checked before sending: documented patterns and required strings; typed ones are valid by construction.</summary>
    public IEnumerable<Parameter> GuardedParameters(bool typed)
        => Parameters.Where(p => !(typed && p.TypedType is not null) && ((p.Kind == ParameterKind.Path && p.Model.Pattern is not null) || p.NeedsNullCheck));

    public bool HasGuards(bool typed) => GuardedParameters(typed).Any() || BodyNeedsNullCheck;

    /// <summary>Whether the body is a required reference: a struct body (any, a number, an enum) cannot be null.</summary>
    public bool BodyNeedsNullCheck => Body is { Kind: TypeKind.String or TypeKind.Array or TypeKind.Map or TypeKind.Object } && !BodyIsOptional;

    /// <summary>Parameter names unique per method, so their PascalCase forms make distinct field names.</summary>
    public string PatternField(ParameterModel parameter)
        => Identifiers.ToPascalCase(_source.Endpoint.Name) + "_" + Identifiers.ToPascalCase(Parameters.First(p => p.Model == parameter).Name.TrimStart('@')) + "Pattern";

    public string Signature(bool typed, bool withResponse = false)
        => (withResponse ? WithResponseReturnType + " " + WithResponseName : ReturnType + " " + Name) + "(" + string.Join(", ", DeclaredParameters(typed)) + ")";

    public string SendSignature()
        => ReturnType + " " + SendName + "(" + string.Join(", ", DeclaredParameters(typed: false, forSend: true)) + ")";

    /// <summary>The call to the Send method from a public method: the twin passes a capture for the status and headers.</summary>
    public string SendCall(bool typed, bool withResponse)
    {
        var arguments = SendArguments(typed).ToList();
        arguments.Insert(arguments.Count - 1, withResponse ? "capture" : "capture: null");
        var call = SendName + "(" + string.Join(", ", arguments) + ")";
        return withResponse ? "ResponseCapture.ReadAsync(capture => " + call + ")" : call;
    }

    /// <summary>A type as XML doc crefs write it: IReadOnlyList{Line}.</summary>
    private static string Cref(string type) => type.Replace('<', '{').Replace('>', '}');

    public IEnumerable<string> CrefParameterTypes()
    {
        foreach (var parameter in Parameters.Where(p => !p.Optional))
        {
            yield return Cref(parameter.Type);
        }

        if (Body is not null && !BodyIsOptional)
        {
            yield return Cref(TypeEmitter.CSharpType(Body));
        }

        foreach (var parameter in Parameters.Where(p => p.Optional))
        {
            var type = Cref(parameter.Type.TrimEnd('?'));
            yield return parameter.IsValueType ? "Nullable{" + type + "}" : type;
        }

        if (Body is not null && BodyIsOptional)
        {
            yield return Cref(TypeEmitter.CSharpType(Body));
        }

        yield return "CancellationToken";
    }

    /// <summary>The arguments of the call to the Send method, in the order <see cref="DeclaredParameters"/> declares them.</summary>
    public IEnumerable<string> SendArguments(bool typed)
    {
        foreach (var parameter in Parameters.Where(p => !p.Optional))
        {
            yield return !typed || parameter.TypedType is null ? parameter.Name
                : parameter.TypedType == "Guid" ? parameter.Name + ".ToString(\"D\", CultureInfo.InvariantCulture)"
                : parameter.Name + ".ToString(CultureInfo.InvariantCulture)";
        }

        if (Body is not null && !BodyIsOptional)
        {
            yield return "body";
        }

        foreach (var parameter in Parameters.Where(p => p.Optional))
        {
            yield return parameter.Name;
        }

        if (Body is not null && BodyIsOptional)
        {
            yield return "body";
        }

        yield return "cancellationToken";
    }

    public string PathExpression()
    {
        var parts = new List<string>();
        var path = _source.Endpoint.Path.TrimStart('/');
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(CSharpText.Literal(path.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(CSharpText.Literal(path.Substring(position, open - position)));
            }

            var close = path.IndexOf('}', open);
            var wireName = path.Substring(open + 1, close - open - 1);
            position = close + 1;
            if (wireName == _source.Api.LocalePlaceholder && !Parameters.Any(p => p.Kind == ParameterKind.Path && p.Model.WireName == wireName))
            {
                // Validated when the client was created.
                parts.Add("UriPath.EscapeSegment(Locale)");
                continue;
            }

            var parameter = Parameters.First(p => p.Kind == ParameterKind.Path && p.Model.WireName == wireName);
            parts.Add("UriPath.EscapeSegment(" + PathText(parameter) + ")");
        }

        return parts.Count == 0 ? "string.Empty" : string.Join(" + ", parts);
    }

    /// <summary>The paged twin, ListAllAsync: the method's parameters without the paging one.</summary>
    /// <param name="paging">The endpoint's paging.</param>
    public string AllSignature(PagingSource paging)
        => "global::System.Collections.Generic.IAsyncEnumerable<" + TypeEmitter.CSharpType(paging.Item) + "> " + AllName + "(" + string.Join(", ", DeclaredParameters(typed: false, without: PagingParameter(paging))) + ")";

    /// <summary>The query parameter that moves through the pages.</summary>
    public Parameter PagingParameter(PagingSource paging) => Parameters.First(p => p.Kind == ParameterKind.Query && p.Model.WireName == paging.Parameter);

    private IEnumerable<string> DeclaredParameters(bool typed, bool forSend = false, Parameter? without = null)
    {
        foreach (var parameter in Parameters.Where(p => !p.Optional && p != without))
        {
            yield return (typed && parameter.TypedType is not null ? parameter.TypedType : parameter.Type) + " " + parameter.Name;
        }

        if (Body is not null && !BodyIsOptional)
        {
            yield return TypeEmitter.CSharpType(Body) + " body";
        }

        foreach (var parameter in Parameters.Where(p => p.Optional && p != without))
        {
            yield return parameter.Type + " " + parameter.Name + (forSend ? string.Empty : " = null");
        }

        if (Body is not null && BodyIsOptional)
        {
            yield return TypeEmitter.CSharpType(Body) + "? body" + (forSend ? string.Empty : " = null");
        }

        if (forSend)
        {
            yield return "ResponseCapture? capture";
        }

        yield return forSend ? "CancellationToken cancellationToken" : "CancellationToken cancellationToken = default";
    }
}

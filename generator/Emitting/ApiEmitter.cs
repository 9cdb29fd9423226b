using System.Linq;
using SpecClient.Generator.Binding;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Patterns;

namespace SpecClient.Generator.Emitting;

/// <summary>Emits the file of one API: client and interface, endpoint groups, envelope, exception and shared types.</summary>
internal static class ApiEmitter
{
    /// <param name="source">The API to emit.</param>
    /// <param name="dependencyInjection">Whether the project references Microsoft.Extensions.Http, so that the DI registration is emitted.</param>
    public static string Emit(ApiSource source, bool dependencyInjection)
    {
        var api = source.Api;
        var writer = new SourceWriter();
        var deprecated = FileHeader.HasDeprecated(api.Objects) || (api.Envelope?.Properties.Any(p => p.Deprecated) ?? false);
        var types = FileHeader.PropertyTypes(api.Objects).Concat((api.Envelope?.Properties ?? EquatableArray<PropertyModel>.Empty).Select(p => (TypeRef?)p.Type)).Concat(new[] { api.ErrorBody });
        FileHeader.Write(writer, source.RelativePath, api.Namespace, dependencyInjection, deprecated, FileHeader.UsesDates(types));
        EmitInterface(writer, source);
        writer.BlankLine();
        EmitClient(writer, source);
        writer.BlankLine();
        EmitOptions(writer, api);
        if (dependencyInjection)
        {
            writer.BlankLine();
            EmitServiceCollectionExtensions(writer, api);
        }

        foreach (var group in source.Groups)
        {
            writer.BlankLine();
            EmitGroup(writer, group, api.Locale is not null);
        }

        if (api.Envelope is { } envelope)
        {
            writer.BlankLine();
            EmitEnvelope(writer, envelope);
        }

        writer.BlankLine();
        EmitException(writer, api);
        if (!api.Objects.IsEmpty || !api.Enums.IsEmpty)
        {
            writer.BlankLine();
            TypeEmitter.EmitTypes(writer, api.Objects, api.Enums, scope: null);
        }

        return writer.ToString();
    }

    private static void EmitInterface(SourceWriter writer, ApiSource source)
    {
        var api = source.Api;
        writer.Summary(api.Description, "The " + api.Name + " API.");
        writer.Open("public partial interface I" + MemberNames.Client(api.Name));
        var first = true;
        foreach (var group in source.Groups)
        {
            if (!first)
            {
                writer.BlankLine();
            }

            first = false;
            writer.Doc("summary", "The " + group + " endpoints.");
            writer.Line("I" + MemberNames.Group(group) + " " + MemberNames.GroupProperty(group, api.Name, source.Groups) + " { get; }");
        }

        var options = MemberNames.Options(api.Name);
        if (!first)
        {
            writer.BlankLine();
        }

        writer.RawDoc("<summary>A copy of the options this client was created with.</summary>");
        writer.Line(options + " Options { get; }");
        writer.BlankLine();
        writer.RawDoc("<summary>A client sharing this one's HttpClient, with changed options: for some calls only, say.</summary>");
        writer.RawDoc("<param name=\"change\">Returns the new options from a copy of this client's: <c>options =&gt; options with { ... }</c>.</param>");
        writer.Line("I" + MemberNames.Client(api.Name) + " WithOptions(Func<" + options + ", " + options + "> change);");
        writer.Close();
    }

    private static void EmitClient(SourceWriter writer, ApiSource source)
    {
        var api = source.Api;
        var client = MemberNames.Client(api.Name);
        var options = MemberNames.Options(api.Name);
        var prepares = api.BearerAuth is not null || !api.Headers.IsEmpty;
        writer.Summary(api.Description, "The " + api.Name + " API.");
        writer.Open("public sealed partial class " + client + " : I" + client);
        if (api.BaseUrl is not null)
        {
            writer.RawDoc("<summary>The base URL from the spec, used when neither the options nor the HttpClient set a base address.</summary>");
            writer.Line("public const string DefaultBaseUrl = " + CSharpText.Literal(api.BaseUrl) + ";");
            writer.BlankLine();
        }

        if (api.Locale is { Pattern: { } localePattern })
        {
            writer.Line("private static readonly RoutePattern LocalePattern = new(\"Locale\", " + CSharpText.Literal(localePattern) + ", " + CSharpText.Literal(RoutePatterns.Anchor(localePattern)) + ");");
            writer.BlankLine();
        }

        writer.Line("private readonly HttpClient _httpClient;");
        writer.Line("private readonly " + options + " _options;");
        writer.BlankLine();
        writer.RawDoc("<summary>Creates a client that sends its requests with <paramref name=\"httpClient\"/>, with default options.</summary>");
        writer.RawDoc("<param name=\"httpClient\">The client to send with." + (api.BaseUrl is null ? " Set its BaseAddress, or the options' one: the spec names no base URL." : string.Empty) + "</param>");
        writer.Line("public " + client + "(HttpClient httpClient)");
        writer.Line("    : this(httpClient, new " + options + "())");
        writer.Line("{");
        writer.Line("}");
        writer.BlankLine();
        writer.RawDoc("<summary>Creates a client that sends its requests with <paramref name=\"httpClient\"/>.</summary>");
        writer.RawDoc("<param name=\"httpClient\">The client to send with.</param>");
        writer.RawDoc("<param name=\"options\">The client's settings, copied: changing them later does not change this client.</param>");
        writer.Open("public " + client + "(HttpClient httpClient, " + options + " options)");
        writer.Line("_httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));");
        writer.Line("_options = (options ?? throw new ArgumentNullException(nameof(options))) with { };");
        if (api.Locale is { Pattern: not null })
        {
            writer.Line("LocalePattern.Validate(_options.Locale);");
        }

        var prepare = prepares ? "PrepareRequestAsync" : "prepareRequest: null";
        writer.Line("var transport = new ApiTransport(httpClient, _options.BaseAddress, " + (api.BaseUrl is null ? "defaultBaseUrl: null" : "DefaultBaseUrl") + ", " + CSharpText.Literal(api.Name) + ", " + MemberNames.Exception(api.Name) + ".FromFailure, " + prepare + ");");
        foreach (var group in source.Groups)
        {
            writer.Line(MemberNames.GroupProperty(group, api.Name, source.Groups) + " = new " + MemberNames.Group(group) + "(transport" + (api.Locale is null ? string.Empty : ", _options.Locale") + ");");
        }

        writer.Close();
        foreach (var group in source.Groups)
        {
            writer.BlankLine();
            writer.RawDoc("<inheritdoc/>");
            writer.Line("public I" + MemberNames.Group(group) + " " + MemberNames.GroupProperty(group, api.Name, source.Groups) + " { get; }");
        }

        writer.BlankLine();
        writer.RawDoc("<inheritdoc/>");
        writer.Line("public " + options + " Options => _options with { };");
        writer.BlankLine();
        writer.RawDoc("<inheritdoc cref=\"I" + client + ".WithOptions\"/>");
        writer.Line("public " + client + " WithOptions(Func<" + options + ", " + options + "> change)");
        writer.Line("    => new(_httpClient, (change ?? throw new ArgumentNullException(nameof(change)))(_options with { }));");
        writer.BlankLine();
        writer.RawDoc("<inheritdoc/>");
        writer.Line("I" + client + " I" + client + ".WithOptions(Func<" + options + ", " + options + "> change) => WithOptions(change);");
        if (prepares)
        {
            writer.BlankLine();
            EmitPrepareRequest(writer, api);
        }

        writer.Close();
    }

    /// <summary>Adds the API-wide headers. Tokens go into the Authorization header only, never into a message.</summary>
    private static void EmitPrepareRequest(SourceWriter writer, ApiModel api)
    {
        var isAsync = api.BearerAuth is not null;
        writer.Open("private " + (isAsync ? "async " : string.Empty) + "ValueTask PrepareRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)");
        foreach (var header in api.Headers)
        {
            var local = MemberNames.Local(header.Option).TrimStart('@') + "Header";
            writer.Open("if (_options." + header.Option + " is { } " + local + ")");
            writer.Line("request.Headers.Add(" + CSharpText.Literal(header.Name) + ", " + local + ");");
            writer.Close();
            writer.BlankLine();
        }

        if (isAsync)
        {
            writer.Open("if (_options.AccessTokenProvider is { } tokens && await tokens(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)");
            writer.Line("request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue(\"Bearer\", token);");
            writer.Close();
        }
        else
        {
            writer.Line("return default;");
        }

        writer.Close();
    }

    private static void EmitOptions(SourceWriter writer, ApiModel api)
    {
        var client = MemberNames.Client(api.Name);
        writer.Doc("summary", "Settings of a " + client + ". The client copies them when it is created.");
        writer.Open("public sealed record " + MemberNames.Options(api.Name));
        writer.RawDoc("<summary>Where requests go. When null: the HttpClient's BaseAddress" + (api.BaseUrl is null ? "." : ", then <see cref=\"" + client + ".DefaultBaseUrl\"/>.") + "</summary>");
        writer.Line("public Uri? BaseAddress { get; set; }");
        if (api.BearerAuth is { } bearer)
        {
            writer.BlankLine();
            var description = CSharpText.IsBlank(bearer.Description) ? string.Empty : " " + string.Join(" ", CSharpText.XmlLines(bearer.Description!));
            writer.RawDoc("<summary>Supplies the token sent as <c>Authorization: Bearer</c>, once per request, so that it can be refreshed; no header when it gives null." + description + "</summary>");
            writer.Line("public Func<CancellationToken, Task<string?>>? AccessTokenProvider { get; set; }");
        }

        foreach (var header in api.Headers)
        {
            writer.BlankLine();
            var description = CSharpText.IsBlank(header.Description) ? string.Empty : string.Join(" ", CSharpText.XmlLines(header.Description!)) + " ";
            writer.RawDoc("<summary>" + description + "Sent as the <c>" + string.Join(" ", CSharpText.XmlLines(header.Name)) + "</c> header when not null.</summary>");
            writer.Line("public string? " + header.Option + " { get; set; }");
        }

        if (api.Locale is { } locale)
        {
            writer.BlankLine();
            var description = CSharpText.IsBlank(locale.Description) ? string.Empty : string.Join(" ", CSharpText.XmlLines(locale.Description!)) + " ";
            var pattern = locale.Pattern is null ? string.Empty : " Must match <c>" + string.Join(" ", CSharpText.XmlLines(locale.Pattern)) + "</c>.";
            writer.RawDoc("<summary>" + description + "Fills the <c>{" + string.Join(" ", CSharpText.XmlLines(locale.Placeholder)) + "}</c> segment of localized paths." + pattern + "</summary>");
            writer.Line("public string Locale { get; set; } = " + CSharpText.Literal(locale.Default) + ";");
        }

        writer.Close();
    }

    private static void EmitServiceCollectionExtensions(SourceWriter writer, ApiModel api)
    {
        var client = MemberNames.Client(api.Name);
        var options = MemberNames.Options(api.Name);
        writer.Doc("summary", "Registers the " + api.Name + " client with dependency injection and IHttpClientFactory.");
        writer.Open("public static class " + MemberNames.ServiceCollectionExtensions(api.Name));
        writer.RawDoc("<summary>Registers <see cref=\"I" + client + "\"/> as a typed client of IHttpClientFactory, with its options.</summary>");
        writer.RawDoc("<param name=\"services\">The services to add to.</param>");
        writer.RawDoc("<param name=\"configure\">Sets the options (base address, tokens, headers), or null to keep the defaults.</param>");
        writer.RawDoc("<returns>The HttpClient's builder, to chain handlers such as <c>AddStandardResilienceHandler()</c>.</returns>");
        writer.Open("public static IHttpClientBuilder Add" + client + "(this IServiceCollection services, Action<" + options + ">? configure = null)");
        writer.Line("var options = services.AddOptions<" + options + ">();");
        writer.Open("if (configure is not null)");
        writer.Line("options.Configure(configure);");
        writer.Close();
        writer.BlankLine();
        writer.Line("return services.AddHttpClient<I" + client + ", " + client + ">(");
        writer.Line("    (httpClient, provider) => new " + client + "(httpClient, provider.GetRequiredService<IOptions<" + options + ">>().Value));");
        writer.Close();
        writer.Close();
    }

    private static void EmitGroup(SourceWriter writer, string group, bool localized)
    {
        var name = MemberNames.Group(group);
        writer.Doc("summary", "The " + group + " endpoints. Each endpoint spec adds its methods to this interface.");
        writer.Line("public partial interface I" + name);
        writer.Line("{");
        writer.Line("}");
        writer.BlankLine();
        writer.Doc("summary", "The " + group + " endpoints.");
        writer.Open("public sealed partial class " + name + " : I" + name);
        writer.Line("private readonly ApiTransport _transport;");
        writer.BlankLine();
        if (localized)
        {
            writer.Open("internal " + name + "(ApiTransport transport, string locale)");
            writer.Line("_transport = transport;");
            writer.Line("Locale = locale;");
            writer.Close();
            writer.BlankLine();
            writer.RawDoc("<summary>The client's locale, for localized paths.</summary>");
            writer.Line("private string Locale { get; }");
        }
        else
        {
            writer.Line("internal " + name + "(ApiTransport transport) => _transport = transport;");
        }

        writer.Close();
    }

    private static void EmitEnvelope(SourceWriter writer, EnvelopeModel envelope)
    {
        var typeName = MemberNames.Type(envelope.TypeName);
        var payloadProperty = MemberNames.Property(envelope.PayloadWireName, typeName);
        var converter = MemberNames.Converter(typeName);
        writer.Summary(envelope.Description, "The envelope every response of this API comes in.");
        writer.RawDoc("<typeparam name=\"TPayload\">The payload of the endpoint that answered.</typeparam>");
        writer.Open("public sealed partial record " + typeName + "<TPayload>");
        writer.RawDoc("<summary>The endpoint's payload.</summary>");
        writer.Line("[JsonPropertyName(" + CSharpText.Literal(envelope.PayloadWireName) + ")]");
        writer.Line("public required TPayload " + payloadProperty + " { get; init; }");
        writer.BlankLine();
        TypeEmitter.EmitProperties(writer, envelope.Properties, typeName, scope: null);
        writer.Close();
        writer.BlankLine();

        var payload = (envelope.PayloadWireName, payloadProperty);
        writer.RawDoc("<summary>Reads and writes <see cref=\"" + typeName + "{TPayload}\"/>, with the payload's own converter.</summary>");
        writer.Open("internal sealed class " + converter + "<TPayload> : JsonConverter<" + typeName + "<TPayload>>");
        writer.Line("private readonly JsonConverter<TPayload> _payloadConverter;");
        writer.BlankLine();
        writer.Line("public " + converter + "(JsonConverter<TPayload> payloadConverter) => _payloadConverter = payloadConverter;");
        writer.BlankLine();
        writer.Open("public override " + typeName + "<TPayload> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)");
        TypeEmitter.EmitReadBody(writer, typeName, typeName + "<TPayload>", envelope.Properties, payload, scope: null);
        writer.Close();
        writer.BlankLine();
        writer.Open("public override void Write(Utf8JsonWriter writer, " + typeName + "<TPayload> value, JsonSerializerOptions options)");
        TypeEmitter.EmitWriteBody(writer, typeName, envelope.Properties, payload, scope: null);
        writer.Close();
        writer.Close();
    }

    private static void EmitException(SourceWriter writer, ApiModel api)
    {
        var exception = MemberNames.Exception(api.Name);
        var errorType = ErrorType(api);
        writer.Doc("summary", "An error answered by the " + api.Name + " API, or a success response whose body does not match the spec.");
        writer.Open("public sealed class " + exception + " : ApiException");
        if (errorType is not null)
        {
            writer.Line("private static readonly JsonConverter<" + errorType + "> ErrorConverter = " + ErrorConverter(api) + ";");
            writer.BlankLine();
            writer.Line("private " + exception + "(ApiFailure failure, " + errorType + "? error)");
            writer.Line("    : base(failure, DocumentedMeaning((int)failure.StatusCode)) => Error = error;");
            writer.BlankLine();
            writer.RawDoc("<summary>The error body, read as the spec describes it; null when the body is not that JSON (an HTML page, an empty body) or the call succeeded with a malformed body.</summary>");
            writer.Line("public " + errorType + "? Error { get; }");
            writer.BlankLine();
            writer.Line("internal static " + exception + " FromFailure(ApiFailure failure)");
            writer.Line("    => new(failure, failure.ReadError is null ? failure.TryReadBody(ErrorConverter) : null);");
        }
        else
        {
            writer.Line("private " + exception + "(ApiFailure failure)");
            writer.Line("    : base(failure, DocumentedMeaning((int)failure.StatusCode))");
            writer.Line("{");
            writer.Line("}");
            writer.BlankLine();
            writer.Line("internal static " + exception + " FromFailure(ApiFailure failure) => new(failure);");
        }

        writer.BlankLine();
        EmitErrorMeaning(writer, "DocumentedMeaning", api.ErrorResponses);
        writer.Close();
    }

    /// <summary>
    /// A method that says what documented error statuses mean, for exception messages: the API's,
    /// or one endpoint's. "default" covers the other error statuses.
    /// </summary>
    internal static void EmitErrorMeaning(SourceWriter writer, string name, EquatableArray<ErrorResponseModel> errors)
    {
        writer.Line("private static string? " + name + "(int status) => status switch");
        writer.Line("{");
        writer.Indent();
        foreach (var response in errors.Where(r => r.Status != "default" && r.Description is not null))
        {
            writer.Line(response.Status + " => " + CSharpText.Literal(CSharpText.OneLine(response.Description!)) + ",");
        }

        var fallback = errors.FirstOrDefault(r => r.Status == "default")?.Description;
        writer.Line("_ => " + (fallback is null ? "null" : "status >= 400 ? " + CSharpText.Literal(CSharpText.OneLine(fallback)) + " : null") + ",");
        writer.Unindent();
        writer.Line("};");
    }

    private static string? ErrorType(ApiModel api)
    {
        if (api.ErrorBody.Kind is not (TypeKind.Object))
        {
            return null;
        }

        var body = MemberNames.Type(api.ErrorBody.Name!);
        return api.Envelope is { } envelope ? MemberNames.Type(envelope.TypeName) + "<" + body + ">" : body;
    }

    private static string ErrorConverter(ApiModel api)
        => api.Envelope is { } envelope
            ? "new " + MemberNames.Converter(MemberNames.Type(envelope.TypeName)) + "<" + MemberNames.Type(api.ErrorBody.Name!) + ">(" + TypeEmitter.Converter(api.ErrorBody) + ")"
            : TypeEmitter.Converter(api.ErrorBody);
}

using SpecClient.Generator.Binding;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Patterns;

namespace SpecClient.Generator.Emitting;

/// <summary>Emits an API's client class, its options record and its DI registration.</summary>
internal static class ClientEmitter
{
    /// <param name="writer">Where to write.</param>
    /// <param name="source">The API.</param>
    /// <param name="logs">Whether the client can take an ILogger (from its DI registration).</param>
    public static void EmitClient(SourceWriter writer, ApiSource source, bool logs)
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

        writer.RawDoc("<summary>The name of the ActivitySource and the Meter of this API's calls, for <c>AddSource</c> and <c>AddMeter</c>.</summary>");
        writer.Line("public const string TelemetrySourceName = " + CSharpText.Literal(api.Namespace + "." + client) + ";");
        writer.BlankLine();
        writer.Line("private static readonly ApiTelemetry s_telemetry = new(TelemetrySourceName);");
        if (logs)
        {
            // Qualified: the API's own types may take any of these names.
            writer.Line("private static readonly Action<global::Microsoft.Extensions.Logging.ILogger, string, int, double, Exception?> s_logFailedWithStatus = global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, int, double>(");
            writer.Line("    global::Microsoft.Extensions.Logging.LogLevel.Warning, new global::Microsoft.Extensions.Logging.EventId(1, \"CallFailed\"), \"{Operation} failed with status {StatusCode} after {ElapsedMilliseconds} ms\");");
            writer.Line("private static readonly Action<global::Microsoft.Extensions.Logging.ILogger, string, double, Exception?> s_logFailedWithoutResponse = global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, double>(");
            writer.Line("    global::Microsoft.Extensions.Logging.LogLevel.Warning, new global::Microsoft.Extensions.Logging.EventId(2, \"CallFailedWithoutResponse\"), \"{Operation} failed without a response after {ElapsedMilliseconds} ms\");");
        }

        writer.BlankLine();
        writer.Line("private readonly HttpClient _httpClient;");
        writer.Line("private readonly " + options + " _options;");
        if (logs)
        {
            writer.Line("private readonly global::Microsoft.Extensions.Logging.ILogger? _logger;");
        }

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
        if (logs)
        {
            writer.Line("public " + client + "(HttpClient httpClient, " + options + " options)");
            writer.Line("    : this(httpClient, options, logger: null)");
            writer.Line("{");
            writer.Line("}");
            writer.BlankLine();
            writer.RawDoc("<summary>Creates a client that logs its failed calls to <paramref name=\"logger\"/>: the DI registration's.</summary>");
            writer.Open("internal " + client + "(HttpClient httpClient, " + options + " options, global::Microsoft.Extensions.Logging.ILogger? logger)");
        }
        else
        {
            writer.Open("public " + client + "(HttpClient httpClient, " + options + " options)");
        }

        writer.Line("_httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));");
        writer.Line("_options = (options ?? throw new ArgumentNullException(nameof(options))) with { };");
        if (logs)
        {
            writer.Line("_logger = logger;");
        }

        if (api.Locale is { Pattern: not null })
        {
            writer.Line("LocalePattern.Validate(_options.Locale);");
        }

        if (logs)
        {
            writer.Line("CallFailureLog? logFailure = logger is null ? null : (operation, statusCode, elapsed, exception) =>");
            writer.Line("{");
            writer.Line("    if (statusCode is { } status)");
            writer.Line("    {");
            writer.Line("        s_logFailedWithStatus(logger, operation.Name, status, global::System.Math.Round(elapsed.TotalMilliseconds, 1), exception);");
            writer.Line("    }");
            writer.Line("    else");
            writer.Line("    {");
            writer.Line("        s_logFailedWithoutResponse(logger, operation.Name, global::System.Math.Round(elapsed.TotalMilliseconds, 1), exception);");
            writer.Line("    }");
            writer.Line("};");
        }

        var prepare = prepares ? "PrepareRequestAsync" : "prepareRequest: null";
        writer.Line("var transport = new ApiTransport(httpClient, _options.BaseAddress, " + (api.BaseUrl is null ? "defaultBaseUrl: null" : "DefaultBaseUrl") + ", " + CSharpText.Literal(api.Name) + ", " + MemberNames.Exception(api.Name) + ".FromFailure, " + prepare + ", s_telemetry" + (logs ? ", logFailure" : string.Empty) + ");");
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
        writer.Line("    => new(_httpClient, (change ?? throw new ArgumentNullException(nameof(change)))(_options with { })" + (logs ? ", _logger" : string.Empty) + ");");
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

    public static void EmitOptions(SourceWriter writer, ApiModel api)
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

    public static void EmitServiceCollectionExtensions(SourceWriter writer, ApiModel api)
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
        writer.Line("    (httpClient, provider) => new " + client + "(httpClient, provider.GetRequiredService<IOptions<" + options + ">>().Value, provider.GetService<global::Microsoft.Extensions.Logging.ILogger<" + client + ">>()));");
        writer.Close();
        writer.Close();
    }
}

using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Patterns;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>Turns the text of one spec file into a <see cref="SpecFile"/>. It sees no other file.</summary>
internal sealed class SpecParser
{
    private const int MaxNesting = 32;

    private static readonly string[] HttpMethods = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };
    private static readonly string[] TypeKeys = { "type", "nullable", "description", "example", "typeName", "properties", "items", "values" };
    private static readonly string[] PathParameterKeys = { "type", "description", "pattern", "example" };
    private static readonly string[] QueryParameterKeys = { "type", "nullable", "description", "example" };
    private static readonly Regex PathText = new(@"\A(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*\z", RegexOptions.CultureInvariant);
    private static readonly System.Collections.Generic.HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Accept", "Host", "Connection", "Transfer-Encoding", "Expect", "Upgrade", "TE", "Trailer", "Keep-Alive", "Proxy-Authorization",
    };

    private static readonly Regex HeaderName = new(@"\A[!#$%&'*+\-.^_`|~0-9A-Za-z]+\z", RegexOptions.CultureInvariant);
    private static readonly Regex Placeholder = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);

    private readonly YamlSpecReader _reader;
    private readonly ImmutableArray<ObjectModel>.Builder _objects = ImmutableArray.CreateBuilder<ObjectModel>();
    private readonly ImmutableArray<EnumModel>.Builder _enums = ImmutableArray.CreateBuilder<EnumModel>();
    private readonly CancellationToken _cancellationToken;
    private readonly string? _namespaceOverride;

    private SpecParser(string path, string? namespaceOverride, CancellationToken cancellationToken)
    {
        _reader = new YamlSpecReader(path);
        _namespaceOverride = namespaceOverride;
        _cancellationToken = cancellationToken;
    }

    /// <param name="path">The spec file's full path, for diagnostics.</param>
    /// <param name="relativePath">Its path relative to the project, for generated file names.</param>
    /// <param name="text">Its text.</param>
    /// <param name="namespaceOverride">SpecClientNamespace, when the project sets it: replaces every API file's namespace.</param>
    /// <param name="cancellationToken">Cancels parsing.</param>
    public static SpecFile Parse(string path, string relativePath, string? text, string? namespaceOverride = null, CancellationToken cancellationToken = default)
    {
        var parser = new SpecParser(path, namespaceOverride, cancellationToken);
        var (api, endpoint) = parser.ParseDocument(text ?? string.Empty);
        return new SpecFile(path, relativePath, api, endpoint, parser._reader.Diagnostics);
    }

    private (ApiModel? Api, EndpointModel? Endpoint) ParseDocument(string text)
    {
        if (text.Length > SpecLimits.MaxCharacters)
        {
            _reader.Report(DiagnosticDescriptors.LimitExceeded, SourceSpan.None, Invariant($"the file has {text.Length:N0} characters, more than the {SpecLimits.MaxCharacters:N0} a spec may have"));
            return default;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimitedParser(new Parser(new StringReader(text))));
        }
        catch (SpecLimitException e)
        {
            _reader.Report(DiagnosticDescriptors.LimitExceeded, YamlSpecReader.SpanOf(e.Start, e.End), e.Message);
            return default;
        }
        catch (YamlException e)
        {
            _reader.Report(DiagnosticDescriptors.YamlSyntaxError, YamlSpecReader.SpanOf(e.Start, e.End), CleanMessage(e));
            return default;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YamlDotNet fails with other exceptions on some malformed input (InvalidOperationException
            // for "name: [Read" followed by more lines, ArgumentException for some broken flow
            // mappings); its low-level parser still knows how far it got.
            var stop = LastParsedMark(text);
            _reader.Report(DiagnosticDescriptors.YamlSyntaxError, YamlSpecReader.SpanOf(stop, stop), "the parser could not continue after this point; check for an unclosed '[' or '{'");
            return default;
        }

        if (YamlSpecReader.IsEmptyDocument(stream))
        {
            _reader.Report(DiagnosticDescriptors.NotASpec, SourceSpan.None, "This empty file");
            return default;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            _reader.Report(DiagnosticDescriptors.NotASpec, YamlSpecReader.SpanOf(root), "This file");
            return default;
        }

        try
        {
            if (YamlSpecReader.Find(mapping, "api") is YamlMappingNode)
            {
                return (ParseApi(mapping), null);
            }

            if (YamlSpecReader.Find(mapping, "endpoint") is not null)
            {
                return (null, ParseEndpoint(mapping));
            }
        }
        catch (SpecLimitException e)
        {
            _reader.Report(DiagnosticDescriptors.LimitExceeded, YamlSpecReader.SpanOf(e.Start, e.End), e.Message);
            return default;
        }

        _reader.Report(DiagnosticDescriptors.NotASpec, YamlSpecReader.SpanOf(mapping), "This file");
        return default;
    }

    private ApiModel? ParseApi(YamlMappingNode root)
    {
        _reader.CheckKeys(root, "API file", "api", "auth", "headers", "locale", "envelope", "types", "errors");
        var apiNode = (YamlMappingNode)YamlSpecReader.Find(root, "api")!;
        _reader.CheckKeys(apiNode, "api", "name", "namespace", "baseUrl", "description");
        var section = YamlSpecReader.KeySpan(root, "api");
        var name = _reader.RequiredScalar(apiNode, "name", "api", "WeTransform", section);
        var ns = _reader.RequiredScalar(apiNode, "namespace", "api", "WeTransform.Client", section);
        if (ns is not null && !IsNamespace(ns))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(YamlSpecReader.Find(apiNode, "namespace")!), ns, "api.namespace", "Use dotted C# identifiers, for example Acme.Billing.Client.");
            ns = null;
        }

        if (_namespaceOverride is not null)
        {
            if (!IsNamespace(_namespaceOverride))
            {
                _reader.Report(DiagnosticDescriptors.InvalidValue, section, _namespaceOverride, "SpecClientNamespace (an MSBuild property)", "Use dotted C# identifiers, for example Acme.Billing.Client.");
            }

            ns = _namespaceOverride;
        }

        var baseUrl = _reader.OptionalScalar(apiNode, "baseUrl", "api");
        if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(YamlSpecReader.Find(apiNode, "baseUrl")!), baseUrl, "api.baseUrl", "Use an absolute http or https URL.");
            baseUrl = null;
        }

        var bearer = YamlSpecReader.Find(root, "auth") is { } authNode ? ParseAuth(authNode) : null;
        var headers = YamlSpecReader.Find(root, "headers") is { } headersNode ? ParseHeaders(headersNode, name) : EquatableArray<HeaderModel>.Empty;
        var locale = YamlSpecReader.Find(root, "locale") is { } localeNode ? ParseLocale(localeNode, YamlSpecReader.KeySpan(root, "locale")) : null;
        var envelope = YamlSpecReader.Find(root, "envelope") is { } envelopeNode ? ParseEnvelope(envelopeNode, YamlSpecReader.KeySpan(root, "envelope")) : null;

        if (YamlSpecReader.Find(root, "types") is { } typesNode)
        {
            foreach (var (typeName, key, value) in _reader.NamedEntries(typesNode, "types"))
            {
                ParseNamedType(typeName, key, value);
            }
        }

        var errorBody = TypeRef.Scalar(TypeKind.Any, SourceSpan.None);
        var responses = ImmutableArray.CreateBuilder<ErrorResponseModel>();
        if (YamlSpecReader.Find(root, "errors") is { } errorsNode && _reader.AsMapping(errorsNode, "errors") is { } errors)
        {
            _reader.CheckKeys(errors, "errors", "body", "payload", "responses");
            var bodyKey = envelope is null ? "body" : "payload";
            var wrongKey = envelope is null ? "payload" : "body";
            if (YamlSpecReader.Find(errors, wrongKey) is { } wrong)
            {
                _reader.Report(
                    DiagnosticDescriptors.InvalidValue,
                    YamlSpecReader.SpanOf(wrong),
                    wrongKey,
                    "errors",
                    envelope is null
                        ? "This API has no envelope: describe the whole error body with 'body:'."
                        : "Error bodies of this API are its envelope: describe the envelope's payload with 'payload:'.");
            }

            if (YamlSpecReader.Find(errors, bodyKey) is { } bodyNode)
            {
                errorBody = ParseType(bodyNode, "errors." + bodyKey, name is null ? "Error" : Identifiers.ToPascalCase(name) + "Error", 0).Type;
            }

            if (YamlSpecReader.Find(errors, "responses") is { } responsesNode)
            {
                foreach (var (status, key, value) in _reader.NamedEntries(responsesNode, "errors.responses"))
                {
                    responses.Add(ParseErrorResponse(status, key, value));
                }
            }
        }

        if (name is null || ns is null)
        {
            return null;
        }

        return new ApiModel(
            name,
            ns,
            baseUrl,
            _reader.OptionalScalar(apiNode, "description", "api"),
            bearer,
            headers,
            locale,
            envelope,
            errorBody,
            responses.ToEquatableArray(),
            _objects.ToEquatableArray(),
            _enums.ToEquatableArray(),
            YamlSpecReader.SpanOf(YamlSpecReader.Find(apiNode, "name") ?? apiNode));
    }

    private BearerAuthModel? ParseAuth(YamlNode node)
    {
        if (_reader.AsMapping(node, "auth") is not { } auth)
        {
            return null;
        }

        _reader.CheckKeys(auth, "auth", "bearer");
        if (YamlSpecReader.Find(auth, "bearer") is not { } bearer)
        {
            _reader.Report(DiagnosticDescriptors.MissingKey, YamlSpecReader.SpanOf(auth), "auth", "bearer", "{ description: The API authenticates with Authorization: Bearer <token>. }");
            return null;
        }

        if (bearer is YamlScalarNode { Value: "true" })
        {
            return new BearerAuthModel(null);
        }

        if (_reader.AsMapping(bearer, "auth.bearer") is not { } mapping)
        {
            return null;
        }

        _reader.CheckKeys(mapping, "auth.bearer", "description");
        return new BearerAuthModel(_reader.OptionalScalar(mapping, "description", "auth.bearer"));
    }

    private EquatableArray<HeaderModel> ParseHeaders(YamlNode node, string? apiName)
    {
        var headers = ImmutableArray.CreateBuilder<HeaderModel>();
        foreach (var (name, key, value) in _reader.NamedEntries(node, "headers"))
        {
            var where = "headers." + name;
            var span = YamlSpecReader.SpanOf(key);
            if (!HeaderName.IsMatch(name))
            {
                _reader.Report(DiagnosticDescriptors.InvalidValue, span, name, "headers", "A header name is letters, digits and !#$%&'*+-.^_`|~ only.");
                continue;
            }

            string? option = null;
            string? description = null;
            if (value is YamlMappingNode mapping)
            {
                _reader.CheckKeys(mapping, where, "option", "description");
                option = _reader.OptionalScalar(mapping, "option", where);
                description = _reader.OptionalScalar(mapping, "description", where);
            }
            else if (value is not YamlScalarNode { Value: null or "" })
            {
                _reader.AsMapping(value, where);
            }

            if (ReservedHeaders.Contains(name) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                _reader.Report(DiagnosticDescriptors.InvalidValue, span, name, "headers", "SpecClient or HttpClient sets this header (authorization comes from 'auth:'; Content-* headers belong to request bodies).");
                continue;
            }

            var optionName = Identifiers.ToPascalCase(option ?? (name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) ? name.Substring(2) : name));
            if (!MemberNames.IsFreeOptionName(optionName, apiName) || headers.Any(h => h.Option == optionName))
            {
                var why = MemberNames.IsFreeOptionName(optionName, apiName) ? " (choose another with 'option:')" : " (the options type has a member of that name already; choose another with 'option:')";
                _reader.Report(DiagnosticDescriptors.DuplicateName, span, "The client option", optionName, why);
                continue;
            }

            headers.Add(new HeaderModel(name, optionName, description, span));
        }

        return headers.ToEquatableArray();
    }

    private LocaleModel? ParseLocale(YamlNode node, SourceSpan section)
    {
        if (_reader.AsMapping(node, "locale") is not { } locale)
        {
            return null;
        }

        _reader.CheckKeys(locale, "locale", "placeholder", "default", "pattern", "description");
        var placeholder = _reader.RequiredScalar(locale, "placeholder", "locale", "locale", section);
        var fallback = _reader.RequiredScalar(locale, "default", "locale", "en", section);
        var pattern = _reader.OptionalScalar(locale, "pattern", "locale");
        if (pattern is not null && ValidateRegex(pattern) is { } error)
        {
            _reader.Report(DiagnosticDescriptors.InvalidRegex, YamlSpecReader.SpanOf(YamlSpecReader.Find(locale, "pattern")!), "locale", error);
            pattern = null;
        }
        else if (pattern is not null && fallback is not null && RoutePatterns.Matches(pattern, fallback) != true)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(YamlSpecReader.Find(locale, "default")!), fallback, "locale.default", "The default must match the locale's pattern " + pattern + ".");
        }

        return placeholder is null || fallback is null
            ? null
            : new LocaleModel(placeholder, fallback, pattern, _reader.OptionalScalar(locale, "description", "locale"), section);
    }

    private EnvelopeModel? ParseEnvelope(YamlNode node, SourceSpan section)
    {
        if (_reader.AsMapping(node, "envelope") is not { } envelope)
        {
            return null;
        }

        _reader.CheckKeys(envelope, "envelope", "typeName", "payload", "description", "properties");
        var typeName = _reader.RequiredScalar(envelope, "typeName", "envelope", "WeTransformResponse", section);
        var payload = _reader.RequiredScalar(envelope, "payload", "envelope", "payload", section);
        var properties = YamlSpecReader.Find(envelope, "properties") is { } propertiesNode
            ? ParseProperties(propertiesNode, "envelope.properties", 0)
            : EquatableArray<PropertyModel>.Empty;
        if (typeName is null || payload is null)
        {
            return null;
        }

        if (properties.Any(p => p.WireName == payload))
        {
            var duplicate = properties.First(p => p.WireName == payload);
            _reader.Report(DiagnosticDescriptors.DuplicateName, duplicate.Span, "The envelope property", payload, " (it is the payload: leave it out of 'properties')");
        }

        return new EnvelopeModel(typeName, payload, _reader.OptionalScalar(envelope, "description", "envelope"), properties, YamlSpecReader.SpanOf(envelope));
    }

    private ErrorResponseModel ParseErrorResponse(string status, YamlScalarNode key, YamlNode value)
    {
        var span = YamlSpecReader.SpanOf(key);
        if (status != "default" && !(int.TryParse(status, out var code) && code is >= 400 and <= 599))
        {
            _reader.Report(DiagnosticDescriptors.StatusCodeOutOfRange, span, status);
        }

        string? description = null;
        if (value is YamlMappingNode mapping)
        {
            _reader.CheckKeys(mapping, "errors.responses." + status, "description");
            description = _reader.OptionalScalar(mapping, "description", "errors.responses." + status);
        }
        else
        {
            description = _reader.AsScalar(value, "errors.responses." + status);
        }

        return new ErrorResponseModel(status, description, span);
    }

    private void ParseNamedType(string typeName, YamlScalarNode key, YamlNode value)
    {
        var parsed = ParseType(value, "types." + typeName, typeName, 0, declaredName: typeName);
        if (parsed.Type.Kind is not (TypeKind.Object or TypeKind.Enum))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(key), typeName, "types", "A named type must be an object with 'properties:' or an enum with 'values:'.");
        }
    }

    private EndpointModel? ParseEndpoint(YamlMappingNode root)
    {
        _reader.CheckKeys(root, "endpoint file", "endpoint", "pathParameters", "queryParameters", "body", "response", "examples");
        if (_reader.AsMapping(YamlSpecReader.Find(root, "endpoint")!, "endpoint") is not { } endpoint)
        {
            return null;
        }

        _reader.CheckKeys(endpoint, "endpoint", "api", "group", "name", "method", "path", "summary", "description");
        var section = YamlSpecReader.KeySpan(root, "endpoint");
        var api = _reader.RequiredScalar(endpoint, "api", "endpoint", "WeTransform", section);
        var group = _reader.RequiredScalar(endpoint, "group", "endpoint", "Submissions", section);
        var name = _reader.RequiredScalar(endpoint, "name", "endpoint", "Read", section);
        var method = _reader.RequiredScalar(endpoint, "method", "endpoint", "GET", section);
        var path = _reader.RequiredScalar(endpoint, "path", "endpoint", "/sender/submission/{submissionId}", section);

        if (method is not null && Array.IndexOf(HttpMethods, method.ToUpperInvariant()) < 0)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(YamlSpecReader.Find(endpoint, "method")!), method, "endpoint.method", "Use one of " + string.Join(", ", HttpMethods) + ".");
            method = null;
        }

        var pathNode = YamlSpecReader.Find(endpoint, "path");
        if (path is not null && !path.StartsWith("/", StringComparison.Ordinal))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(pathNode!), path, "endpoint.path", "A path starts with '/', for example /sender/submission/{submissionId}.");
            path = null;
        }

        var typePrefix = name is null || group is null ? "Endpoint" : Identifiers.ToPascalCase(name) + Identifiers.ToPascalCase(group);
        var pathParameters = YamlSpecReader.Find(root, "pathParameters") is { } pathParametersNode
            ? ParseParameters(pathParametersNode, "pathParameters", isPath: true)
            : EquatableArray<ParameterModel>.Empty;
        var queryParameters = YamlSpecReader.Find(root, "queryParameters") is { } queryParametersNode
            ? ParseParameters(queryParametersNode, "queryParameters", isPath: false)
            : EquatableArray<ParameterModel>.Empty;

        var unbound = path is null ? EquatableArray<PlaceholderModel>.Empty : CheckPlaceholders(path, (YamlScalarNode)pathNode!, pathParameters);

        TypeNode? body = YamlSpecReader.Find(root, "body") is { } bodyNode ? ParseType(bodyNode, "body", typePrefix + "Request", 0) : null;

        TypeNode? response = null;
        if (YamlSpecReader.Find(root, "response") is { } responseNode)
        {
            response = ParseType(responseNode, "response", typePrefix + "Result", 0);
        }
        else
        {
            _reader.Report(DiagnosticDescriptors.MissingKey, YamlSpecReader.KeySpan(root, "endpoint"), "endpoint file", "response", "{ typeName: Submission, properties: { ... } }");
        }

        var examples = YamlSpecReader.Find(root, "examples") is { } examplesNode ? ParseExamples(examplesNode) : EquatableArray<ExampleModel>.Empty;
        if (api is null || group is null || name is null || method is null || path is null || response is null)
        {
            return null;
        }

        return new EndpointModel(
            api,
            YamlSpecReader.SpanOf(YamlSpecReader.Find(endpoint, "api")!),
            group,
            name,
            YamlSpecReader.SpanOf(YamlSpecReader.Find(endpoint, "name")!),
            method.ToUpperInvariant(),
            path,
            YamlSpecReader.SpanOf(pathNode!),
            _reader.OptionalScalar(endpoint, "summary", "endpoint"),
            _reader.OptionalScalar(endpoint, "description", "endpoint"),
            pathParameters,
            unbound,
            queryParameters,
            body?.Type,
            body?.Description,
            response.Value.Type,
            response.Value.Description,
            _objects.ToEquatableArray(),
            _enums.ToEquatableArray(),
            examples);
    }

    /// <summary>Example responses by status, as the page shows them; the generated test fake answers with them.</summary>
    private EquatableArray<ExampleModel> ParseExamples(YamlNode node)
    {
        var examples = ImmutableArray.CreateBuilder<ExampleModel>();
        foreach (var (status, key, value) in _reader.NamedEntries(node, "examples"))
        {
            var span = YamlSpecReader.SpanOf(key);
            if (!int.TryParse(status, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) || code is < 100 or > 599)
            {
                _reader.Report(DiagnosticDescriptors.InvalidValue, span, status, "examples", "Key each example by its HTTP status, 100 to 599.");
                continue;
            }

            if (_reader.AsScalar(value, "examples." + status) is { } body)
            {
                examples.Add(new ExampleModel(code, body, span));
            }
        }

        return examples.ToEquatableArray();
    }

    /// <summary>
    /// Checks the path's braces, text and parameters; returns the placeholders without a path
    /// parameter, which the binder matches with the API's locale or reports as SPEC008.
    /// </summary>
    private EquatableArray<PlaceholderModel> CheckPlaceholders(string path, YamlScalarNode pathNode, EquatableArray<ParameterModel> parameters)
    {
        var unbound = ImmutableArray.CreateBuilder<PlaceholderModel>();
        var pathSpan = YamlSpecReader.SpanOf(pathNode);
        var quoted = pathNode.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        foreach (Match match in Placeholder.Matches(path))
        {
            var placeholder = match.Groups[1].Value;
            if (!parameters.Any(p => p.WireName == placeholder))
            {
                // Point at the placeholder itself when the path sits on one line.
                var span = pathSpan.StartLine == pathSpan.EndLine
                    ? pathSpan with
                    {
                        StartOffset = pathSpan.StartOffset + quoted + match.Index,
                        EndOffset = pathSpan.StartOffset + quoted + match.Index + match.Length,
                        StartColumn = pathSpan.StartColumn + quoted + match.Index,
                        EndColumn = pathSpan.StartColumn + quoted + match.Index + match.Length,
                    }
                    : pathSpan;
                unbound.Add(new PlaceholderModel(placeholder, span));
            }
        }

        var withoutPlaceholders = Placeholder.Replace(path, string.Empty);
        if (withoutPlaceholders.IndexOf('{') >= 0 || withoutPlaceholders.IndexOf('}') >= 0)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, pathSpan, path, "endpoint.path", "Braces must pair up around a parameter name, as in /templates/{templateHandle}.");
        }
        else if (!PathText.IsMatch(withoutPlaceholders))
        {
            // The path's own text is sent as written, so it must already be a valid URI path.
            _reader.Report(DiagnosticDescriptors.InvalidValue, pathSpan, path, "endpoint.path", "Outside {placeholders} a path may hold letters, digits, -._~!$&'()*+,;=:@/ and %XX escapes; write other characters percent-encoded, and no '?' or '#'.");
        }

        foreach (var parameter in parameters)
        {
            if (path.IndexOf("{" + parameter.WireName + "}", StringComparison.Ordinal) < 0)
            {
                _reader.Report(DiagnosticDescriptors.ParameterNotInPath, parameter.Span, parameter.WireName, path);
            }
        }

        return unbound.ToEquatableArray();
    }

    private EquatableArray<ParameterModel> ParseParameters(YamlNode node, string section, bool isPath)
    {
        var parameters = ImmutableArray.CreateBuilder<ParameterModel>();
        foreach (var (name, key, value) in _reader.NamedEntries(node, section))
        {
            var where = section + "." + name;
            var mapping = value as YamlMappingNode;
            if (mapping is null && value is not YamlScalarNode)
            {
                _reader.AsMapping(value, where);
                continue;
            }

            if (mapping is not null)
            {
                _reader.CheckKeys(mapping, where, isPath ? PathParameterKeys : QueryParameterKeys);
            }

            // A bare scalar is shorthand for the type: "name: string".
            var typeNode = mapping is null ? value : YamlSpecReader.Find(mapping, "type");
            var type = TypeRef.Scalar(TypeKind.String, YamlSpecReader.SpanOf(key));
            if (typeNode is not null && _reader.AsScalar(typeNode, where + ".type") is { } typeText)
            {
                type = ParseParameterType(typeText, typeNode, where);
            }

            string? pattern = null;
            var patternSpan = SourceSpan.None;
            if (mapping is not null && YamlSpecReader.Find(mapping, "pattern") is { } patternNode)
            {
                pattern = _reader.AsScalar(patternNode, where + ".pattern");
                patternSpan = YamlSpecReader.SpanOf(patternNode);
                if (pattern is not null && ValidateRegex(pattern) is { } error)
                {
                    _reader.Report(DiagnosticDescriptors.InvalidRegex, patternSpan, name, error);
                    pattern = null;
                }
            }

            var nullable = !isPath && mapping is not null && (_reader.OptionalBoolean(mapping, "nullable", where) ?? false);
            parameters.Add(new ParameterModel(
                name,
                type,
                nullable,
                mapping is null ? null : _reader.OptionalScalar(mapping, "description", where),
                pattern,
                mapping is null ? null : OptionalExample(mapping, where),
                YamlSpecReader.SpanOf(key),
                patternSpan));
        }

        return parameters.ToEquatableArray();
    }

    private TypeRef ParseParameterType(string typeText, YamlNode typeNode, string where)
    {
        var span = YamlSpecReader.SpanOf(typeNode);
        var kind = ScalarKind(typeText);
        if (kind is null)
        {
            var suggestion = YamlSpecReader.Suggest(typeText, ScalarTypeNames);
            _reader.Report(DiagnosticDescriptors.UnknownType, span, typeText, suggestion is null ? " for a parameter" : "; did you mean '" + suggestion + "'?");
            return TypeRef.Scalar(TypeKind.String, span);
        }

        return TypeRef.Scalar(kind.Value, span);
    }

    private static readonly string[] ScalarTypeNames = { "string", "integer", "number", "boolean", "date-time" };

    public static readonly string[] BuiltInTypeNames = { "string", "integer", "number", "boolean", "date-time", "any", "object", "array", "enum" };

    private static TypeKind? ScalarKind(string name) => name switch
    {
        "string" => TypeKind.String,
        "integer" => TypeKind.Integer,
        "number" => TypeKind.Number,
        "boolean" => TypeKind.Boolean,
        "date-time" => TypeKind.DateTime,
        _ => null,
    };

    /// <summary>The regex engine's message when the pattern, as documented or as anchored for validation, does not parse.</summary>
    public static string? ValidateRegex(string pattern)
    {
        // The common patterns are known to be valid; building a Regex twice per parameter is not free.
        if (RoutePatterns.IsUuid(pattern) || RoutePatterns.IsDigits(pattern))
        {
            return null;
        }

        foreach (var candidate in new[] { pattern, RoutePatterns.Anchor(pattern) })
        {
            try
            {
                _ = new Regex(candidate, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                return candidate == pattern ? e.Message : "anchored as " + RoutePatterns.Anchor(pattern) + ", " + e.Message;
            }
        }

        return null;
    }

    private EquatableArray<PropertyModel> ParseProperties(YamlNode node, string section, int depth)
    {
        var properties = ImmutableArray.CreateBuilder<PropertyModel>();
        foreach (var (name, key, value) in _reader.NamedEntries(node, section))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var parsed = ParseType(value, section + "." + name, Identifiers.ToPascalCase(name), depth + 1);
            properties.Add(new PropertyModel(name, parsed.Type, parsed.Nullable, parsed.Description, parsed.Example, YamlSpecReader.SpanOf(key)));
        }

        return properties.ToEquatableArray();
    }

    /// <summary>What a type node says: the type itself plus the facts that belong to the place using it.</summary>
    private readonly record struct TypeNode(TypeRef Type, bool Nullable, string? Description, string? Example);

    /// <summary>
    /// Reads a type node: a bare type name ("string", "Product") or a mapping with type, nullable,
    /// description, example, and for inline types typeName with properties, items or values.
    /// </summary>
    private TypeNode ParseType(YamlNode node, string where, string hintName, int depth, string? declaredName = null)
    {
        var span = YamlSpecReader.SpanOf(node);
        if (depth > MaxNesting)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, span, "nesting", where, "Types may nest at most " + MaxNesting + " levels deep; declare deeper types under 'types:' in the API file.");
            return new TypeNode(TypeRef.Scalar(TypeKind.Any, span), false, null, null);
        }

        if (node is YamlScalarNode)
        {
            var text = _reader.AsScalar(node, where) ?? string.Empty;
            return new TypeNode(NamedType(text, span), false, null, null);
        }

        if (_reader.AsMapping(node, where) is not { } mapping)
        {
            return new TypeNode(TypeRef.Scalar(TypeKind.Any, span), false, null, null);
        }

        _reader.CheckKeys(mapping, where, TypeKeys);
        var description = _reader.OptionalScalar(mapping, "description", where);
        var nullable = _reader.OptionalBoolean(mapping, "nullable", where) ?? false;
        var example = OptionalExample(mapping, where);
        var typeName = declaredName ?? _reader.OptionalScalar(mapping, "typeName", where) ?? hintName;
        var nameSpan = declaredName is null && YamlSpecReader.Find(mapping, "typeName") is { } typeNameNode ? YamlSpecReader.SpanOf(typeNameNode) : span;
        var typeNode = YamlSpecReader.Find(mapping, "type");
        var typeText = typeNode is null ? null : _reader.AsScalar(typeNode, where + ".type");
        var typeSpan = typeNode is null ? span : YamlSpecReader.SpanOf(typeNode);
        var properties = YamlSpecReader.Find(mapping, "properties");
        var items = YamlSpecReader.Find(mapping, "items");
        var values = YamlSpecReader.Find(mapping, "values");

        typeText ??= properties is not null ? "object" : values is not null ? "enum" : items is not null ? "array" : null;
        if (typeText is null)
        {
            _reader.Report(DiagnosticDescriptors.MissingKey, span, where, "type", "string");
            return new TypeNode(TypeRef.Scalar(TypeKind.Any, span), nullable, description, example);
        }

        TypeRef type;
        switch (typeText)
        {
            case "object" when properties is not null:
                var objectProperties = ParseProperties(properties, where + ".properties", depth);
                _objects.Add(new ObjectModel(typeName, description, objectProperties, nameSpan));
                type = new TypeRef(TypeKind.Object, typeName, null, typeSpan);
                break;
            case "object":
                // An object the page documents without properties: keep whatever JSON arrives.
                type = TypeRef.Scalar(TypeKind.Any, typeSpan);
                break;
            case "enum":
                type = new TypeRef(TypeKind.Enum, typeName, null, typeSpan);
                _enums.Add(new EnumModel(typeName, description, ParseEnumValues(values, mapping, where), nameSpan));
                break;
            case "array":
                if (items is null)
                {
                    _reader.Report(DiagnosticDescriptors.MissingKey, span, where, "items", "string");
                    type = new TypeRef(TypeKind.Array, null, TypeRef.Scalar(TypeKind.Any, span), typeSpan);
                    break;
                }

                var itemHint = declaredName is null ? Identifiers.Singular(hintName) : hintName + "Item";
                var item = ParseType(items, where + ".items", itemHint, depth + 1);
                type = new TypeRef(TypeKind.Array, null, item.Type, typeSpan);
                break;
            default:
                type = NamedType(typeText, typeSpan);
                break;
        }

        ReportMisplacedKeys(mapping, where, type.Kind, properties, items, values);
        return new TypeNode(type, nullable, description, example);
    }

    private void ReportMisplacedKeys(YamlMappingNode mapping, string where, TypeKind kind, YamlNode? properties, YamlNode? items, YamlNode? values)
    {
        if (properties is not null && kind != TypeKind.Object)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(properties), "properties", where, "'properties:' belongs to a type: object.");
        }

        if (items is not null && kind != TypeKind.Array)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(items), "items", where, "'items:' belongs to a type: array.");
        }

        if (values is not null && kind != TypeKind.Enum)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(values), "values", where, "'values:' belongs to a type: enum.");
        }

        if (YamlSpecReader.Find(mapping, "typeName") is { } typeName && kind is not (TypeKind.Object or TypeKind.Enum))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(typeName), "typeName", where, "'typeName:' names an inline object or enum.");
        }
    }

    private EquatableArray<string> ParseEnumValues(YamlNode? values, YamlMappingNode mapping, string where)
    {
        if (values is null)
        {
            _reader.Report(DiagnosticDescriptors.MissingKey, YamlSpecReader.SpanOf(mapping), where, "values", "[permission, limitation]");
            return EquatableArray<string>.Empty;
        }

        if (values is not YamlSequenceNode sequence)
        {
            _reader.Report(DiagnosticDescriptors.WrongValueKind, YamlSpecReader.SpanOf(values), where + ".values", "a list", YamlSpecReader.Describe(values));
            return EquatableArray<string>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var item in sequence.Children)
        {
            if (_reader.AsScalar(item, where + ".values") is { } value)
            {
                result.Add(value);
            }
        }

        return result.ToEquatableArray();
    }

    private TypeRef NamedType(string text, SourceSpan span)
    {
        if (ScalarKind(text) is { } scalar)
        {
            return TypeRef.Scalar(scalar, span);
        }

        if (text == "any")
        {
            return TypeRef.Scalar(TypeKind.Any, span);
        }

        if (text is "object" or "array" or "enum")
        {
            // Scalar shorthand cannot say what the object, array or enum holds.
            _reader.Report(DiagnosticDescriptors.MissingKey, span, text, text switch { "object" => "properties", "array" => "items", _ => "values" }, "...");
            return TypeRef.Scalar(TypeKind.Any, span);
        }

        // Any other name refers to a type of the API file; the binder resolves it, or suggests one.
        return new TypeRef(TypeKind.Reference, text, null, span);
    }

    private string? OptionalExample(YamlMappingNode mapping, string where)
        => YamlSpecReader.Find(mapping, "example") is { } node ? _reader.AsScalar(node, where + ".example") : null;

    private static bool IsNamespace(string text)
        => text.Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

    private static Mark LastParsedMark(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stopped where the full parse stopped: 'last' is the position to report.
        }

        return last;
    }

    private static string Invariant(System.FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string CleanMessage(YamlException e)
    {
        // YamlDotNet prefixes its messages with the marks; the diagnostic carries those already.
        var message = e.Message;
        var prefixEnd = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line", StringComparison.Ordinal) && prefixEnd >= 0 ? message.Substring(prefixEnd + 3) : message;
        return text.TrimEnd('.', ' ');
    }
}

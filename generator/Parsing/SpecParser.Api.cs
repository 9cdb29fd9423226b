using System;
using System.Collections.Immutable;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Format;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Patterns;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>The sections of an API file.</summary>
internal sealed partial class SpecParser
{
    private ApiModel? ParseApi(YamlMappingNode root)
    {
        _reader.CheckKeys(root, "API file", SpecFormat.ApiFile.KeyNames);
        var apiNode = (YamlMappingNode)YamlSpecReader.Find(root, "api")!;
        _reader.CheckKeys(apiNode, "api", SpecFormat.Api.KeyNames);
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
        if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https") && uri.Query.Length == 0 && uri.Fragment.Length == 0))
        {
            // A query or fragment would swallow every request path: /api?key=1/items/1.
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(YamlSpecReader.Find(apiNode, "baseUrl")!), baseUrl, "api.baseUrl", "Use an absolute http or https URL without a query or fragment; a key that goes with every request is a header or query parameter.");
            baseUrl = null;
        }

        var bearer = YamlSpecReader.Find(root, "auth") is { } authNode ? ParseAuth(authNode) : null;
        var headers = YamlSpecReader.Find(root, "headers") is { } headersNode ? ParseHeaders(headersNode, name) : EquatableArray<HeaderModel>.Empty;
        var locale = YamlSpecReader.Find(root, "locale") is { } localeNode ? ParseLocale(localeNode, YamlSpecReader.KeySpan(root, "locale")) : null;
        if (YamlSpecReader.Find(root, "types") is { } declared)
        {
            ClaimDeclaredTypeNames(declared);
        }

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
            _reader.CheckKeys(errors, "errors", SpecFormat.Errors.KeyNames);
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
                errorBody = ParseType(bodyNode, "errors." + bodyKey, name is null ? "Error" : Identifiers.ToPascalCase(name) + "Error", 0, parent: null).Type;
            }

            if (YamlSpecReader.Find(errors, "responses") is { } responsesNode)
            {
                foreach (var (status, key, value) in _reader.NamedEntries(responsesNode, "errors.responses"))
                {
                    responses.Add(ParseErrorResponse(status, key, value, "errors.responses.", SpecFormat.ErrorResponse));
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
            YamlSpecReader.SpanOf(YamlSpecReader.Find(apiNode, "name") ?? apiNode),
            YamlSpecReader.Find(root, "query") is { } queryNode && _reader.AsMapping(queryNode, "query") is { } query ? ParseApiQuery(query) : "form",
            YamlSpecReader.Find(root, "paging") is { } pagingNode ? ParsePaging(pagingNode, YamlSpecReader.KeySpan(root, "paging")) : null);
    }

    /// <summary>The API's paging: page numbers or offsets, never both, and the members each style reads.</summary>
    private PagingModel? ParsePaging(YamlNode node, SourceSpan section)
    {
        if (_reader.AsMapping(node, "paging") is not { } paging)
        {
            return null;
        }

        _reader.CheckKeys(paging, "paging", SpecFormat.Paging.KeyNames);
        var page = _reader.OptionalScalar(paging, "page", "paging");
        var offset = _reader.OptionalScalar(paging, "offset", "paging");
        var items = _reader.RequiredScalar(paging, "items", "paging", "entries", section);
        var totalPages = _reader.OptionalScalar(paging, "totalPages", "paging");
        var total = _reader.OptionalScalar(paging, "total", "paging");
        var valid = items is not null;
        if ((page is null) == (offset is null))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, page is null ? section : YamlSpecReader.SpanOf(YamlSpecReader.Find(paging, "offset")!), page is null ? "paging" : offset!, page is null ? "paging" : "paging.offset", "Name the query parameter that moves through the pages with either page: (a page number) or offset: (the index of the first item), not both.");
            valid = false;
        }

        foreach (var (key, value, style) in new[] { ("totalPages", totalPages, page), ("total", total, offset), ("firstPage", (string?)null, page) })
        {
            if (style is null && YamlSpecReader.Find(paging, key) is { } misplaced)
            {
                _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(misplaced), value ?? key, "paging." + key, key == "total" ? "total: (a number of items) goes with offset:; with page: name the number of pages as totalPages:." : key + ": goes with page:; with offset: name the number of items as total:.");
                valid = false;
            }
        }

        long firstPage = 1;
        if (YamlSpecReader.Find(paging, "firstPage") is { } firstNode && _reader.AsScalar(firstNode, "paging.firstPage") is { } firstText
            && !(long.TryParse(firstText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out firstPage) && firstPage <= 1))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(firstNode), firstText, "paging.firstPage", "The first page is 0 or 1.");
            valid = false;
        }

        return valid ? new PagingModel((page ?? offset)!, offset is not null, firstPage, items!, totalPages ?? total) : null;
    }

    /// <summary>The API's query style: how every endpoint's lists and objects go into a query string.</summary>
    private string ParseApiQuery(YamlMappingNode query)
    {
        _reader.CheckKeys(query, "query", SpecFormat.Query.KeyNames);
        return ParseQueryStyle(query, "query") ?? "form";
    }

    private BearerAuthModel? ParseAuth(YamlNode node)
    {
        if (_reader.AsMapping(node, "auth") is not { } auth)
        {
            return null;
        }

        _reader.CheckKeys(auth, "auth", SpecFormat.Auth.KeyNames);
        if (YamlSpecReader.Find(auth, "bearer") is not { } bearer)
        {
            _reader.Report(DiagnosticDescriptors.MissingKey, YamlSpecReader.SpanOf(auth), "auth", "bearer", "{ description: The API authenticates with Authorization: Bearer <token>. }", "missing");
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

        _reader.CheckKeys(mapping, "auth.bearer", SpecFormat.Bearer.KeyNames);
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
                _reader.CheckKeys(mapping, where, SpecFormat.Header.KeyNames);
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

        _reader.CheckKeys(locale, "locale", SpecFormat.Locale.KeyNames);
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

        _reader.CheckKeys(envelope, "envelope", SpecFormat.Envelope.KeyNames);
        var typeName = _reader.RequiredScalar(envelope, "typeName", "envelope", "WeTransformResponse", section);
        var payload = _reader.RequiredScalar(envelope, "payload", "envelope", "payload", section);
        var properties = YamlSpecReader.Find(envelope, "properties") is { } propertiesNode
            ? ParseProperties(propertiesNode, "envelope.properties", 0, typeName)
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

    /// <param name="status">The key: a status from 400 to 599, or "default".</param>
    /// <param name="key">Its node.</param>
    /// <param name="value">What the page says of it: text, or a mapping with description (and, in an endpoint file, body).</param>
    /// <param name="section">Where the key is, for messages ("errors.responses." in an API file, "errors." in an endpoint file).</param>
    /// <param name="format">The keys allowed there: an endpoint's error may type its body.</param>
    private ErrorResponseModel ParseErrorResponse(string status, YamlScalarNode key, YamlNode value, string section, SectionSpec format)
    {
        var span = YamlSpecReader.SpanOf(key);
        // Three digits exactly: "+404" or "0404" would reach the generated switch as written.
        if (status != "default" && !(status.Length == 3 && int.TryParse(status, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599))
        {
            _reader.Report(DiagnosticDescriptors.StatusCodeOutOfRange, span, status);
        }

        if (value is not YamlMappingNode mapping)
        {
            return new ErrorResponseModel(status, _reader.AsScalar(value, section + status), span);
        }

        _reader.CheckKeys(mapping, section + status, format.KeyNames);
        var description = _reader.OptionalScalar(mapping, "description", section + status);
        TypeRef? body = null;
        if (format == SpecFormat.EndpointError && YamlSpecReader.Find(mapping, "body") is { } bodyNode)
        {
            body = ParseType(bodyNode, section + status + ".body", status == "default" ? "Error" : "Error" + status, 0, parent: null).Type;
            if (body.Kind is not (TypeKind.Object or TypeKind.Array or TypeKind.Map or TypeKind.Reference))
            {
                var written = bodyNode is YamlMappingNode typeMapping ? YamlSpecReader.Find(typeMapping, "type") : bodyNode;
                _reader.Report(DiagnosticDescriptors.InvalidValue, body.Span, (written as YamlScalarNode)?.Value ?? "body", section + status + ".body", "An error body is an object, an array, a map or a declared object type.");
                body = null;
            }
        }

        return new ErrorResponseModel(status, description, span, body);
    }

    private void ParseNamedType(string typeName, YamlScalarNode key, YamlNode value)
    {
        var parsed = ParseType(value, "types." + typeName, typeName, 0, parent: null, declaredName: typeName);
        if (parsed.Type.Kind is not (TypeKind.Object or TypeKind.Enum))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(key), typeName, "types", "A named type must be an object with 'properties:' or an enum with 'values:'.");
        }
    }
}

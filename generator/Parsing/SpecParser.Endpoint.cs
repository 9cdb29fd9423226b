using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Format;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>The sections of an endpoint file.</summary>
internal sealed partial class SpecParser
{
    private EndpointModel? ParseEndpoint(YamlMappingNode root)
    {
        _reader.CheckKeys(root, "endpoint file", SpecFormat.EndpointFile.KeyNames);
        if (_reader.AsMapping(YamlSpecReader.Find(root, "endpoint")!, "endpoint") is not { } endpoint)
        {
            return null;
        }

        _reader.CheckKeys(endpoint, "endpoint", SpecFormat.Endpoint.KeyNames);
        var section = YamlSpecReader.KeySpan(root, "endpoint");
        var api = _reader.RequiredScalar(endpoint, "api", "endpoint", "WeTransform", section);
        var group = _reader.RequiredScalar(endpoint, "group", "endpoint", "Submissions", section);
        var name = _reader.RequiredScalar(endpoint, "name", "endpoint", "Read", section);
        var method = _reader.RequiredScalar(endpoint, "method", "endpoint", "GET", section);
        var path = _reader.RequiredScalar(endpoint, "path", "endpoint", "/sender/submission/{submissionId}", section);

        if (method is not null && Array.IndexOf(SpecFormat.HttpMethods, method.ToUpperInvariant()) < 0)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(YamlSpecReader.Find(endpoint, "method")!), method, "endpoint.method", "Use one of " + string.Join(", ", SpecFormat.HttpMethods) + ".");
            method = null;
        }

        var pathNode = YamlSpecReader.Find(endpoint, "path");
        if (path is not null && !path.StartsWith("/", StringComparison.Ordinal))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(pathNode!), path, "endpoint.path", "A path starts with '/', for example /sender/submission/{submissionId}.");
            path = null;
        }

        // The endpoint's own types nest in one class named after it, so no other file can clash with them.
        _typeScope = MemberNames.EndpointTypes(group ?? "Endpoint", name ?? string.Empty);
        _claimedTypeNames.Add(_typeScope);
        var status = ParseSuccessStatus(endpoint);
        var pathParameters = YamlSpecReader.Find(root, "pathParameters") is { } pathParametersNode
            ? ParseParameters(pathParametersNode, "pathParameters", ParameterPlace.Path)
            : EquatableArray<ParameterModel>.Empty;
        var queryParameters = YamlSpecReader.Find(root, "queryParameters") is { } queryParametersNode
            ? ParseParameters(queryParametersNode, "queryParameters", ParameterPlace.Query)
            : EquatableArray<ParameterModel>.Empty;

        var headerParameters = YamlSpecReader.Find(root, "headerParameters") is { } headerParametersNode
            ? ParseParameters(headerParametersNode, "headerParameters", ParameterPlace.Header)
            : EquatableArray<ParameterModel>.Empty;
        var formParameters = YamlSpecReader.Find(root, "formParameters") is { } formParametersNode
            ? ParseParameters(formParametersNode, "formParameters", ParameterPlace.Form)
            : EquatableArray<ParameterModel>.Empty;
        if (!formParameters.IsEmpty && YamlSpecReader.Find(root, "body") is not null)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.KeySpan(root, "formParameters"), "formParameters", "endpoint file", "A request has one body: a JSON 'body:' or multipart/form-data 'formParameters:', not both.");
        }

        var unbound = path is null ? EquatableArray<PlaceholderModel>.Empty : CheckPlaceholders(path, (YamlScalarNode)pathNode!, pathParameters);

        TypeNode? body = YamlSpecReader.Find(root, "body") is { } bodyNode ? ParseType(bodyNode, "body", "Request", 0, parent: null) : null;
        if (body is { } jsonBody && ContainsFile(jsonBody.Type))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, jsonBody.Type.Span, "file", "body", "A file travels in a multipart/form-data body: declare it under 'formParameters:'.");
        }

        TypeNode? response = null;
        if (YamlSpecReader.Find(root, "response") is { } responseNode)
        {
            if (responseNode is YamlScalarNode { Value: "none" })
            {
                response = null;
            }
            else
            {
                response = ParseType(responseNode, "response", "Result", 0, parent: null);
                if (response.Value.Type.Kind != TypeKind.File && ContainsFile(response.Value.Type))
                {
                    _reader.Report(DiagnosticDescriptors.InvalidValue, response.Value.Type.Span, "file", "response", "A download is the whole response: write 'response: file'.");
                }

                if (status == 204)
                {
                    _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(responseNode), "response", "response", "A 204 No Content success has no body: write 'response: none'.");
                }
            }
        }
        else
        {
            _reader.Report(DiagnosticDescriptors.MissingKey, YamlSpecReader.KeySpan(root, "endpoint"), "endpoint file", "response", "{ typeName: Submission, properties: { ... } }, or none when a success has no body", "missing");
        }

        var errors = ImmutableArray.CreateBuilder<ErrorResponseModel>();
        if (YamlSpecReader.Find(root, "errors") is { } errorsNode)
        {
            foreach (var (errorStatus, key, value) in _reader.NamedEntries(errorsNode, "errors"))
            {
                errors.Add(ParseErrorResponse(errorStatus, key, value, "errors.", SpecFormat.EndpointError));
            }
        }

        var examples = YamlSpecReader.Find(root, "examples") is { } examplesNode ? ParseExamples(examplesNode) : EquatableArray<ExampleModel>.Empty;
        if (api is null || group is null || name is null)
        {
            return null;
        }

        // A missing method, path or response has its SPEC003 and stops the file, but the model is
        // still built, with stand-ins, so that the binder's checks (unknown types, clashing names)
        // report in the same build rather than after this one is fixed.
        return new EndpointModel(
            api,
            YamlSpecReader.SpanOf(YamlSpecReader.Find(endpoint, "api")!),
            group,
            name,
            YamlSpecReader.SpanOf(YamlSpecReader.Find(endpoint, "name")!),
            method?.ToUpperInvariant() ?? "GET",
            path ?? "/",
            pathNode is not null && path is not null ? YamlSpecReader.SpanOf(pathNode) : section,
            _reader.OptionalScalar(endpoint, "summary", "endpoint"),
            _reader.OptionalScalar(endpoint, "description", "endpoint"),
            pathParameters,
            unbound,
            queryParameters,
            formParameters,
            headerParameters,
            body?.Type,
            body?.Description,
            response?.Type,
            response?.Description,
            _objects.ToEquatableArray(),
            _enums.ToEquatableArray(),
            examples,
            _typeScope,
            errors.ToEquatableArray(),
            status,
            _reader.OptionalBoolean(endpoint, "deprecated", "endpoint") ?? false,
            _reader.OptionalBoolean(endpoint, "paged", "endpoint") ?? true);
    }

    /// <summary>The documented success status: 200 unless the page says 201, 202 or 204.</summary>
    private int ParseSuccessStatus(YamlMappingNode endpoint)
    {
        if (YamlSpecReader.Find(endpoint, "status") is not { } node || _reader.AsScalar(node, "endpoint.status") is not { } text)
        {
            return 200;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status) && status is >= 200 and <= 299)
        {
            return status;
        }

        _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(node), text, "endpoint.status", "The success status is 200 to 299, for example 201, 202 or 204.");
        return 200;
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
}

using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Binding;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Patterns;

namespace SpecClient.Generator.Emitting;

/// <summary>Emits the file of one endpoint: its method on the group interface and class, and its own types.</summary>
internal static class EndpointEmitter
{
    public static string Emit(EndpointSource source)
    {
        var endpoint = source.Endpoint;
        var writer = new SourceWriter();
        FileHeader.Write(writer, source.RelativePath, source.Api.Namespace);
        var method = new MethodShape(source);

        var group = MemberNames.Group(endpoint.Group);
        writer.Open("public partial interface I" + group);
        EmitDocs(writer, method, source);
        writer.Line(method.Signature(typed: false) + ";");
        if (method.HasTypedOverload)
        {
            writer.BlankLine();
            writer.RawDoc("<inheritdoc cref=\"" + method.Name + "(" + string.Join(", ", method.CrefParameterTypes()) + ")\"/>");
            writer.Line(method.Signature(typed: true) + ";");
        }

        writer.Close();
        writer.BlankLine();

        writer.Open("public sealed partial class " + group);
        foreach (var parameter in method.PatternParameters)
        {
            writer.Line("private static readonly RoutePattern " + method.PatternField(parameter) + " = new(" + CSharpText.Literal(method.Parameters.First(p => p.Model == parameter).Name.TrimStart('@')) + ", "
                + CSharpText.Literal(parameter.Pattern!) + ", " + CSharpText.Literal(RoutePatterns.Anchor(parameter.Pattern!)) + ");");
        }

        writer.Line("private static readonly JsonConverter<" + method.ResponseType + "> " + method.ConverterField + " = " + method.ResponseConverter + ";");
        writer.BlankLine();
        EmitMethods(writer, method);
        writer.Close();
        TypeEmitter.EmitTypes(writer, endpoint.Objects, endpoint.Enums);

        return writer.ToString();
    }

    private static void EmitDocs(SourceWriter writer, MethodShape method, EndpointSource source)
    {
        var endpoint = source.Endpoint;
        writer.Summary(endpoint.Summary, endpoint.Method + " " + endpoint.Path);
        writer.Doc("remarks", (endpoint.Description is null ? string.Empty : endpoint.Description + "\n") + endpoint.Method + " " + endpoint.Path);
        foreach (var parameter in method.Parameters)
        {
            var text = parameter.Model.Description is null ? string.Empty : Sentence(Xml(parameter.Model.Description));
            if (parameter.Model.Pattern is { } pattern)
            {
                text += (text.Length > 0 ? " " : string.Empty) + "Must match <c>" + Xml(pattern) + "</c>.";
            }

            if (parameter.Model.Example is { } example)
            {
                text += (text.Length > 0 ? " " : string.Empty) + "Example: <c>" + Xml(example) + "</c>.";
            }

            writer.RawDoc("<param name=\"" + parameter.Name.TrimStart('@') + "\">" + (text.Length > 0 ? text : "The " + Xml(parameter.Model.WireName) + " value.") + "</param>");
        }

        if (method.Body is not null)
        {
            var text = endpoint.BodyDescription is null ? "The request body." : Sentence(Xml(endpoint.BodyDescription));
            writer.RawDoc("<param name=\"body\">" + text + (source.BodyIsOptional ? " When null, an empty JSON object is sent." : string.Empty) + "</param>");
        }

        writer.RawDoc("<param name=\"cancellationToken\">Cancels the call.</param>");
        var payload = endpoint.ResponseDescription is null ? null : Sentence(Xml(endpoint.ResponseDescription));
        writer.RawDoc("<returns>" + (source.Api.EnvelopeTypeName is null
            ? payload ?? "The response body."
            : "The response envelope." + (payload is null ? string.Empty : " Its payload: " + payload)) + "</returns>");
        if (method.Parameters.Any(p => p.Model.Pattern is not null))
        {
            writer.RawDoc("<exception cref=\"ArgumentException\">A route value does not match its documented pattern. Nothing was sent.</exception>");
        }

        writer.RawDoc("<exception cref=\"" + MemberNames.Exception(source.Api.Name) + "\">The server answered with an error status, or with a body that does not match the spec.</exception>");
    }

    /// <summary>Spec text as one line of escaped XML doc content.</summary>
    private static string Xml(string text) => string.Join(" ", CSharpText.XmlLines(text));

    /// <summary>Ends documentation text with a full stop, so that the sentences the generator adds read well after it.</summary>
    private static string Sentence(string text) => text.Length == 0 || text[text.Length - 1] is '.' or '!' or '?' or ':' ? text : text + ".";

    private static void EmitMethods(SourceWriter writer, MethodShape method)
    {
        writer.RawDoc("<inheritdoc/>");
        writer.Open("public " + method.Signature(typed: false));
        if (!method.HasTypedOverload)
        {
            if (EmitGuards(writer, method, typed: false))
            {
                writer.BlankLine();
            }

            EmitSend(writer, method);
            writer.Close();
            return;
        }

        EmitCallToSend(writer, method, typed: false);
        writer.Close();
        writer.BlankLine();
        writer.RawDoc("<inheritdoc/>");
        if (method.HasGuards(typed: true))
        {
            writer.Open("public " + method.Signature(typed: true));
            EmitCallToSend(writer, method, typed: true);
            writer.Close();
        }
        else
        {
            writer.Line("public " + method.Signature(typed: true));
            writer.Line("    => " + method.SendName + "(" + string.Join(", ", method.SendArguments(typed: true)) + ");");
        }

        writer.BlankLine();
        writer.Open("private " + method.SendSignature());
        EmitSend(writer, method);
        writer.Close();
    }

    private static void EmitCallToSend(SourceWriter writer, MethodShape method, bool typed)
    {
        if (EmitGuards(writer, method, typed))
        {
            writer.BlankLine();
        }

        writer.Line("return " + method.SendName + "(" + string.Join(", ", method.SendArguments(typed)) + ");");
    }

    /// <summary>
    /// Checks every argument before anything is sent: documented patterns, and null for required
    /// strings and bodies. A typed argument (Guid, ulong) is valid by construction.
    /// </summary>
    private static bool EmitGuards(SourceWriter writer, MethodShape method, bool typed)
    {
        foreach (var parameter in method.GuardedParameters(typed))
        {
            if (parameter.Kind == ParameterKind.Path && parameter.Model.Pattern is not null)
            {
                var value = parameter.Type == "string" ? parameter.Name : parameter.Name + ".ToString(CultureInfo.InvariantCulture)";
                writer.Line(method.PatternField(parameter.Model) + ".Validate(" + value + ");");
            }
            else
            {
                EmitNullCheck(writer, parameter.Name);
            }
        }

        if (method.Body is not null && !method.BodyIsOptional)
        {
            EmitNullCheck(writer, "body");
        }

        return method.HasGuards(typed);
    }

    private static void EmitNullCheck(SourceWriter writer, string name)
    {
        writer.Open("if (" + name + " is null)");
        writer.Line("throw new ArgumentNullException(nameof(" + name + "));");
        writer.Close();
    }

    private static void EmitSend(SourceWriter writer, MethodShape method)
    {
        writer.Line("var path = " + method.PathExpression() + ";");
        var query = method.Parameters.Where(p => p.Kind == ParameterKind.Query).ToList();
        if (query.Count > 0)
        {
            writer.Line("var query = new QueryString()");
            writer.Indent();
            for (var i = 0; i < query.Count; i++)
            {
                writer.Line(".Add(" + CSharpText.Literal(query[i].Model.WireName) + ", " + query[i].Name + ")" + (i == query.Count - 1 ? ".ToString();" : string.Empty));
            }

            writer.Unindent();
        }

        var content = "content: null";
        if (method.Body is { } body)
        {
            writer.Line("var content = " + (method.BodyIsOptional
                ? "body is null ? JsonBody.EmptyObject() : JsonBody.Create(body, " + TypeEmitter.Converter(body) + ")"
                : "JsonBody.Create(body, " + TypeEmitter.Converter(body) + ")") + ";");
            content = "content";
        }

        writer.Line("return _transport.SendAsync(" + method.HttpMethod + ", path, " + (query.Count > 0 ? "query" : "string.Empty") + ", " + content + ", " + method.ConverterField + ", cancellationToken);");
    }

    /// <summary>Names the generated method uses itself.</summary>
    private static readonly string[] ReservedParameterNames = { "cancellationToken", "body", "path", "query", "content" };

    private enum ParameterKind
    {
        Path,
        Query,
    }

    private sealed record Parameter(ParameterModel Model, ParameterKind Kind, string Name, string Type, string? TypedType, bool Optional)
    {
        public bool NeedsNullCheck => Type == "string" && !Optional;
    }

    /// <summary>The C# shape of one endpoint method, derived once and read by the emitting code.</summary>
    private sealed class MethodShape
    {
        private readonly EndpointSource _source;

        public MethodShape(EndpointSource source)
        {
            _source = source;
            var endpoint = source.Endpoint;
            Name = MemberNames.Method(endpoint.Name);
            var prefix = Identifiers.ToPascalCase(endpoint.Name);
            ConverterField = prefix + "ResponseConverter";
            SendName = "Send" + Name;
            Body = endpoint.Body;
            BodyIsOptional = source.BodyIsOptional;

            var pathParameters = endpoint.PathParameters.OrderBy(p => endpoint.Path.IndexOf("{" + p.WireName + "}", System.StringComparison.Ordinal)).ToList();
            var queryParameters = endpoint.QueryParameters.OrderBy(p => p.Nullable).ToList();
            var names = MemberNames.UniqueLocals(pathParameters.Concat(queryParameters).Select(p => MemberNames.Local(p.WireName)).ToList(), ReservedParameterNames, "Parameter");
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
                parameters.Add(new Parameter(p, ParameterKind.Query, names[parameters.Count], TypeEmitter.CSharpType(p.Type, p.Nullable), null, p.Nullable));
            }

            Parameters = parameters;
            PatternParameters = endpoint.PathParameters.Where(p => p.Pattern is not null).ToList();

            var payload = TypeEmitter.CSharpType(endpoint.Response);
            ResponseType = source.Api.EnvelopeTypeName is { } envelope ? MemberNames.Type(envelope) + "<" + payload + ">" : payload;
            ResponseConverter = source.Api.EnvelopeTypeName is { } envelopeName
                ? "new " + MemberNames.Converter(MemberNames.Type(envelopeName)) + "<" + payload + ">(" + TypeEmitter.Converter(endpoint.Response) + ")"
                : TypeEmitter.Converter(endpoint.Response);
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

        public string SendName { get; }

        public string ConverterField { get; }

        public string ResponseType { get; }

        public string ResponseConverter { get; }

        public string HttpMethod { get; }

        public TypeRef? Body { get; }

        public bool BodyIsOptional { get; }

        public IReadOnlyList<Parameter> Parameters { get; }

        public IReadOnlyList<ParameterModel> PatternParameters { get; }

        public bool HasTypedOverload => Parameters.Any(p => p.TypedType is not null);

        /// <summary>The parameters checked before sending: documented patterns and required strings; typed ones are valid by construction.</summary>
        public IEnumerable<Parameter> GuardedParameters(bool typed)
            => Parameters.Where(p => !(typed && p.TypedType is not null) && ((p.Kind == ParameterKind.Path && p.Model.Pattern is not null) || p.NeedsNullCheck));

        public bool HasGuards(bool typed) => GuardedParameters(typed).Any() || (Body is not null && !BodyIsOptional);

        /// <summary>Parameter names unique per method, so their PascalCase forms make distinct field names.</summary>
        public string PatternField(ParameterModel parameter)
            => Identifiers.ToPascalCase(_source.Endpoint.Name) + Identifiers.ToPascalCase(Parameters.First(p => p.Model == parameter).Name.TrimStart('@')) + "Pattern";

        public string Signature(bool typed)
            => "Task<" + ResponseType + "> " + Name + "(" + string.Join(", ", DeclaredParameters(typed)) + ")";

        public string SendSignature()
            => "Task<" + ResponseType + "> " + SendName + "(" + string.Join(", ", DeclaredParameters(typed: false, forSend: true)) + ")";

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
                yield return parameter.Type.TrimEnd('?') is var t && parameter.Type.EndsWith("?", System.StringComparison.Ordinal) && t is "long" or "double" or "bool" or "DateTimeOffset" ? "Nullable{" + t + "}" : Cref(t);
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
                parts.Add(parameter.Type == "string"
                    ? "UriPath.EscapeSegment(" + parameter.Name + ")"
                    : "UriPath.EscapeSegment(" + parameter.Name + ".ToString(CultureInfo.InvariantCulture))");
            }

            return parts.Count == 0 ? "string.Empty" : string.Join(" + ", parts);
        }

        private IEnumerable<string> DeclaredParameters(bool typed, bool forSend = false)
        {
            foreach (var parameter in Parameters.Where(p => !p.Optional))
            {
                yield return (typed && parameter.TypedType is not null ? parameter.TypedType : parameter.Type) + " " + parameter.Name;
            }

            if (Body is not null && !BodyIsOptional)
            {
                yield return TypeEmitter.CSharpType(Body) + " body";
            }

            foreach (var parameter in Parameters.Where(p => p.Optional))
            {
                yield return parameter.Type + " " + parameter.Name + (forSend ? string.Empty : " = null");
            }

            if (Body is not null && BodyIsOptional)
            {
                yield return TypeEmitter.CSharpType(Body) + "? body" + (forSend ? string.Empty : " = null");
            }

            yield return forSend ? "CancellationToken cancellationToken" : "CancellationToken cancellationToken = default";
        }
    }
}

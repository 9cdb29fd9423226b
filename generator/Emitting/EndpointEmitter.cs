using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Binding;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;

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
            writer.Line("private static readonly RoutePattern " + method.PatternField(parameter) + " = new(" + CSharpText.Literal(MemberNames.Local(parameter.WireName)) + ", "
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
        writer.Doc("summary", endpoint.Summary ?? endpoint.Method + " " + endpoint.Path);
        writer.Doc("remarks", (endpoint.Description is null ? string.Empty : endpoint.Description + "\n") + endpoint.Method + " " + endpoint.Path);
        foreach (var parameter in method.Parameters)
        {
            var text = parameter.Model.Description is null ? string.Empty : Sentence(string.Join(" ", CSharpText.XmlLines(parameter.Model.Description)));
            if (parameter.Model.Pattern is { } pattern)
            {
                text += (text.Length > 0 ? " " : string.Empty) + "Must match <c>" + string.Join(" ", CSharpText.XmlLines(pattern)) + "</c>.";
            }

            if (parameter.Model.Example is { } example)
            {
                text += (text.Length > 0 ? " " : string.Empty) + "Example: <c>" + string.Join(" ", CSharpText.XmlLines(example)) + "</c>.";
            }

            writer.RawDoc("<param name=\"" + parameter.Name.TrimStart('@') + "\">" + (text.Length > 0 ? text : "The " + parameter.Model.WireName + " value.") + "</param>");
        }

        if (method.Body is { } body)
        {
            var text = endpoint.BodyDescription is null ? "The request body." : string.Join(" ", CSharpText.XmlLines(endpoint.BodyDescription));
            writer.RawDoc("<param name=\"body\">" + text + (source.BodyIsOptional ? " When null, an empty JSON object is sent." : string.Empty) + "</param>");
        }

        writer.RawDoc("<param name=\"cancellationToken\">Cancels the call.</param>");
        var returns = endpoint.ResponseDescription is null ? string.Empty : string.Join(" ", CSharpText.XmlLines(endpoint.ResponseDescription));
        writer.RawDoc("<returns>" + (source.Api.EnvelopeTypeName is null ? returns : "The response envelope. Its payload: " + returns) + "</returns>");
        if (method.Parameters.Any(p => p.Model.Pattern is not null))
        {
            writer.RawDoc("<exception cref=\"ArgumentException\">A route value does not match its documented pattern. Nothing was sent.</exception>");
        }

        writer.RawDoc("<exception cref=\"" + MemberNames.Exception(source.Api.Name) + "\">The server answered with an error status, or with a body that does not match the spec.</exception>");
    }

    /// <summary>Ends documentation text with a full stop, so that the sentences the generator adds read well after it.</summary>
    private static string Sentence(string text) => text.Length == 0 || text[text.Length - 1] is '.' or '!' or '?' or ':' ? text : text + ".";

    private static void EmitMethods(SourceWriter writer, MethodShape method)
    {
        writer.RawDoc("<inheritdoc/>");
        writer.Open("public " + method.Signature(typed: false));
        foreach (var parameter in method.Parameters.Where(p => p.NeedsNullCheck))
        {
            if (parameter.Model.Pattern is not null && parameter.Kind == ParameterKind.Path)
            {
                writer.Line(method.PatternField(parameter.Model) + ".Validate(" + parameter.Name + ");");
            }
            else
            {
                writer.Open("if (" + parameter.Name + " is null)");
                writer.Line("throw new ArgumentNullException(nameof(" + parameter.Name + "));");
                writer.Close();
            }
        }

        if (method.HasTypedOverload)
        {
            writer.BlankLine();
            writer.Line("return " + method.SendName + "(" + string.Join(", ", method.SendArguments(typed: false)) + ");");
            writer.Close();
            writer.BlankLine();
            writer.RawDoc("<inheritdoc/>");
            writer.Line("public " + method.Signature(typed: true));
            writer.Line("    => " + method.SendName + "(" + string.Join(", ", method.SendArguments(typed: true)) + ");");
            writer.BlankLine();
            writer.Open("private " + method.SendSignature());
            EmitSend(writer, method);
            writer.Close();
            return;
        }

        if (method.Parameters.Any(p => p.NeedsNullCheck))
        {
            writer.BlankLine();
        }

        EmitSend(writer, method);
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

            var parameters = new List<Parameter>();
            foreach (var p in endpoint.PathParameters.OrderBy(p => endpoint.Path.IndexOf("{" + p.WireName + "}", System.StringComparison.Ordinal)))
            {
                var typed = p.Type.Kind != TypeKind.String || p.Pattern is null ? null
                    : RoutePatterns.IsUuid(p.Pattern) ? "Guid"
                    : RoutePatterns.IsDigits(p.Pattern) ? "ulong"
                    : null;
                parameters.Add(new Parameter(p, ParameterKind.Path, MemberNames.Local(p.WireName), TypeEmitter.CSharpType(p.Type), typed, false));
            }

            foreach (var p in endpoint.QueryParameters.OrderBy(p => p.Nullable))
            {
                parameters.Add(new Parameter(p, ParameterKind.Query, MemberNames.Local(p.WireName), TypeEmitter.CSharpType(p.Type, p.Nullable), null, p.Nullable));
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

        public string PatternField(ParameterModel parameter)
            => Identifiers.ToPascalCase(_source.Endpoint.Name) + Identifiers.ToPascalCase(parameter.WireName) + "Pattern";

        public string Signature(bool typed)
            => "Task<" + ResponseType + "> " + Name + "(" + string.Join(", ", DeclaredParameters(typed)) + ")";

        public string SendSignature()
            => "Task<" + ResponseType + "> " + SendName + "(" + string.Join(", ", DeclaredParameters(typed: false, forSend: true)) + ")";

        public IEnumerable<string> CrefParameterTypes()
        {
            foreach (var parameter in Parameters.Where(p => !p.Optional))
            {
                yield return parameter.Type;
            }

            if (Body is not null && !BodyIsOptional)
            {
                yield return TypeEmitter.CSharpType(Body);
            }

            foreach (var parameter in Parameters.Where(p => p.Optional))
            {
                yield return parameter.Type.TrimEnd('?') is var t && parameter.Type.EndsWith("?", System.StringComparison.Ordinal) && t is "long" or "double" or "bool" or "DateTimeOffset" ? "Nullable{" + t + "}" : parameter.Type.TrimEnd('?');
            }

            if (Body is not null && BodyIsOptional)
            {
                yield return TypeEmitter.CSharpType(Body);
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
                var parameter = Parameters.First(p => p.Kind == ParameterKind.Path && p.Model.WireName == wireName);
                parts.Add(parameter.Type == "string"
                    ? "UriPath.EscapeSegment(" + parameter.Name + ")"
                    : "UriPath.EscapeSegment(" + parameter.Name + ".ToString(CultureInfo.InvariantCulture))");
                position = close + 1;
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

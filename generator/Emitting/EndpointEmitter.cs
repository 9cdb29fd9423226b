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
        var types = FileHeader.PropertyTypes(endpoint.Objects)
            .Concat(endpoint.PathParameters.Concat(endpoint.QueryParameters).Concat(endpoint.FormParameters).Concat(endpoint.HeaderParameters).Select(p => (TypeRef?)p.Type))
            .Concat(new[] { endpoint.Body, endpoint.Response })
            .Concat(endpoint.Errors.Select(e => e.Body));
        FileHeader.Write(writer, source.RelativePath, source.Api.Namespace, hasDeprecatedMembers: FileHeader.HasDeprecated(endpoint.Objects), usesDates: FileHeader.UsesDates(types));
        var method = new MethodShape(source);

        var group = MemberNames.Group(endpoint.Group);
        writer.Open("public partial interface I" + group);
        EmitDocs(writer, method, source);
        WriteObsolete(writer, endpoint.Deprecated);
        writer.Line(method.Signature(typed: false) + ";");
        if (method.HasTypedOverload)
        {
            writer.BlankLine();
            writer.RawDoc("<inheritdoc cref=\"" + method.Name + "(" + string.Join(", ", method.CrefParameterTypes()) + ")\"/>");
            WriteObsolete(writer, endpoint.Deprecated);
            writer.Line(method.Signature(typed: true) + ";");
        }

        writer.BlankLine();
        writer.RawDoc("<inheritdoc cref=\"" + method.Name + "(" + string.Join(", ", method.CrefParameterTypes()) + ")\" path=\"/*[not(self::returns)]\"/>");
        writer.RawDoc("<returns>" + (method.ResponseType is null ? "The success's status code and headers." : "The result in <see cref=\"ApiResponse{T}.Value\"/>, with the success's status code and headers.") + "</returns>");
        WriteObsolete(writer, endpoint.Deprecated);
        writer.Line(method.Signature(typed: false, withResponse: true) + ";");
        if (method.HasTypedOverload)
        {
            writer.BlankLine();
            writer.RawDoc("<inheritdoc cref=\"" + method.WithResponseName + "(" + string.Join(", ", method.CrefParameterTypes()) + ")\"/>");
            WriteObsolete(writer, endpoint.Deprecated);
            writer.Line(method.Signature(typed: true, withResponse: true) + ";");
        }

        if (method.Paging is { } paging)
        {
            writer.BlankLine();
            PagingEmitter.EmitInterfaceMethod(writer, method, paging, endpoint.Deprecated);
        }

        writer.Close();
        writer.BlankLine();

        writer.Open("public sealed partial class " + group);
        writer.Line("private static readonly ApiOperation " + method.OperationField + " = new(" + CSharpText.Literal(endpoint.Group + "." + endpoint.Name) + ", " + method.HttpMethod + ", " + CSharpText.Literal(endpoint.Path) + ");");
        foreach (var parameter in method.PatternParameters)
        {
            writer.Line("private static readonly RoutePattern " + method.PatternField(parameter) + " = new(" + CSharpText.Literal(method.Parameters.First(p => p.Model == parameter).Name.TrimStart('@')) + ", "
                + CSharpText.Literal(parameter.Pattern!) + ", " + CSharpText.Literal(RoutePatterns.Anchor(parameter.Pattern!)) + ");");
        }

        if (method.ResponseConverter is not null)
        {
            writer.Line("private static readonly JsonConverter<" + method.ResponseType + "> " + method.ConverterField + " = " + method.ResponseConverter + ";");
            writer.BlankLine();
        }

        if (!endpoint.Errors.IsEmpty)
        {
            ApiEmitter.EmitErrorMeaning(writer, method.ErrorMeaningMethod, endpoint.Errors);
            writer.BlankLine();
        }

        if (method.HasErrorBodies)
        {
            EmitErrorBody(writer, method.ErrorBodyMethod, endpoint.Errors);
            writer.BlankLine();
        }

        EmitMethods(writer, method);
        writer.Close();
        if (!endpoint.Objects.IsEmpty || !endpoint.Enums.IsEmpty)
        {
            writer.BlankLine();
            writer.Doc("summary", "The types of " + endpoint.Method + " " + endpoint.Path + " (" + endpoint.Group + "." + endpoint.Name + ").");
            writer.Open("public static partial class " + endpoint.TypeScope);
            TypeEmitter.EmitTypes(writer, endpoint.Objects, endpoint.Enums, endpoint.TypeScope);
            writer.Close();
        }

        return writer.ToString();
    }

    private static void EmitDocs(SourceWriter writer, MethodShape method, EndpointSource source)
    {
        var endpoint = source.Endpoint;
        writer.Summary(endpoint.Summary, endpoint.Method + " " + endpoint.Path);
        writer.Doc("remarks", (endpoint.Description is null ? string.Empty : endpoint.Description + "\n") + endpoint.Method + " " + endpoint.Path + SuccessNote(endpoint.SuccessStatus));
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
        writer.RawDoc("<returns>" + (endpoint.Response is null
            ? "Completes when the server has answered with a success; the body, if any, is not read."
            : endpoint.Response.Kind == TypeKind.File
            ? "The response body as a stream, read as it arrives. Dispose it: that frees the connection."
            : source.Api.EnvelopeTypeName is null
            ? payload ?? "The response body."
            : "The response envelope." + (payload is null ? string.Empty : " Its payload: " + payload)) + "</returns>");
        if (method.Parameters.Any(p => p.Model.Pattern is not null))
        {
            writer.RawDoc("<exception cref=\"ArgumentException\">A route value does not match its documented pattern. Nothing was sent.</exception>");
        }

        var documented = string.Join("; ", endpoint.Errors.Where(e => e.Description is not null).Select(e => e.Status + ": " + Xml(e.Description!).TrimEnd('.')));
        var bodies = string.Join("; ", endpoint.Errors.Where(e => e.Body is not null).Select(e => (e.Status == "default" ? "other statuses" : e.Status) + ": " + TypeDoc(e.Body!)));
        writer.RawDoc("<exception cref=\"" + MemberNames.Exception(source.Api.Name) + "\">The server answered with an error status" + (documented.Length == 0 ? string.Empty : " (" + documented + ")") + ", or with a body that does not match the spec."
            + (bodies.Length == 0 ? string.Empty : " Its <see cref=\"ApiException.EndpointError\"/> holds the body read as the page shows it: " + bodies + ".") + "</exception>");
    }

    /// <summary>Reads an error body as the endpoint's page types it for the status; "default" covers the other statuses.</summary>
    private static void EmitErrorBody(SourceWriter writer, string name, EquatableArray<ErrorResponseModel> errors)
    {
        writer.Line("private static object? " + name + "(ApiFailure failure) => (int)failure.StatusCode switch");
        writer.Line("{");
        writer.Indent();
        foreach (var error in errors.Where(e => e.Status != "default" && e.Body is not null))
        {
            writer.Line(error.Status + " => failure.TryReadBody(" + TypeEmitter.Converter(error.Body!) + "),");
        }

        var fallback = errors.FirstOrDefault(e => e.Status == "default")?.Body;
        writer.Line("_ => " + (fallback is null ? "null" : "failure.TryReadBody(" + TypeEmitter.Converter(fallback) + ")") + ",");
        writer.Unindent();
        writer.Line("};");
    }

    /// <summary>A type for the docs: a cref for a named type, code text for a list or a map.</summary>
    private static string TypeDoc(TypeRef type)
        => type.Kind == TypeKind.Object ? "<see cref=\"" + TypeEmitter.CSharpType(type) + "\"/>" : "<c>" + Xml(TypeEmitter.CSharpType(type)) + "</c>";

    /// <summary>One query parameter's call on the QueryString: scalars as text, lists and objects in the query style.</summary>
    private static string QueryAdd(Parameter parameter, string apiStyle)
    {
        var wireName = CSharpText.Literal(parameter.Model.WireName);
        var type = parameter.Model.Type;
        var style = "QueryStyle." + Naming.Identifiers.ToPascalCase(parameter.Model.Style ?? apiStyle);
        return type.Kind switch
        {
            TypeKind.Array => ".AddList(" + wireName + ", " + parameter.Name + ", " + TypeEmitter.Converter(type.Items!) + ", " + style + ")",
            TypeKind.Object or TypeKind.Map => ".AddObject(" + wireName + ", " + parameter.Name + ", " + TypeEmitter.Converter(type) + ", " + style + ")",
            _ => ".Add(" + wireName + ", " + ScalarValue(parameter) + ")",
        };
    }

    /// <summary>
    /// A scalar parameter as the query, form or header builder takes it: an enum as its wire value,
    /// a date as yyyy-MM-dd, the others as they are (the builders format them invariantly).
    /// </summary>
    private static string ScalarValue(Parameter parameter) => parameter.Model.Type.Kind switch
    {
        TypeKind.Enum => parameter.Name + (parameter.Optional ? "?" : string.Empty) + ".Value",
        TypeKind.Date when parameter.Optional => parameter.Name + " is null ? null : DateText.Format(" + parameter.Name + ".Value)",
        TypeKind.Date => "DateText.Format(" + parameter.Name + ")",
        _ => parameter.Name,
    };

    /// <summary>Marks a deprecated endpoint's methods, so that callers see the warning.</summary>
    internal static void WriteObsolete(SourceWriter writer, bool deprecated)
    {
        if (deprecated)
        {
            writer.Line("[Obsolete(\"Deprecated in the API's documentation.\")]");
        }
    }

    /// <summary>The documented success status when it is not the usual 200.</summary>
    private static string SuccessNote(int status) => status switch
    {
        200 => string.Empty,
        201 => ", answered with 201 Created",
        202 => ", answered with 202 Accepted",
        204 => ", answered with 204 No Content",
        _ => ", answered with " + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Spec text as one line of escaped XML doc content.</summary>
    private static string Xml(string text) => string.Join(" ", CSharpText.XmlLines(text));

    /// <summary>Ends documentation text with a full stop, so that the sentences the generator adds read well after it.</summary>
    private static string Sentence(string text) => text.Length == 0 || text[text.Length - 1] is '.' or '!' or '?' or ':' ? text : text + ".";

    /// <summary>
    /// The public methods (the plain one and its twin with the response, each also typed when a route
    /// value has a typed form) check their arguments and call the one private method that sends.
    /// </summary>
    private static void EmitMethods(SourceWriter writer, MethodShape method)
    {
        foreach (var typed in method.HasTypedOverload ? new[] { false, true } : new[] { false })
        {
            foreach (var withResponse in new[] { false, true })
            {
                writer.RawDoc("<inheritdoc/>");
                WriteObsolete(writer, method.Deprecated);
                if (method.HasGuards(typed))
                {
                    writer.Open("public " + method.Signature(typed, withResponse));
                    EmitGuards(writer, method, typed);
                    writer.BlankLine();
                    writer.Line("return " + method.SendCall(typed, withResponse) + ";");
                    writer.Close();
                }
                else
                {
                    writer.Line("public " + method.Signature(typed, withResponse));
                    writer.Line("    => " + method.SendCall(typed, withResponse) + ";");
                }

                writer.BlankLine();
            }
        }

        if (method.Paging is { } paging)
        {
            PagingEmitter.EmitMethod(writer, method, paging, method.Deprecated);
        }

        writer.Open("private " + method.SendSignature());
        EmitSend(writer, method);
        writer.Close();
    }

    /// <summary>
    /// Checks every argument before anything is sent: documented patterns, route values neither
    /// null nor empty, and null for required strings and bodies. A typed argument (Guid, ulong) is valid by construction.
    /// </summary>
    private static bool EmitGuards(SourceWriter writer, MethodShape method, bool typed)
    {
        var afterBlock = false;
        foreach (var parameter in method.GuardedParameters(typed))
        {
            if (parameter.Kind == ParameterKind.Path && parameter.Model.Pattern is not null)
            {
                BlankLineAfterBlock(writer, ref afterBlock, nextIsBlock: false);
                writer.Line(method.PatternField(parameter.Model) + ".Validate(" + MethodShape.PathText(parameter) + ");");
            }
            else if (parameter.Kind == ParameterKind.Path)
            {
                // Null or empty: "/orders/" would reach the collection.
                BlankLineAfterBlock(writer, ref afterBlock, nextIsBlock: false);
                writer.Line("UriPath.CheckSegment(" + parameter.Name + ", nameof(" + parameter.Name + "));");
            }
            else
            {
                EmitNullCheck(writer, parameter.Name, ref afterBlock);
            }
        }

        if (method.BodyNeedsNullCheck)
        {
            EmitNullCheck(writer, "body", ref afterBlock);
        }

        return method.HasGuards(typed);
    }

    /// <summary>A blank line after a closing brace, as hand-written code has between statements and blocks.</summary>
    private static void BlankLineAfterBlock(SourceWriter writer, ref bool afterBlock, bool nextIsBlock)
    {
        if (afterBlock)
        {
            writer.BlankLine();
        }

        afterBlock = nextIsBlock;
    }

    private static void EmitNullCheck(SourceWriter writer, string name, ref bool afterBlock)
    {
        BlankLineAfterBlock(writer, ref afterBlock, nextIsBlock: true);
        writer.Open("if (" + name + " is null)");
        writer.Line("throw new ArgumentNullException(nameof(" + name + "));");
        writer.Close();
    }

    private static void EmitSend(SourceWriter writer, MethodShape method)
    {
        writer.Line("var path = " + method.PathExpression() + ";");
        var query = method.ConstantQuery.Select(c => ".Add(" + CSharpText.Literal(c.WireName) + ", " + CSharpText.Literal(c.Value!) + ")")
            .Concat(method.Parameters.Where(p => p.Kind == ParameterKind.Query).Select(p => QueryAdd(p, method.QueryStyle)))
            .ToList();
        if (query.Count > 0)
        {
            writer.Line("var query = new QueryString()");
            writer.Indent();
            for (var i = 0; i < query.Count; i++)
            {
                writer.Line(query[i] + (i == query.Count - 1 ? ".ToString();" : string.Empty));
            }

            writer.Unindent();
        }

        var content = "content: null";
        var form = method.Parameters.Where(p => p.Kind == ParameterKind.Form).ToList();
        if (form.Count > 0)
        {
            writer.Line("var content = new MultipartBody()");
            writer.Indent();
            foreach (var field in form)
            {
                writer.Line(".Add(" + CSharpText.Literal(field.Model.WireName) + ", " + ScalarValue(field) + ")");
            }

            writer.Line(".ToContent();");
            writer.Unindent();
            content = "content";
        }
        else if (method.Body is { } body)
        {
            writer.Line("var content = " + (method.BodyIsOptional
                ? "body is null ? JsonBody.EmptyObject() : JsonBody.Create(body, " + TypeEmitter.Converter(body) + ")"
                : "JsonBody.Create(body, " + TypeEmitter.Converter(body) + ")") + ";");
            content = "content";
        }

        if (method.HasExtras)
        {
            var headers = method.ConstantHeaders.Select(c => ".AddHeader(" + CSharpText.Literal(c.WireName) + ", " + CSharpText.Literal(c.Value!) + ")")
                .Concat(method.Parameters.Where(p => p.Kind == ParameterKind.Header).Select(h => ".AddHeader(" + CSharpText.Literal(h.Model.WireName) + ", " + ScalarValue(h) + ")"))
                .ToList();
            var errors = method.HasErrorMeanings ? method.ErrorMeaningMethod + (method.HasErrorBodies ? ", " + method.ErrorBodyMethod : string.Empty) : string.Empty;
            writer.Line("var extras = new RequestExtras(" + errors + ")" + (headers.Count == 0 ? ";" : string.Empty));
            writer.Indent();
            for (var i = 0; i < headers.Count; i++)
            {
                writer.Line(headers[i] + (i == headers.Count - 1 ? ";" : string.Empty));
            }

            writer.Unindent();
        }

        var converter = (method.ResponseConverter is null ? string.Empty : method.ConverterField + ", ") + (method.HasExtras ? "extras, " : string.Empty) + "capture, ";
        writer.Line("return _transport." + (method.ReturnsStream ? "SendForStreamAsync(" : "SendAsync(") + method.OperationField + ", path, " + (query.Count > 0 ? "query" : "string.Empty") + ", " + content + ", " + converter + "cancellationToken);");
    }
}

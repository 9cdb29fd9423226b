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
        ClientEmitter.EmitClient(writer, source, dependencyInjection);
        writer.BlankLine();
        ClientEmitter.EmitOptions(writer, api);
        if (dependencyInjection)
        {
            writer.BlankLine();
            ClientEmitter.EmitServiceCollectionExtensions(writer, api);
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

using SpecClient.Generator.Diagnostics;

namespace SpecClient.Generator.Model;

// The parsed form of spec files: plain, immutable, equatable data. Nested inline objects are hoisted
// into named ObjectModel entries at parse time, so a TypeRef only ever names a type.

/// <summary>What a property, parameter or array item holds.</summary>
internal enum TypeKind
{
    String,
    Integer,
    Number,
    Boolean,
    DateTime,

    /// <summary>Any JSON value, kept as a JsonElement (also an object declared without properties).</summary>
    Any,

    /// <summary>A record declared inline or under the API file's types.</summary>
    Object,

    /// <summary>An extensible string enum declared inline or under the API file's types.</summary>
    Enum,
    Array,

    /// <summary>A name not yet resolved: it must be one of the API file's types.</summary>
    Reference,
}

internal sealed record TypeRef(TypeKind Kind, string? Name, TypeRef? Items, SourceSpan Span)
{
    public static TypeRef Scalar(TypeKind kind, SourceSpan span) => new(kind, null, null, span);
}

internal sealed record PropertyModel(string WireName, TypeRef Type, bool Nullable, string? Description, string? Example, SourceSpan Span);

internal sealed record ObjectModel(string Name, string? Description, EquatableArray<PropertyModel> Properties, SourceSpan Span);

internal sealed record EnumModel(string Name, string? Description, EquatableArray<string> Values, SourceSpan Span);

internal sealed record ParameterModel(
    string WireName,
    TypeRef Type,
    bool Nullable,
    string? Description,
    string? Pattern,
    string? Example,
    SourceSpan Span,
    SourceSpan PatternSpan);

/// <summary>A documented error status ("400" ... "599", or "default") and what the page says about it.</summary>
internal sealed record ErrorResponseModel(string Status, string? Description, SourceSpan Span);

/// <summary>The API's response envelope, generic over the property that carries each endpoint's payload.</summary>
internal sealed record EnvelopeModel(string TypeName, string PayloadWireName, string? Description, EquatableArray<PropertyModel> Properties, SourceSpan Span);

/// <summary>Authorization: Bearer, with a token from the client's AccessTokenProvider option.</summary>
internal sealed record BearerAuthModel(string? Description);

/// <summary>A header every request of the API carries, set through a client option ("X-Customer" → Customer).</summary>
internal sealed record HeaderModel(string Name, string Option, string? Description, SourceSpan Span);

/// <summary>The path placeholder that every localized endpoint fills from the client's Locale option.</summary>
internal sealed record LocaleModel(string Placeholder, string Default, string? Pattern, string? Description, SourceSpan Span);

internal sealed record ApiModel(
    string Name,
    string Namespace,
    string? BaseUrl,
    string? Description,
    BearerAuthModel? BearerAuth,
    EquatableArray<HeaderModel> Headers,
    LocaleModel? Locale,
    EnvelopeModel? Envelope,
    TypeRef ErrorBody,
    EquatableArray<ErrorResponseModel> ErrorResponses,
    EquatableArray<ObjectModel> Objects,
    EquatableArray<EnumModel> Enums,
    SourceSpan NameSpan);

internal sealed record EndpointModel(
    string Api,
    SourceSpan ApiSpan,
    string Group,
    string Name,
    SourceSpan NameSpan,
    string Method,
    string Path,
    SourceSpan PathSpan,
    string? Summary,
    string? Description,
    EquatableArray<ParameterModel> PathParameters,
    EquatableArray<PlaceholderModel> UnboundPlaceholders,
    EquatableArray<ParameterModel> QueryParameters,
    TypeRef? Body,
    string? BodyDescription,
    TypeRef Response,
    string? ResponseDescription,
    EquatableArray<ObjectModel> Objects,
    EquatableArray<EnumModel> Enums,
    EquatableArray<ExampleModel> Examples);

/// <summary>A documented example response of an endpoint: its status and its body, as the page shows it.</summary>
internal sealed record ExampleModel(int Status, string Body, SourceSpan Span);

/// <summary>A path placeholder with no path parameter: the API's locale, or a mistake (SPEC008) the binder reports.</summary>
internal sealed record PlaceholderModel(string Name, SourceSpan Span);

/// <summary>One spec file after parsing: an API, an endpoint, or neither (then the diagnostics say why).</summary>
internal sealed record SpecFile(string Path, string RelativePath, ApiModel? Api, EndpointModel? Endpoint, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors => !Diagnostics.IsEmpty;
}

using System.Linq;
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

    /// <summary>A calendar date, "2024-01-02": DateOnly where the target has it, else DateTime.</summary>
    Date,

    /// <summary>Any JSON value, kept as a JsonElement (also an object declared without properties).</summary>
    Any,

    /// <summary>A record declared inline or under the API file's types.</summary>
    Object,

    /// <summary>An extensible string enum declared inline or under the API file's types.</summary>
    Enum,
    Array,

    /// <summary>A JSON object used as a map from string keys to values of one type (Items).</summary>
    Map,

    /// <summary>A file part of a multipart/form-data body: a stream with a file name and a media type.</summary>
    File,

    /// <summary>A name not yet resolved: it must be one of the API file's types.</summary>
    Reference,
}

/// <param name="Kind">What the type is.</param>
/// <param name="Name">The name of an object, enum or reference.</param>
/// <param name="Items">The item type of an array, the value type of a map.</param>
/// <param name="Span">Where the spec says it.</param>
/// <param name="Scope">The endpoint type that nests an endpoint's own object or enum; null for a shared type.</param>
internal sealed record TypeRef(TypeKind Kind, string? Name, TypeRef? Items, SourceSpan Span, string? Scope = null)
{
    public static TypeRef Scalar(TypeKind kind, SourceSpan span) => new(kind, null, null, span);
}

/// <param name="WireName">The JSON name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Nullable">May be JSON null.</param>
/// <param name="Description">Its documentation.</param>
/// <param name="Example">A sample value.</param>
/// <param name="Span">Where the spec declares it.</param>
/// <param name="Optional">May be absent: left out of a request when not set.</param>
/// <param name="Deprecated">Marked deprecated: [Obsolete] in C#.</param>
internal sealed record PropertyModel(string WireName, TypeRef Type, bool Nullable, string? Description, string? Example, SourceSpan Span, bool Optional = false, bool Deprecated = false)
{
    /// <summary>Must be present and not null: a C# required member.</summary>
    public bool IsRequired => !Nullable && !Optional;
}

internal sealed record ObjectModel(string Name, string? Description, EquatableArray<PropertyModel> Properties, SourceSpan Span);

internal sealed record EnumModel(string Name, string? Description, EquatableArray<string> Values, SourceSpan Span);

internal sealed record ParameterModel(
    string WireName,
    TypeRef Type,
    bool Optional,
    string? Description,
    string? Pattern,
    string? Example,
    SourceSpan Span,
    SourceSpan PatternSpan,
    string? Style = null,
    string? Value = null);

/// <summary>A documented error status ("400" ... "599", or "default"), what the page says about it, and the body an endpoint's page shows for it.</summary>
internal sealed record ErrorResponseModel(string Status, string? Description, SourceSpan Span, TypeRef? Body = null);

/// <summary>The API's response envelope, generic over the property that carries each endpoint's payload.</summary>
internal sealed record EnvelopeModel(string TypeName, string PayloadWireName, string? Description, EquatableArray<PropertyModel> Properties, SourceSpan Span);

/// <summary>Authorization: Bearer, with a token from the client's AccessTokenProvider option.</summary>
internal sealed record BearerAuthModel(string? Description);

/// <summary>A header every request of the API carries, set through a client option ("X-Customer" → Customer).</summary>
internal sealed record HeaderModel(string Name, string Option, string? Description, SourceSpan Span);

/// <summary>The path placeholder that every localized endpoint fills from the client's Locale option.</summary>
internal sealed record LocaleModel(string Placeholder, string Default, string? Pattern, string? Description, SourceSpan Span);

/// <summary>How an API pages its lists: the query parameter that moves through them, and the response members of a page.</summary>
/// <param name="Parameter">The query parameter's wire name: a page number, or with <paramref name="ByOffset"/> the index of the first item.</param>
/// <param name="ByOffset">Whether the parameter is an offset rather than a page number.</param>
/// <param name="FirstPage">The number of the first page (page numbers only).</param>
/// <param name="Items">The response member holding the page's items.</param>
/// <param name="Total">The response member holding the number of pages (page numbers) or of items (offsets), or null.</param>
internal sealed record PagingModel(string Parameter, bool ByOffset, long FirstPage, string Items, string? Total);

/// <remarks><see cref="QueryStyle"/>: how lists and objects go into a query string, unless a parameter says otherwise.</remarks>
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
    SourceSpan NameSpan,
    string QueryStyle = "form",
    PagingModel? Paging = null);

/// <remarks>
/// <see cref="Response"/> is null for "response: none": the body is not read. <see cref="TypeScope"/>
/// is the static class that nests the types the endpoint file declares. <see cref="Paged"/> false:
/// the endpoint takes the API's paging parameter but is not walked by the API's paging.
/// </remarks>
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
    EquatableArray<ParameterModel> FormParameters,
    EquatableArray<ParameterModel> HeaderParameters,
    TypeRef? Body,
    string? BodyDescription,
    TypeRef? Response,
    string? ResponseDescription,
    EquatableArray<ObjectModel> Objects,
    EquatableArray<EnumModel> Enums,
    EquatableArray<ExampleModel> Examples,
    string TypeScope,
    EquatableArray<ErrorResponseModel> Errors,
    int SuccessStatus = 200,
    bool Deprecated = false,
    bool Paged = true);

/// <summary>A documented example response of an endpoint: its status and its body, as the page shows it.</summary>
internal sealed record ExampleModel(int Status, string Body, SourceSpan Span);

/// <summary>A path placeholder with no path parameter: the API's locale, or a mistake (SPEC008) the binder reports.</summary>
internal sealed record PlaceholderModel(string Name, SourceSpan Span);

/// <summary>A file of types that several endpoint files of one API share (a top-level 'shared:' section).</summary>
internal sealed record SharedTypesModel(string Api, SourceSpan ApiSpan, string? Description, EquatableArray<ObjectModel> Objects, EquatableArray<EnumModel> Enums);

/// <summary>One spec file after parsing: an API, an endpoint, shared types, or none (then the diagnostics say why).</summary>
/// <remarks><see cref="BrokenApiName"/>: the API a file that could not be read as an API file means to declare, so that its endpoints get SPEC015.</remarks>
internal sealed record SpecFile(string Path, string RelativePath, ApiModel? Api, EndpointModel? Endpoint, EquatableArray<DiagnosticInfo> Diagnostics, SharedTypesModel? Shared = null, string? BrokenApiName = null)
{
    /// <summary>
    /// Errors that stop the file. An unknown key (ignored) or a path parameter that is not in the
    /// path (still a parameter) leave the model whole: the file binds and generates, so that the
    /// user's code sees only the SPEC error and no cascade of C# ones, and the binder's own checks
    /// (SPEC006, SPEC008...) report in the same build.
    /// </summary>
    public bool HasErrors => Diagnostics.Any(d => d.StopsItsFile);
}

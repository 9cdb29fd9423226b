using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Binding;

/// <summary>
/// Clears the source spans of a bound model before it reaches the emitter. Spans only serve
/// diagnostics, which the binder has reported by then; without them, an edit that moves lines
/// (a comment, a blank line) leaves the emitter's input equal, so the file is not re-emitted.
/// </summary>
internal static class SpanEraser
{
    public static ApiModel Erase(ApiModel api) => api with
    {
        Headers = api.Headers.Select(h => h with { Span = default }).ToEquatableArray(),
        Locale = api.Locale is { } locale ? locale with { Span = default } : null,
        Envelope = api.Envelope is { } envelope ? envelope with { Properties = Erase(envelope.Properties), Span = default } : null,
        ErrorBody = Erase(api.ErrorBody),
        ErrorResponses = api.ErrorResponses.Select(r => r with { Span = default }).ToEquatableArray(),
        Objects = api.Objects.Select(Erase).ToEquatableArray(),
        Enums = api.Enums.Select(e => e with { Span = default }).ToEquatableArray(),
        NameSpan = default,
    };

    public static EndpointModel Erase(EndpointModel endpoint) => endpoint with
    {
        ApiSpan = default,
        NameSpan = default,
        PathSpan = default,
        PathParameters = endpoint.PathParameters.Select(Erase).ToEquatableArray(),
        UnboundPlaceholders = endpoint.UnboundPlaceholders.Select(p => p with { Span = default }).ToEquatableArray(),
        QueryParameters = endpoint.QueryParameters.Select(Erase).ToEquatableArray(),
        FormParameters = endpoint.FormParameters.Select(Erase).ToEquatableArray(),
        HeaderParameters = endpoint.HeaderParameters.Select(Erase).ToEquatableArray(),
        Errors = endpoint.Errors.Select(e => e with { Span = default, Body = e.Body is null ? null : Erase(e.Body) }).ToEquatableArray(),
        Body = endpoint.Body is null ? null : Erase(endpoint.Body),
        Response = endpoint.Response is null ? null : Erase(endpoint.Response),
        Objects = endpoint.Objects.Select(Erase).ToEquatableArray(),
        Enums = endpoint.Enums.Select(e => e with { Span = default }).ToEquatableArray(),
        Examples = endpoint.Examples.Select(e => e with { Span = default }).ToEquatableArray(),
    };

    public static ObjectModel Erase(ObjectModel model) => model with { Properties = Erase(model.Properties), Span = default };

    private static EquatableArray<PropertyModel> Erase(EquatableArray<PropertyModel> properties)
        => properties.Select(p => p with { Type = Erase(p.Type), Span = default }).ToEquatableArray();

    private static ParameterModel Erase(ParameterModel parameter) => parameter with { Type = Erase(parameter.Type), Span = default, PatternSpan = default };

    public static TypeRef Erase(TypeRef type) => type with { Items = type.Items is null ? null : Erase(type.Items), Span = default };
}

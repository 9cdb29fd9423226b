using System;
using System.Net;
using System.Text;

namespace SpecClient;

/// <summary>
/// The base of every generated API's exception: a non-success status, or a success whose body does
/// not match the spec. It keeps the status and the raw body, whatever the body is (JSON, HTML, empty).
/// </summary>
public abstract class ApiException : Exception
{
    private readonly ApiFailure _failure;

    /// <summary>Creates the exception from the facts of the failed call.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="documentedMeaning">What the spec says the status means, for the message; null if it says nothing.</param>
    protected ApiException(ApiFailure failure, string? documentedMeaning)
        : base(failure?.FormatMessage(documentedMeaning), failure?.ReadError ?? failure?.BodyError)
    {
        _ = failure ?? throw new ArgumentNullException(nameof(failure));
        _failure = failure;
        IsMalformedResponse = failure.ReadError is not null;

        StatusCode = failure.StatusCode;
        ReasonPhrase = failure.ReasonPhrase;
        ContentType = failure.ContentType;
        Method = failure.Method;
        RequestPath = failure.RequestPath;
        EndpointError = failure.EndpointError;
    }

    /// <summary>The HTTP status the server answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The reason phrase of the status line, when the server sent one.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The media type of the response body, when the server named one.</summary>
    public string? ContentType { get; }

    /// <summary>The HTTP method of the failed request.</summary>
    public string Method { get; }

    /// <summary>The path of the failed request, relative to the client's base address, without the query string.</summary>
    public string RequestPath { get; }

    /// <summary>
    /// The response body as text (UTF-8), exactly as received; empty when there was none. Of an
    /// error body, the first <see cref="ApiFailure.MaxKeptBodyBytes"/> bytes (see <see cref="ResponseBodyLength"/>).
    /// Decoded when first asked for.
    /// </summary>
    public string ResponseBody => _failure.BodyText;

    /// <summary>The response body's bytes, as kept.</summary>
    public ReadOnlyMemory<byte> ResponseBodyBytes => _failure.Body;

    /// <summary>How many bytes of body arrived; more than <see cref="ResponseBodyBytes"/> holds when an error body was cut to the limit.</summary>
    public long ResponseBodyLength => _failure.BodyLength;

    /// <summary>
    /// The error body as the endpoint's own spec types it for this status (an errors.&lt;status&gt;.body:
    /// match it with <c>is</c>); null when the endpoint declares no body for the status, or the body is
    /// not that JSON.
    /// </summary>
    public object? EndpointError { get; }

    /// <summary>True when the server answered with a success status but a body that does not match the spec.</summary>
    public bool IsMalformedResponse { get; }
}

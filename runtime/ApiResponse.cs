using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace SpecClient;

/// <summary>
/// A successful call's status code and headers, for the <c>...WithResponseAsync</c> methods: what
/// the server said beside the body (<c>Location</c> on a 202, an ETag, rate limits, a request id).
/// </summary>
public class ApiResponse
{
    internal ApiResponse(HttpStatusCode statusCode, HttpResponseHeaders headers, HttpContentHeaders? contentHeaders)
    {
        StatusCode = statusCode;
        Headers = headers;
        ContentHeaders = contentHeaders;
    }

    /// <summary>The success status the server answered with: 200, 201, 202, 204...</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response's headers: <c>Headers.Location</c>, <c>Headers.ETag</c>, <c>Headers.RetryAfter</c>...</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>The headers that describe the body (Content-Type, Content-Length), or null when there was no body.</summary>
    public HttpContentHeaders? ContentHeaders { get; }

    /// <summary>
    /// A header's value by name, from the response or content headers, or null when the server did
    /// not send it. Several values are joined with commas, as HTTP allows.
    /// </summary>
    /// <param name="name">The header's name, in any case: "X-Request-Id".</param>
    public string? GetHeader(string name)
    {
        _ = name ?? throw new ArgumentNullException(nameof(name));
        return Headers.TryGetValues(name, out var values) || (ContentHeaders is not null && ContentHeaders.TryGetValues(name, out values))
            ? string.Join(",", values)
            : null;
    }
}

/// <summary>A successful call's typed result with its status code and headers.</summary>
/// <typeparam name="T">The type the endpoint's spec gives its response.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    internal ApiResponse(T value, ApiResponse response)
        : base(response.StatusCode, response.Headers, response.ContentHeaders)
        => Value = value;

    /// <summary>The response body, read as the spec describes it: what the plain method returns.</summary>
    public T Value { get; }
}

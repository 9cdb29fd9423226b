using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SpecClient.Runtime;

namespace SpecClient;

/// <summary>What went wrong with one call, handed to the generated exception of the API.</summary>
public sealed class ApiFailure
{
    /// <summary>
    /// How much of an error body an exception keeps: 1 MiB. The rest is read (up to the client's
    /// MaxResponseContentBufferSize), counted in <see cref="BodyLength"/>, and dropped, so that a
    /// 50 MB error page cannot sit in memory for as long as the exception does.
    /// </summary>
    public const int MaxKeptBodyBytes = 1024 * 1024;

    private readonly byte[] _body;
    private string? _bodyText;

    internal ApiFailure(string apiName, string method, string requestPath, HttpStatusCode statusCode, string? reasonPhrase, string? contentType, byte[] body, Exception? readError, long bodyLength = -1, Exception? bodyError = null)
    {
        BodyLength = bodyLength < 0 ? body.Length : bodyLength;
        BodyError = bodyError;
        ApiName = apiName;
        Method = method;
        RequestPath = requestPath;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        ContentType = contentType;
        _body = body;
        ReadError = readError;
    }

    /// <summary>The API's name as its spec gives it.</summary>
    public string ApiName { get; }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; }

    /// <summary>The request path relative to the base address, without the query string.</summary>
    public string RequestPath { get; }

    /// <summary>The status the server answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The reason phrase of the status line, if any.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The media type of the body, if the server named one.</summary>
    public string? ContentType { get; }

    /// <summary>What the endpoint's own page says the status means, or null; it takes the place of the API's.</summary>
    public string? EndpointMeaning { get; internal set; }

    /// <summary>
    /// The error body read as the endpoint's spec describes it for this status (its errors.&lt;status&gt;.body),
    /// or null when the spec declares none or the body is not that JSON.
    /// </summary>
    public object? EndpointError { get; internal set; }

    /// <summary>Why a success body could not be read, or null for an error status.</summary>
    public Exception? ReadError { get; }

    /// <summary>Why an error body stopped before its end (the connection broke), or null; the status still stands.</summary>
    public Exception? BodyError { get; }

    /// <summary>The raw response body: all of it, or its first <see cref="MaxKeptBodyBytes"/> of an error.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>How many bytes of body arrived, kept or not.</summary>
    public long BodyLength { get; }

    /// <summary>The response body decoded as UTF-8.</summary>
    public string BodyText => _bodyText ??= Encoding.UTF8.GetString(_body);

    /// <summary>An account of the failure: API, request, status, and what the spec says the status means.</summary>
    public string FormatMessage(string? documentedMeaning)
    {
        {
            var status = ((int)StatusCode).ToString(CultureInfo.InvariantCulture) + (ReasonPhrase is { Length: > 0 } ? " " + ReasonPhrase : string.Empty);
            var message = ReadError is not null
                ? $"{ApiName}: {Method} {RequestPath} answered {status} with a body that does not match the spec: {ReadError.Message}"
                : BodyError is not null
                ? $"{ApiName}: {Method} {RequestPath} failed with status {status}, and its body broke off after {BodyLength} bytes: {BodyError.Message}"
                : $"{ApiName}: {Method} {RequestPath} failed with status {status}.";
            var meaning = EndpointMeaning ?? documentedMeaning;
            return meaning is { Length: > 0 } ? message + " " + meaning : message;
        }
    }

    /// <summary>Reads the body with <paramref name="converter"/>; null when it is empty or not that JSON.</summary>
    public T? TryReadBody<T>(JsonConverter<T> converter)
        where T : class
    {
        if (_body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonReading.ReadDocument(_body, converter);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

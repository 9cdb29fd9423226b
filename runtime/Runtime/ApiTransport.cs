using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// Sends the requests of one generated API client and reads their responses: the one place where
/// HTTP happens, so that generated methods stay a few lines long.
/// </summary>
public sealed class ApiTransport
{
    private readonly HttpClient _httpClient;
    private readonly Uri _baseAddress;
    private readonly string _apiName;
    private readonly Func<ApiFailure, Exception> _createException;
    private readonly Func<HttpRequestMessage, CancellationToken, ValueTask>? _prepareRequest;
    private readonly ApiTelemetry? _telemetry;
    private readonly CallFailureLog? _logFailure;

    /// <param name="httpClient">The client to send with.</param>
    /// <param name="baseAddress">The address to send to; when null, the HttpClient's BaseAddress, then <paramref name="defaultBaseUrl"/>.</param>
    /// <param name="defaultBaseUrl">The spec's base URL, or null when the spec has none.</param>
    /// <param name="apiName">The API's name, for exception messages.</param>
    /// <param name="createException">Builds the API's exception from a failed call.</param>
    /// <param name="prepareRequest">Adds the API-wide headers (authorization, declared headers) to each request, or null.</param>
    /// <param name="telemetry">The API's ActivitySource and Meter, or null for none.</param>
    /// <param name="logFailure">Receives each failed call, or null.</param>
    public ApiTransport(HttpClient httpClient, Uri? baseAddress, string? defaultBaseUrl, string apiName, Func<ApiFailure, Exception> createException, Func<HttpRequestMessage, CancellationToken, ValueTask>? prepareRequest = null, ApiTelemetry? telemetry = null, CallFailureLog? logFailure = null)
    {
        _telemetry = telemetry;
        _logFailure = logFailure;
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _apiName = apiName;
        _createException = createException;
        _prepareRequest = prepareRequest;
        baseAddress ??= httpClient.BaseAddress
            ?? (defaultBaseUrl is null
                ? throw new ArgumentException($"The {apiName} spec has no base URL: set the options' BaseAddress or HttpClient.BaseAddress.", nameof(httpClient))
                : new Uri(defaultBaseUrl, UriKind.Absolute));

        if (baseAddress.Query.Length > 0 || baseAddress.Fragment.Length > 0)
        {
            // Request paths are appended to it: they would land inside the query ("/api?key=1/items/1").
            throw new ArgumentException($"The base address {baseAddress} of the {apiName} client has a query or fragment; every request path would land inside it. Pass a key that goes with every request as a header (a DelegatingHandler) instead.", nameof(baseAddress));
        }

        // Paths are appended to the base address, so "https://host/api" and "https://host/api/" behave alike.
        _baseAddress = baseAddress.AbsoluteUri[baseAddress.AbsoluteUri.Length - 1] == '/' ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }

    /// <summary>The address that relative request paths are resolved against.</summary>
    public Uri BaseAddress => _baseAddress;

    /// <summary>Sends one request and reads a JSON response of type <typeparamref name="T"/>.</summary>
    /// <param name="operation">The endpoint: its method, and its name and template for telemetry.</param>
    /// <param name="path">The request path relative to the base address, with route values already escaped.</param>
    /// <param name="query">The encoded query string ("?a=b") or an empty string.</param>
    /// <param name="content">The request body, or null. The transport disposes it.</param>
    /// <param name="responseConverter">Reads the response body.</param>
    /// <param name="capture">Keeps the status and headers of a success, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<T> SendAsync<T>(ApiOperation operation, string path, string query, HttpContent? content, JsonConverter<T> responseConverter, ResponseCapture? capture, CancellationToken cancellationToken)
        => SendAsync(operation, path, query, content, responseConverter, extras: null, capture, cancellationToken);

    /// <summary>Sends one request with an endpoint's own headers and documented errors, and reads a JSON response.</summary>
    /// <param name="operation">The endpoint: its method, and its name and template for telemetry.</param>
    /// <param name="path">The request path relative to the base address, with route values already escaped.</param>
    /// <param name="query">The encoded query string ("?a=b") or an empty string.</param>
    /// <param name="content">The request body, or null. The transport disposes it.</param>
    /// <param name="responseConverter">Reads the response body.</param>
    /// <param name="extras">The endpoint's header parameters and documented error statuses, or null.</param>
    /// <param name="capture">Keeps the status and headers of a success, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<T> SendAsync<T>(ApiOperation operation, string path, string query, HttpContent? content, JsonConverter<T> responseConverter, RequestExtras? extras, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        var deadline = CallDeadline.Start(_httpClient.Timeout);
        var activity = _telemetry?.StartCall(operation, _baseAddress);
        try
        {
            using var request = await CreateRequestAsync(operation.Method, path, query, content, extras, cancellationToken).ConfigureAwait(false);
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(operation.Method, path, response, extras, deadline, cancellationToken).ConfigureAwait(false);
            }

            var body = await ResponseBody.ReadAsync(response.Content, _httpClient.MaxResponseContentBufferSize, deadline, cancellationToken).ConfigureAwait(false);
            try
            {
                var value = JsonReading.ReadDocument(body.Span, responseConverter)
                    ?? throw new JsonException("The response body is JSON null.");
                capture?.Capture(response);
                Succeeded(activity, operation, deadline, response);
                return value;
            }
            catch (JsonException e)
            {
                throw _createException(Failure(operation.Method, path, response, body.ToArray(), e, extras));
            }
            finally
            {
                body.Return();
            }
        }
        catch (Exception e) when (Failed(activity, operation, deadline, e, cancellationToken))
        {
            throw; // Failed records the failure and returns false: the exception passes untouched.
        }
    }

    /// <summary>Sends one request whose success has no body to read (204 No Content, or a 200 the spec gives no model).</summary>
    /// <param name="operation">The endpoint: its method, and its name and template for telemetry.</param>
    /// <param name="path">The request path relative to the base address, with route values already escaped.</param>
    /// <param name="query">The encoded query string ("?a=b") or an empty string.</param>
    /// <param name="content">The request body, or null. The transport disposes it.</param>
    /// <param name="capture">Keeps the status and headers of a success, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task SendAsync(ApiOperation operation, string path, string query, HttpContent? content, ResponseCapture? capture, CancellationToken cancellationToken)
        => SendAsync(operation, path, query, content, extras: null, capture, cancellationToken);

    /// <summary>Sends one request whose success has no body to read, with an endpoint's own headers and documented errors.</summary>
    /// <param name="operation">The endpoint: its method, and its name and template for telemetry.</param>
    /// <param name="path">The request path relative to the base address, with route values already escaped.</param>
    /// <param name="query">The encoded query string ("?a=b") or an empty string.</param>
    /// <param name="content">The request body, or null. The transport disposes it.</param>
    /// <param name="extras">The endpoint's header parameters and documented error statuses, or null.</param>
    /// <param name="capture">Keeps the status and headers of a success, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task SendAsync(ApiOperation operation, string path, string query, HttpContent? content, RequestExtras? extras, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        var deadline = CallDeadline.Start(_httpClient.Timeout);
        var activity = _telemetry?.StartCall(operation, _baseAddress);
        try
        {
            using var request = await CreateRequestAsync(operation.Method, path, query, content, extras, cancellationToken).ConfigureAwait(false);
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(operation.Method, path, response, extras, deadline, cancellationToken).ConfigureAwait(false);
            }

            capture?.Capture(response);
            Succeeded(activity, operation, deadline, response);
        }
        catch (Exception e) when (Failed(activity, operation, deadline, e, cancellationToken))
        {
            throw;
        }
    }

    /// <summary>Sends one request whose success is a file: its body as a stream, read as it arrives, that the caller disposes.</summary>
    /// <param name="operation">The endpoint: its method, and its name and template for telemetry.</param>
    /// <param name="path">The request path relative to the base address, with route values already escaped.</param>
    /// <param name="query">The encoded query string ("?a=b") or an empty string.</param>
    /// <param name="content">The request body, or null. The transport disposes it.</param>
    /// <param name="capture">Keeps the status and headers of a success, or null.</param>
    /// <param name="cancellationToken">Cancels the call; reading the stream takes its own token.</param>
    public Task<Stream> SendForStreamAsync(ApiOperation operation, string path, string query, HttpContent? content, ResponseCapture? capture, CancellationToken cancellationToken)
        => SendForStreamAsync(operation, path, query, content, extras: null, capture, cancellationToken);

    /// <summary>Sends one request whose success is a file, with an endpoint's own headers and documented errors.</summary>
    /// <param name="operation">The endpoint: its method, and its name and template for telemetry.</param>
    /// <param name="path">The request path relative to the base address, with route values already escaped.</param>
    /// <param name="query">The encoded query string ("?a=b") or an empty string.</param>
    /// <param name="content">The request body, or null. The transport disposes it.</param>
    /// <param name="extras">The endpoint's header parameters and documented error statuses, or null.</param>
    /// <param name="capture">Keeps the status and headers of a success, or null.</param>
    /// <param name="cancellationToken">Cancels the call; reading the stream takes its own token.</param>
    public async Task<Stream> SendForStreamAsync(ApiOperation operation, string path, string query, HttpContent? content, RequestExtras? extras, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        // HttpClient's own timeout bounds the wait for the headers and the deadline an error body;
        // a success's stream is read at the caller's pace.
        // The call's span and duration end with the headers: the stream is read at the caller's pace.
        var deadline = CallDeadline.Start(_httpClient.Timeout);
        var activity = _telemetry?.StartCall(operation, _baseAddress);
        try
        {
            using var request = await CreateRequestAsync(operation.Method, path, query, content, extras, cancellationToken).ConfigureAwait(false);
            var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            try
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw await ErrorAsync(operation.Method, path, response, extras, deadline, cancellationToken).ConfigureAwait(false);
                }

#if NET8_0_OR_GREATER
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                capture?.Capture(response);
                Succeeded(activity, operation, deadline, response);
                return new ResponseStream(stream, response);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (Exception e) when (Failed(activity, operation, deadline, e, cancellationToken))
        {
            throw;
        }
    }

    /// <summary>Ends a successful call's span and records its duration, when anyone listens.</summary>
    private void Succeeded(Activity? activity, ApiOperation operation, CallDeadline deadline, HttpResponseMessage response)
    {
        if (_telemetry is { } telemetry && (activity is not null || telemetry.HasMetricListeners))
        {
            telemetry.EndCall(activity, operation, _baseAddress, (int)response.StatusCode, errorType: null, exception: null, deadline.Elapsed);
        }
    }

    /// <summary>
    /// Records a failed call (span, metrics, log) from an exception filter, so the exception passes
    /// on untouched; always false. A call its caller cancelled is traced and measured, not logged.
    /// </summary>
    private bool Failed(Activity? activity, ApiOperation operation, CallDeadline deadline, Exception exception, CancellationToken cancellationToken)
    {
        int? status = exception is ApiException api ? (int)api.StatusCode : null;
        var elapsed = deadline.Elapsed;

        // Logged while the call's span is current, so that the log record carries its trace and span ids.
        if (_logFailure is not null && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            _logFailure(operation, status, elapsed, exception);
        }

        if (_telemetry is { } telemetry && (activity is not null || telemetry.HasMetricListeners))
        {
            telemetry.EndCall(activity, operation, _baseAddress, status, ApiTelemetry.ErrorType(exception), exception, elapsed);
        }

        return false;
    }

    /// <summary>The API's exception for an error status: the first MiB of the body kept, all of it counted, a broken-off body kept with the status.</summary>
    private async Task<Exception> ErrorAsync(HttpMethod method, string path, HttpResponseMessage response, RequestExtras? extras, CallDeadline deadline, CancellationToken cancellationToken)
    {
        var (kept, length, bodyError) = await ResponseBody.ReadErrorAsync(response.Content, ApiFailure.MaxKeptBodyBytes, _httpClient.MaxResponseContentBufferSize, deadline, cancellationToken).ConfigureAwait(false);
        return _createException(Failure(method, path, response, kept, readError: null, extras, length, bodyError));
    }

    private async ValueTask<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string path, string query, HttpContent? content, RequestExtras? extras, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, RequestUri(path, query));
        // Unparsed: a typed Accept value costs a header collection and a parsed-value object per request.
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Content = content;
        if (_prepareRequest is not null || extras is not null)
        {
            try
            {
                extras?.ApplyTo(request);
                if (_prepareRequest is not null)
                {
                    await _prepareRequest(request, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                request.Dispose();
                throw;
            }
        }

        return request;
    }

    /// <summary>
    /// The base address plus the escaped path and query. Uri must not canonicalise it: that would
    /// unescape "%2E%2E" and drop the segment, so a route value of ".." would not arrive intact.
    /// </summary>
    private Uri RequestUri(string path, string query)
    {
#if NET8_0_OR_GREATER
        return new Uri(_baseAddress.AbsoluteUri + path + query, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
#else
        return new Uri(_baseAddress, path + query);
#endif
    }

    private ApiFailure Failure(HttpMethod method, string path, HttpResponseMessage response, byte[] body, Exception? readError, RequestExtras? extras, long bodyLength = -1, Exception? bodyError = null)
    {
        var failure = new ApiFailure(_apiName, method.Method, path, response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, body, readError, bodyLength, bodyError)
        {
            EndpointMeaning = extras?.DescribeError((int)response.StatusCode),
        };

        // A malformed success has no error body to read.
        if (readError is null && extras is not null)
        {
            failure.EndpointError = extras.ReadErrorBody(failure);
        }

        return failure;
    }
}

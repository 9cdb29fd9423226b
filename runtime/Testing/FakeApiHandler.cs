using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Testing;

/// <summary>
/// An API in memory, for tests: each endpoint answers with the example its spec documents, or
/// with what the test sets. The generated &lt;Api&gt;FakeHandler declares the endpoints.
/// </summary>
public abstract class FakeApiHandler : HttpMessageHandler
{
    private readonly List<Route> _routes = new();
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _responders = new(StringComparer.Ordinal);

    /// <summary>Every request the handler answered, in order, as recorded before the client disposed it.</summary>
    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Answers <paramref name="endpoint"/> with <paramref name="respond"/> from now on.</summary>
    public void Respond(string endpoint, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _ = FindRoute(endpoint);
        _responders[endpoint] = respond ?? throw new ArgumentNullException(nameof(respond));
    }

    /// <summary>Answers <paramref name="endpoint"/> with <paramref name="status"/> and a JSON body from now on.</summary>
    public void Respond(string endpoint, HttpStatusCode status, string json)
        => Respond(endpoint, _ => Json(status, json));

    /// <summary>Answers <paramref name="endpoint"/> with the example its spec documents for <paramref name="status"/>.</summary>
    public void Respond(string endpoint, HttpStatusCode status)
    {
        var route = FindRoute(endpoint);
        if (!route.Examples.TryGetValue((int)status, out var json))
        {
            throw new ArgumentException($"The spec of {endpoint} documents no example for status {(int)status}.", nameof(status));
        }

        Respond(endpoint, status, json);
    }

    /// <summary>Declares an endpoint: its method, its path template ("sender/submission/{submissionId}") and its documented examples by status.</summary>
    protected void Add(string endpoint, string method, string pathTemplate, IReadOnlyDictionary<int, string> examples)
        => _routes.Add(new Route(endpoint, method, pathTemplate.Trim('/').Split('/'), examples));

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
#if NET8_0_OR_GREATER
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#else
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
#endif
        Requests.Enqueue(new FakeRequest(request.Method.Method, request.RequestUri, request.Headers.ToString(), body));
        var segments = (request.RequestUri?.AbsolutePath ?? string.Empty).Trim('/').Split('/');

        // The most specific route wins: the longest template, then the one with the fewest placeholders.
        Route? match = null;
        foreach (var route in _routes)
        {
            if (route.Method == request.Method.Method && route.Matches(segments) && (match is null || route.IsMoreSpecificThan(match)))
            {
                match = route;
            }
        }

        if (match is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("No endpoint of this fake matches " + request.Method + " " + request.RequestUri) };
        }

        if (_responders.TryGetValue(match.Endpoint, out var respond))
        {
            return respond(request);
        }

        if (match.SuccessStatus is { } status)
        {
            return Json((HttpStatusCode)status, match.Examples[status]);
        }

        return new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = new StringContent($"The spec of {match.Endpoint} documents no success example: set a response with Respond.") };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private Route FindRoute(string endpoint)
    {
        foreach (var route in _routes)
        {
            if (route.Endpoint == endpoint)
            {
                return route;
            }
        }

        throw new ArgumentException($"This fake has no endpoint {endpoint}.", nameof(endpoint));
    }

    private sealed class Route
    {
        public Route(string endpoint, string method, string[] template, IReadOnlyDictionary<int, string> examples)
        {
            Endpoint = endpoint;
            Method = method;
            Template = template;
            Examples = examples;
        }

        public string Endpoint { get; }

        public string Method { get; }

        public string[] Template { get; }

        public IReadOnlyDictionary<int, string> Examples { get; }

        /// <summary>The documented success: 200, else the lowest 2xx the spec shows; null when there is none.</summary>
        public int? SuccessStatus
        {
            get
            {
                int? best = null;
                foreach (var status in Examples.Keys)
                {
                    if (status is >= 200 and < 300 && (best is null || status == 200 || (best != 200 && status < best)))
                    {
                        best = status;
                    }
                }

                return best;
            }
        }

        private int Placeholders
        {
            get
            {
                var count = 0;
                foreach (var part in Template)
                {
                    count += IsPlaceholder(part) ? 1 : 0;
                }

                return count;
            }
        }

        public bool IsMoreSpecificThan(Route other)
            => Template.Length != other.Template.Length ? Template.Length > other.Template.Length : Placeholders < other.Placeholders;

        private static bool IsPlaceholder(string part) => part.AsSpan().IndexOf('{') >= 0;

        /// <summary>The request path ends with the template, {placeholders} matching any one segment (a base address may add segments in front).</summary>
        public bool Matches(string[] segments)
        {
            if (segments.Length < Template.Length)
            {
                return false;
            }

            var offset = segments.Length - Template.Length;
            for (var i = 0; i < Template.Length; i++)
            {
                var part = Template[i];
                if (!IsPlaceholder(part) && !string.Equals(Uri.UnescapeDataString(part), Uri.UnescapeDataString(segments[offset + i]), StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>A request a fake answered: what the client sent, readable after the client has disposed the request.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The request URI.</param>
/// <param name="Headers">The request headers, as HTTP writes them.</param>
/// <param name="Body">The request body as text, or null when there was none.</param>
public sealed record FakeRequest(string Method, Uri? Uri, string Headers, string? Body);

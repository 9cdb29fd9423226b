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

    /// <summary>Every request the handler answered, in order.</summary>
    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

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
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Enqueue(request);
        var segments = (request.RequestUri?.AbsolutePath ?? string.Empty).Trim('/').Split('/');
        foreach (var route in _routes)
        {
            if (route.Method == request.Method.Method && route.Matches(segments))
            {
                if (_responders.TryGetValue(route.Endpoint, out var respond))
                {
                    return Task.FromResult(respond(request));
                }

                return Task.FromResult(route.Examples.TryGetValue(200, out var example)
                    ? Json(HttpStatusCode.OK, example)
                    : new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = new StringContent($"The spec of {route.Endpoint} documents no 200 example: set a response with Respond.") });
            }
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("No endpoint of this fake matches " + request.Method + " " + request.RequestUri) });
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
                var isPlaceholder = part.AsSpan().IndexOf('{') >= 0;
                if (!isPlaceholder && !string.Equals(part, Uri.UnescapeDataString(segments[offset + i]), StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

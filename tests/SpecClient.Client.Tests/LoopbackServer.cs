using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpecClient.Client.Tests;

/// <summary>What the server saw of one request.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string Query, string? ContentType, string? Accept, string Body, string Authorization, string Customer)
{
    /// <summary>The body's bytes, for multipart bodies with binary parts.</summary>
    public byte[] BodyBytes { get; init; } = Array.Empty<byte>();

    /// <summary>Every request header, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>What the server answers; Delay holds the answer back (cut short when the client goes away).</summary>
public sealed record CannedResponse(int Status, string Body, string? ContentType = "application/json", TimeSpan Delay = default)
{
    /// <summary>Response headers besides Content-Type.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static CannedResponse Documented(int status, string file) => new(status, Documents.Read(file));
}

/// <summary>A real Kestrel server on 127.0.0.1 that records each request and answers as the test says.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, CannedResponse> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var bytes = body.ToArray();
            var request = new RecordedRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.ContentType,
                context.Request.Headers.Accept.ToString(),
                Encoding.UTF8.GetString(bytes),
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers["X-Customer"].ToString())
            {
                BodyBytes = bytes,
                Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            };
            server!.Requests.Enqueue(request);
            var response = respond(request);
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = response.Status;
            if (response.ContentType is not null)
            {
                context.Response.ContentType = response.ContentType;
            }

            foreach (var header in response.Headers)
            {
                context.Response.Headers.Append(header.Key, header.Value);
            }

            await context.Response.WriteAsync(response.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address));
        return server;
    }

    public HttpClient CreateClient(string path = "") => new() { BaseAddress = new Uri(Address, path) };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The documented responses copied from the seed pages.</summary>
public static class Documents
{
    public static string Read(string file)
    {
        using var stream = typeof(Documents).Assembly.GetManifestResourceStream("Responses." + file)
            ?? throw new InvalidOperationException("No embedded response " + file);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpecClient.Sample;

/// <summary>
/// A loopback HTTP server that answers the five seed endpoints with the responses their
/// documentation pages show, so that the sample runs offline.
/// </summary>
internal sealed class OfflineServer : IAsyncDisposable
{
    /// <summary>A submission this server refuses with the page's 403, to show a typed error.</summary>
    public const string ForbiddenSubmissionId = "0b6f2a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b";

    private readonly WebApplication _app;

    private OfflineServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<OfflineServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        app.MapGet("/sender/submission/{submissionId}", (RequestDelegate)(context =>
            (string?)context.Request.RouteValues["submissionId"] == ForbiddenSubmissionId
                ? Respond(context, StatusCodes.Status403Forbidden, "forbidden.json")
                : Respond(context, StatusCodes.Status200OK, "submission.json")));
        app.MapPost("/power-functions/{callId}/{callNumber}/abort", (RequestDelegate)(context => Respond(context, StatusCodes.Status200OK, "power-function-abort.json")));
        app.MapGet("/template/{templateHandle}", (RequestDelegate)(context => Respond(context, StatusCodes.Status200OK, "template.json")));
        app.MapGet("/en/hello", (RequestDelegate)HelloAsync);
        app.MapPost("/ccadmin/v1/importProcess/{token}/abort", (RequestDelegate)(context => Respond(context, StatusCodes.Status200OK, "import-process-abort.json")));
        app.MapPost("/ccadmin/v1/exportProcess", (RequestDelegate)(context => Respond(context, StatusCodes.Status202Accepted, "export-process-start.json")));

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OfflineServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Echoes the name like the real endpoint; an empty name gets the page's 422.</summary>
    private static Task HelloAsync(HttpContext context)
    {
        var name = context.Request.Query["name"].ToString();
        if (name.Length == 0)
        {
            return Respond(context, StatusCodes.Status422UnprocessableEntity, "violations.json");
        }

        using var document = JsonDocument.Parse(ReadResponse("hello.json"));
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("payload"))
                {
                    writer.WriteStartObject("payload");
                    writer.WriteString("hello", name);
                    writer.WriteEndObject();
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }

    private static Task Respond(HttpContext context, int status, string responseFile)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(ReadResponse(responseFile));
    }

    private static string ReadResponse(string file)
    {
        using var stream = typeof(OfflineServer).Assembly.GetManifestResourceStream("SpecClient.Sample.Responses." + file)
            ?? throw new InvalidOperationException("Missing embedded response " + file);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

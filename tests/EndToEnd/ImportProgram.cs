// The program of the end-to-end importer app: its client comes from specs that
// `dotnet specclient import` wrote from petstore.openapi.yaml; a loopback server answers.
using System.Net;
using System.Net.Sockets;
using System.Text;
using PetStore.Client;

var probe = new TcpListener(IPAddress.Loopback, 0);
probe.Start();
var port = ((IPEndPoint)probe.LocalEndpoint).Port;
probe.Stop();

using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/");
listener.Start();
var served = Task.Run(async () =>
{
    var context = await listener.GetContextAsync();
    Console.WriteLine($"server: {context.Request.HttpMethod} {context.Request.RawUrl}");
    context.Response.ContentType = "application/json";
    await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes("""{"id":7,"name":"Rex","tag":null}"""));
    context.Response.Close();
});

using var http = new HttpClient();
var client = new PetStoreClient(http, new PetStoreClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}/") });
var pet = await client.Pets.GetAsync(7);
await served;
Console.WriteLine($"pet {pet.Id}: {pet.Name}, tag: {pet.Tag.GetValueOrDefault(null) ?? "none"} (base URL in the spec: {PetStoreClient.DefaultBaseUrl})");

// The program of the end-to-end console app: a loopback server answers the documented
// submission, and the generated client reads it.
using System.Net;
using System.Net.Sockets;
using WeTransform.Client;

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
    var body = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "submission.json"));
    context.Response.ContentType = "application/json";
    await context.Response.OutputStream.WriteAsync(body);
    context.Response.Close();
});

using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
var client = new WeTransformClient(http);
var submission = (await client.Submissions.ReadAsync(Guid.Parse("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d"))).Payload;
await served;
Console.WriteLine($"submission {submission.SubmissionId}: {submission.CustomerName}, {submission.RowsInSource} rows, failed: {submission.Failed}");

try
{
    await client.Submissions.ReadAsync("12abc");
}
catch (ArgumentException e)
{
    Console.WriteLine($"rejected: {e.ParamName}");
}

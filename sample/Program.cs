using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using OracleCommerce.Admin;
using WeTransform.Client;

namespace SpecClient.Sample;

/// <summary>
/// Calls the five seed endpoints through the generated clients and shows three typed errors.
/// Offline by default, against an embedded loopback server; --base-url and --token point the
/// WeTransform calls at a real server, --oracle-base-url the Oracle Commerce one; --traces prints
/// each call's span as it ends.
/// </summary>
internal static class Program
{
    private static readonly Guid DocumentedSubmissionId = Guid.Parse("cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d");

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("Usage: dotnet run --project sample [-- --base-url URL --token TOKEN --oracle-base-url URL --traces]");
            return 2;
        }

        using var traces = options.Traces ? new TracePrinter(WeTransformClient.TelemetrySourceName, OracleCommerceAdminClient.TelemetrySourceName) : null;
        await using var server = options.BaseUrl is null ? await OfflineServer.StartAsync() : null;
        var baseUrl = options.BaseUrl ?? server!.Address;
        Console.WriteLine(server is null ? $"Calling {baseUrl}" : $"Offline: calling the embedded server at {baseUrl}");

        using var http = new HttpClient { BaseAddress = baseUrl };
        if (options.Token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        }

        var weTransform = new WeTransformClient(http);
        await ShowEndpointsAsync(weTransform);

        var oracleBaseUrl = options.OracleBaseUrl ?? server?.Address;
        if (oracleBaseUrl is null)
        {
            Console.WriteLine("Oracle Commerce: skipped (pass --oracle-base-url to call a real admin server).");
        }
        else
        {
            using var oracleHttp = new HttpClient { BaseAddress = oracleBaseUrl };
            var oracle = new OracleCommerceAdminClient(oracleHttp);
            var aborted = await oracle.ImportProcess.AbortAsync("ezzPxcPRmJIlXYCyOTQNT9HMacA_10000");
            Console.WriteLine($"Oracle Commerce import process abort: success = {aborted.Success}");

            // Optional members that are not set are left out of the body, as the page's example shows.
            var export = await oracle.ExportProcess.StartAsync(new ExportProcessStart.ExportRequest
            {
                FileName = "exportProfiles.zip",
                Items = new[] { new ExportProcessStart.ExportItem { Id = "Profiles", Format = "csv" } },
            });
            Console.WriteLine($"Oracle Commerce export started (202 Accepted): process {export.ProcessId}, {export.Status}");
        }

        Console.WriteLine();
        await ShowErrorsAsync(weTransform);
        return 0;
    }

    private static async Task ShowEndpointsAsync(WeTransformClient client)
    {
        var submission = (await client.Submissions.ReadAsync(DocumentedSubmissionId)).Payload;
        Console.WriteLine($"Submission {submission.SubmissionId}: {submission.CustomerName} <{submission.CustomerEmail}>, template {submission.TemplateName}");
        Console.WriteLine($"  rows: {submission.RowsInSource} in source, {submission.RowsInTarget} in target, {submission.RowsInError} in error; created {submission.CreatedAt:u}, failed: {submission.Failed}");
        Console.WriteLine($"  undocumented fields kept: {string.Join(", ", submission.AdditionalProperties?.Keys ?? Enumerable.Empty<string>())}");

        var abort = await client.PowerFunctions.AbortAsync(Guid.Parse("8d049772-c9f8-4fe2-a988-ecf926022c51"), 1);
        Console.WriteLine($"Power function abort: {abort.Payload.ImpactedRows} impacted rows (is_cancellation_requested: {abort.Payload.AdditionalProperties?["is_cancellation_requested"]})");

        var template = (await client.Templates.ReadAsync("my-template")).Payload;
        Console.WriteLine($"Template {template.TemplateHandle}: {template.Name} (enabled: {template.IsEnabled})");
        foreach (var metadata in template.UserMetadata)
        {
            Console.WriteLine($"  {metadata.Name} = {metadata.Value}");
        }

        var hello = await client.DemoReceiver.HelloAsync("Bob");
        Console.WriteLine($"Hello: {hello.Payload.Hello}");
    }

    private static async Task ShowErrorsAsync(WeTransformClient client)
    {
        Console.WriteLine("Typed errors:");
        try
        {
            await client.Submissions.ReadAsync(OfflineServer.ForbiddenSubmissionId);
        }
        catch (WeTransformException e)
        {
            var permission = e.Error?.Product?.Permission;
            Console.WriteLine($"  {(int)e.StatusCode}: the {e.Error?.Product?.Requirement} {permission?.Name} ({permission?.Description}) is needed");
        }

        try
        {
            await client.DemoReceiver.HelloAsync(string.Empty);
        }
        catch (WeTransformException e)
        {
            Console.WriteLine($"  {(int)e.StatusCode}: {e.Error?.Payload.Error?.Message}");
            foreach (var violation in e.Error?.Payload.Violations ?? [])
            {
                Console.WriteLine($"    {violation.PropertyPath}: {violation.Message} (got {violation.InvalidValue?.GetRawText()})");
            }
        }

        try
        {
            await client.Submissions.ReadAsync("12abc");
        }
        catch (ArgumentException e)
        {
            Console.WriteLine($"  rejected before sending: {e.Message}");
        }
    }

    private sealed record Options(Uri? BaseUrl, string? Token, Uri? OracleBaseUrl, bool Traces)
    {
        public static Options? Parse(string[] args)
        {
            Uri? baseUrl = null;
            Uri? oracleBaseUrl = null;
            string? token = null;
            var traces = false;
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : null;
                if (args[i] == "--traces")
                {
                    traces = true;
                    continue;
                }

                switch (args[i])
                {
                    case "--base-url" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                        baseUrl = uri;
                        break;
                    case "--oracle-base-url" when Uri.TryCreate(value, UriKind.Absolute, out var uri):
                        oracleBaseUrl = uri;
                        break;
                    case "--token" when value is not null:
                        token = value;
                        break;
                    default:
                        return null;
                }

                i++;
            }

            return new Options(baseUrl, token, oracleBaseUrl, traces);
        }
    }
}

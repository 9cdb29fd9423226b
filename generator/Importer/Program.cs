using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Importer;

/// <summary><c>dotnet specclient import &lt;document&gt; --out &lt;folder&gt; [--name Api] [--namespace Ns] [--max-megabytes N]</c>.</summary>
internal static class Program
{
    private const string Usage = "Usage: dotnet specclient import <openapi file or URL> --out <folder> [--name <Api>] [--namespace <Ns>] [--max-megabytes <N>]";

    public static async Task<int> Main(string[] args)
    {
        if (args is not ["import", var document, .. var rest] || Parse(document, rest) is not { } options)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            Console.WriteLine("Reading " + options.Document);
            var result = await DocumentImporter.ImportAsync(options, Console.WriteLine, cancel.Token).ConfigureAwait(false);
            Report(result);
            foreach (var refused in result.Refused)
            {
                Console.Error.WriteLine("importer bug, please report: the generator refuses " + refused);
            }

            return result.Refused.Count == 0 ? 0 : 3;
        }
        catch (ImportException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
    }

    private static void Report(ImportResult result)
    {
        var total = result.Endpoints.Count;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Wrote {0} and {1} endpoint files.", result.ApiFile, total - result.Count(Outcome.Skipped)));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} operations: {1} fully expressed, {2} with a fallback, {3} skipped.", total, result.Count(Outcome.Full), result.Count(Outcome.Fallback), result.Count(Outcome.Skipped)));
        foreach (var (reason, count) in result.Reasons().Take(10))
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,5}  {1}", count, reason));
        }
    }

    private static ImportOptions? Parse(string document, string[] rest)
    {
        string? output = null, name = null, ns = null;
        long maxBytes = 32L * 1024 * 1024;
        for (var i = 0; i + 1 < rest.Length; i += 2)
        {
            switch (rest[i])
            {
                case "--out":
                    output = rest[i + 1];
                    break;
                case "--name":
                    name = rest[i + 1];
                    break;
                case "--namespace":
                    ns = rest[i + 1];
                    break;
                case "--max-megabytes" when long.TryParse(rest[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) && megabytes > 0:
                    maxBytes = megabytes * 1024 * 1024;
                    break;
                default:
                    return null;
            }
        }

        return output is null || rest.Length % 2 != 0 ? null : new ImportOptions(document, output, name, ns, maxBytes);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using SpecClient.Importer;

namespace SpecClient.Corpus;

/// <summary>
/// Imports each sampled document, generates its specs and compiles the result as a net8.0
/// project with warnings as errors, and reports: <c>--documents DIR (--sample N --seed S | --all)
/// --report FILE [--fail-on-unclean]</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("Usage: --documents DIR (--sample N --seed S | --all) --report FILE [--fail-on-unclean]");
            return 2;
        }

        var files = Directory.GetFiles(options.Documents, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var sample = options.All ? files : Sample(files, options.Sample, options.Seed);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "corpus: {0} of {1} documents (seed {2})", sample.Count, files.Count, options.Seed));
        var runs = new List<DocumentRun>();
        foreach (var file in sample)
        {
            var run = await RunAsync(options.Documents, file).ConfigureAwait(false);
            runs.Add(run);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-60} {1,5} ops  {2}", run.Name, run.Operations, run.Summary));
        }

        var report = Report.Write(runs, files.Count, options);
        await File.WriteAllTextAsync(options.Report, report).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine(report);
        return options.FailOnUnclean && runs.Any(r => r.Unreadable is null && !r.Clean) ? 1 : 0;
    }

    /// <summary>A fixed random sample: the same seed picks the same documents of the same directory.</summary>
    private static List<string> Sample(List<string> files, int count, int seed)
    {
        var shuffled = files.ToList();
        var random = new Random(seed);
        for (var i = shuffled.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        return shuffled.Take(count).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<DocumentRun> RunAsync(string root, string file)
    {
        var name = Path.GetRelativePath(root, file).Replace('\\', '/');
        var output = Directory.CreateTempSubdirectory("specclient-corpus-").FullName;
        try
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            ImportResult result;
            try
            {
                result = await DocumentImporter.ImportAsync(new ImportOptions(file, output, MaxBytes: 64L * 1024 * 1024), _ => { }, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ImportException e)
            {
                return new DocumentRun(name, new FileInfo(file).Length) { Unreadable = e.Message };
            }

            var importTime = clock.Elapsed;
            var importAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var specs = Directory.GetFiles(output, "*.spec.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => new InMemorySpec(GeneratorHarness.ProjectDirectory + "specs/" + Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText(f)))
                .ToArray();
            clock.Restart();
            allocated = GC.GetTotalAllocatedBytes(precise: true);
            var (problems, count, generationTime) = Compile(specs);
            return new DocumentRun(name, new FileInfo(file).Length)
            {
                Operations = result.Endpoints.Count,
                Full = result.Count(Outcome.Full),
                Fallback = result.Count(Outcome.Fallback),
                Skipped = result.Count(Outcome.Skipped),
                Reasons = result.Reasons(),
                Refused = result.Refused.Count,
                Problems = count,
                FirstProblem = problems,
                ImportTime = importTime,
                ImportAllocated = importAllocated,
                BuildTime = clock.Elapsed,
                GenerationTime = generationTime,
                BuildAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated,
            };
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Generates and compiles as a net8.0 project with warnings as errors; returns the first problem, how many there are, and the generator's share of the time.</summary>
    private static (string? First, int Count, TimeSpan Generation) Compile(InMemorySpec[] specs)
    {
        var compilation = GeneratorHarness.Compilation(Consumer.Net80);
        var clock = Stopwatch.StartNew();
        GeneratorHarness.CreateDriver(specs).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generation = clock.Elapsed;
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        return (problems.Select(p => p.Id + " " + p.GetMessage(CultureInfo.InvariantCulture)).FirstOrDefault(), problems.Count, generation);
    }
}

/// <summary>The command line.</summary>
internal sealed record Options(string Documents, bool All, int Sample, int Seed, string Report, bool FailOnUnclean)
{
    public static Options? Parse(string[] args)
    {
        string? documents = null, report = null;
        var all = false;
        var failOnUnclean = false;
        int sample = 200, seed = 20261202;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--documents": documents = value; i++; break;
                case "--report": report = value; i++; break;
                case "--sample" when int.TryParse(value, CultureInfo.InvariantCulture, out sample): i++; break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out seed): i++; break;
                case "--all": all = true; break;
                case "--fail-on-unclean": failOnUnclean = true; break;
                default: return null;
            }
        }

        return documents is null || report is null ? null : new Options(documents, all, sample, seed, report, failOnUnclean);
    }
}

using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SpecClient.Benchmarks.Generation;

namespace SpecClient.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*'</c> runs every benchmark;
/// <c>-- --smoke</c> runs each once, in process, at a small N, and fails if any of them fails (CI).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is not ["--smoke"])
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        Environment.SetEnvironmentVariable(BenchmarkSizes.SmokeVariable, "1");
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summaries = BenchmarkRunner.Run(typeof(Program).Assembly, config);
        var failed = summaries.Where(s => s.HasCriticalValidationErrors).Select(s => s.Title)
            .Concat(summaries.SelectMany(s => s.Reports).Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo))
            .ToList();
        Console.WriteLine(failed.Count == 0 ? $"benchmark smoke run: {summaries.Sum(s => s.Reports.Length)} benchmarks ran" : "benchmark smoke run failed: " + string.Join(", ", failed));
        return failed.Count == 0 && summaries.Length > 0 ? 0 : 1;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace SpecClient.Benchmarks.Generation;

/// <summary>
/// Where compiling SpecClient's output goes: the seed-like endpoints' generated code, whole and
/// with one kind of content taken out (<see cref="OutputVariant"/>), each bound completely
/// (declaration and method-body diagnostics, as the compiler does before it emits). A variant's
/// ratio to the whole says what that content costs.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class CompileBreakdownBenchmarks
{
    private SyntaxTree[] _trees = [];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Smoke ? [10] : [1_000];

    [ParamsSource(nameof(Sizes))]
    public int Endpoints { get; set; }

    [ParamsAllValues]
    public OutputVariant Variant { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var specs = Workload.Specs(Endpoints);
        var driver = Workload.Checked(Workload.SpecClientDriver(specs), Workload.UserCompilation("class UserCode { }"), specs.Length);
        _trees = driver.GetRunResult().GeneratedTrees.Select(tree => OutputVariants.Apply(tree, Variant)).ToArray();

        // A variant that leaves errors behind pays for reporting them: say so beside the figure.
        var errors = Workload.Compilation(_trees).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        Console.WriteLine($"// {Variant}: {errors} errors, {_trees.Sum(t => t.Length) / 1024} KB of C#");
    }

    /// <summary>Binds everything and returns the number of diagnostics (none for the whole output).</summary>
    [Benchmark]
    public int Bind() => Workload.Compilation(_trees).GetDiagnostics().Length;
}

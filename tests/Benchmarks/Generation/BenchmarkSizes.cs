using System;
using System.Collections.Generic;

namespace SpecClient.Benchmarks.Generation;

/// <summary>
/// The N the generation benchmarks run at. A smoke run (CI) uses one small N, only to prove that
/// every benchmark still builds and runs.
/// </summary>
internal static class BenchmarkSizes
{
    public const string SmokeVariable = "SPECCLIENT_BENCHMARK_SMOKE";

    public static bool Smoke => Environment.GetEnvironmentVariable(SmokeVariable) == "1";

    /// <summary>SpecClient alone, up to 10,000 endpoints.</summary>
    public static IEnumerable<int> Generator => Smoke ? [10] : [100, 1_000, 10_000];

    /// <summary>Beside NSwag and Refit, whose reference figures stop at a few thousand.</summary>
    public static IEnumerable<int> Comparison => Smoke ? [10] : [100, 1_000];
}

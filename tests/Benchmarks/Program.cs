using BenchmarkDotNet.Running;

namespace SpecClient.Benchmarks;

/// <summary>dotnet run -c Release --project tests/Benchmarks -- --filter '*'</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SpecClient.Benchmarks.Generation.Competitors;

namespace SpecClient.Benchmarks.Generation;

/// <summary>
/// The size of the code each tool generates for N endpoints, in UTF-8 kilobytes per endpoint, shown
/// beside the compile benchmarks. It is computed in the host process, from the same inputs.
/// </summary>
internal sealed class GeneratedSizeColumn : IColumn
{
    private static readonly ConcurrentDictionary<(string Tool, int Endpoints), int> Bytes = new();

    public string Id => nameof(GeneratedSizeColumn);

    public string ColumnName => "KB/endpoint";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "UTF-8 kilobytes of generated C# per endpoint";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (benchmarkCase.Parameters["Endpoints"] is not int endpoints || method is not (nameof(GeneratorComparisonBenchmarks.NSwagCompile) or nameof(GeneratorComparisonBenchmarks.SpecClientCompile)))
        {
            return "-";
        }

        var bytes = Bytes.GetOrAdd((method, endpoints), key => key.Tool == nameof(GeneratorComparisonBenchmarks.NSwagCompile)
            ? Encoding.UTF8.GetByteCount(NSwagInput.LoadAndGenerate(NSwagInput.OpenApiYaml(key.Endpoints)))
            : SpecClientBytes(key.Endpoints));
        return (bytes / 1024.0 / endpoints).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;

    private static int SpecClientBytes(int endpoints)
    {
        var specs = Workload.Specs(endpoints);
        var driver = Workload.Checked(Workload.SpecClientDriver(specs), Workload.UserCompilation("class UserCode { }"), specs.Length);
        return driver.GetRunResult().GeneratedTrees.Sum(tree => Encoding.UTF8.GetByteCount(tree.GetText().ToString()));
    }

    /// <summary>Adds the column to the benchmarks that ask for it.</summary>
    public sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new GeneratedSizeColumn());
    }
}

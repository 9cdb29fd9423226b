using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecClient.Benchmarks.Generation.Competitors;
using SpecClient.SeedLike;

namespace SpecClient.Benchmarks.Generation;

/// <summary>
/// SpecClient's generator beside NSwag 14.8 and Refit 16.4's generator on the same N endpoints, in
/// four categories read as ratios to their baseline: a cold generation (NSwag's load and generate),
/// a one-file edit with a warm driver (Refit's), compiling the generated code (NSwag's output), and
/// the total compile of a consuming project, generators included (the same endpoints written by
/// hand for Refit as an AOT-safe project is: DTOs, interfaces and a JsonSerializerContext).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
[WarmupCount(2)]
[IterationCount(10)]
[Config(typeof(GeneratedSizeColumn.Config))]
public class GeneratorComparisonBenchmarks
{
    public const string Cold = "cold generation";
    public const string OneFileEdited = "one file edited";
    public const string Compile = "compile generated code";
    public const string Total = "total compile";

    private Workload.SpecText[] _specs = [];
    private Compilation _userCompilation = null!;
    private GeneratorDriver _specClientWarm = null!;
    private Workload.SpecText _editedSpec = null!;

    private string _openApiYaml = string.Empty;

    private SyntaxTree[] _refitTrees = [];
    private Compilation _refitCompilation = null!;
    private GeneratorDriver _refitWarm = null!;
    private SyntaxTree _refitEditedTree = null!;

    private SyntaxTree _jsonContextTree = null!;

    private SourceText[] _specClientOutput = [];
    private SourceText[] _nswagOutput = [];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Comparison;

    [ParamsSource(nameof(Sizes))]
    public int Endpoints { get; set; }

    // Each benchmark runs in its own process: each setup builds only what its benchmarks use, so
    // that no tool's collections walk a heap full of the other tools' state.
    [GlobalSetup(Targets = [nameof(SpecClientCold), nameof(SpecClientEdit)])]
    public void SetupSpecClient()
    {
        _specs = Workload.Specs(Endpoints);
        _userCompilation = Workload.UserCompilation("class UserCode { }");
        _specClientWarm = Workload.Checked(Workload.SpecClientDriver(_specs), _userCompilation, _specs.Length);
        _editedSpec = new Workload.SpecText(SeedLikeSpecs.EditedEndpoint(0));
    }

    [GlobalSetup(Target = nameof(NSwagCold))]
    public void SetupNSwag() => _openApiYaml = NSwagInput.OpenApiYaml(Endpoints);

    [GlobalSetup(Targets = [nameof(RefitCold), nameof(RefitEdit)])]
    public void SetupRefit()
    {
        var groups = Math.Min(Endpoints, SeedLikeSpecs.Groups);
        _refitTrees = Enumerable.Range(0, groups)
            .SelectMany(group => new[] { ("IGroup" + group + "Api.cs", RefitInput.InterfaceFile(group, Endpoints)), ("Group" + group + "Models.cs", RefitInput.DtoFile(group, Endpoints)) })
            .Select(file => CSharpSyntaxTree.ParseText(file.Item2, Workload.ParseOptions, path: file.Item1))
            .ToArray();
        _refitCompilation = Workload.Compilation(_refitTrees);
        _refitWarm = Workload.Checked(RefitDriver(), _refitCompilation, groups);
        _refitEditedTree = CSharpSyntaxTree.ParseText(RefitInput.InterfaceFile(0, Endpoints, edited: true), Workload.ParseOptions, path: _refitTrees[0].FilePath);
    }

    /// <summary>Both outputs must compile before their compile times mean anything.</summary>
    [GlobalSetup(Targets = [nameof(NSwagCompile), nameof(SpecClientCompile)])]
    public void SetupCompile()
    {
        SetupSpecClient();
        _specClientOutput = _specClientWarm.GetRunResult().GeneratedTrees.Select(tree => tree.GetText()).ToArray();
        _nswagOutput = [SourceText.From(NSwagInput.LoadAndGenerate(NSwagInput.OpenApiYaml(Endpoints)))];
        Workload.Emit(_specClientOutput);
        Workload.Emit(_nswagOutput);
        _specClientWarm = null!;
    }

    [GlobalSetup(Targets = [nameof(RefitTotal), nameof(RefitWithoutContextTotal), nameof(SpecClientTotal)])]
    public void SetupTotal()
    {
        SetupSpecClient();
        _specClientWarm = null!;
        SetupRefit();
        _refitWarm = null!;
        _jsonContextTree = CSharpSyntaxTree.ParseText(JsonContextInput.ContextFile(Endpoints), Workload.ParseOptions, path: "BenchJsonContext.cs");
        Workload.EmitWithGenerators(Workload.Compilation(_refitTrees.Append(_jsonContextTree)), RefitInput.Generator(), JsonContextInput.Generator());
        Workload.EmitWithGenerators(_userCompilation, Workload.SpecClientDriver(_specs));
    }

    [Benchmark(Baseline = true, Description = "Refit + JsonSerializerContext: generators and compile"), BenchmarkCategory(Total)]
    public long RefitTotal() => Workload.EmitWithGenerators(Workload.Compilation(_refitTrees.Append(_jsonContextTree)), RefitInput.Generator(), JsonContextInput.Generator());

    [Benchmark(Description = "Refit without a JsonSerializerContext: generator and compile"), BenchmarkCategory(Total)]
    public long RefitWithoutContextTotal() => Workload.EmitWithGenerators(Workload.Compilation(_refitTrees), RefitInput.Generator());

    [Benchmark(Description = "SpecClient: generator and compile"), BenchmarkCategory(Total)]
    public long SpecClientTotal() => Workload.EmitWithGenerators(_userCompilation, Workload.SpecClientDriver(_specs));

    [Benchmark(Baseline = true, Description = "NSwag: load OpenAPI YAML and generate"), BenchmarkCategory(Cold)]
    public string NSwagCold() => NSwagInput.LoadAndGenerate(_openApiYaml);

    [Benchmark(Description = "Refit: generate from interfaces"), BenchmarkCategory(Cold)]
    public GeneratorDriver RefitCold() => RefitDriver().RunGenerators(Workload.Compilation(_refitTrees));

    [Benchmark(Description = "SpecClient: generate from specs"), BenchmarkCategory(Cold)]
    public GeneratorDriver SpecClientCold() => Workload.SpecClientDriver(_specs).RunGenerators(_userCompilation);

    [Benchmark(Baseline = true, Description = "Refit: one interface file edited"), BenchmarkCategory(OneFileEdited)]
    public GeneratorDriver RefitEdit() => _refitWarm.RunGenerators(_refitCompilation.ReplaceSyntaxTree(_refitTrees[0], _refitEditedTree));

    [Benchmark(Description = "SpecClient: one spec edited"), BenchmarkCategory(OneFileEdited)]
    public GeneratorDriver SpecClientEdit() => _specClientWarm.ReplaceAdditionalText(_specs[1], _editedSpec).RunGenerators(_userCompilation);

    [Benchmark(Baseline = true, Description = "NSwag's output"), BenchmarkCategory(Compile)]
    public long NSwagCompile() => Workload.Emit(_nswagOutput);

    [Benchmark(Description = "SpecClient's output"), BenchmarkCategory(Compile)]
    public long SpecClientCompile() => Workload.Emit(_specClientOutput);

    private static CSharpGeneratorDriver RefitDriver() => CSharpGeneratorDriver.Create(new[] { RefitInput.Generator() }, parseOptions: Workload.ParseOptions);
}

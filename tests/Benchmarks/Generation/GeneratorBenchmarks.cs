using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using SpecClient.SeedLike;

namespace SpecClient.Benchmarks.Generation;

/// <summary>
/// SpecClient's generator on N seed-like endpoints: a cold run, and reruns of a warm driver after an
/// unrelated C# edit, after editing one spec's summary and after adding one spec.
/// </summary>
[MemoryDiagnoser]
[MaxIterationCount(30)]
public class GeneratorBenchmarks
{
    private Workload.SpecText[] _specs = [];
    private Compilation _compilation = null!;
    private Compilation _editedCompilation = null!;
    private GeneratorDriver _warm = null!;
    private Workload.SpecText _editTarget = null!;
    private Workload.SpecText _edited = null!;
    private Workload.SpecText _added = null!;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Generator;

    [ParamsSource(nameof(Sizes))]
    public int Endpoints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _specs = Workload.Specs(Endpoints);
        _compilation = Workload.UserCompilation("class UserCode { }");
        _editedCompilation = _compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class MoreUserCode { }", Workload.ParseOptions));
        _warm = Workload.Checked(Workload.SpecClientDriver(_specs), _compilation, _specs.Length);
        _edited = new Workload.SpecText(SeedLikeSpecs.EditedEndpoint(Endpoints / 2));
        _editTarget = _specs.Single(s => s.Path == _edited.Path);
        _added = new Workload.SpecText(SeedLikeSpecs.Endpoint(Endpoints));
    }

    [Benchmark(Description = "cold generation")]
    public GeneratorDriver Cold() => Workload.SpecClientDriver(_specs).RunGenerators(_compilation);

    [Benchmark(Description = "unrelated C# edit")]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_editedCompilation);

    [Benchmark(Description = "one spec edited")]
    public GeneratorDriver OneSpecEdited() => _warm.ReplaceAdditionalText(_editTarget, _edited).RunGenerators(_compilation);

    [Benchmark(Description = "one spec added")]
    public GeneratorDriver OneSpecAdded() => _warm.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(_added)).RunGenerators(_compilation);
}

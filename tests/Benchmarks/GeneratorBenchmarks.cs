using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecClient.Generator;

namespace SpecClient.Benchmarks;

/// <summary>
/// The generator on N seed-like endpoints (one or two UUID or \d+ path parameters, ten payload
/// properties, the WeTransform envelope): a cold run, and reruns of a warm driver after an
/// unrelated C# edit, after editing one spec and after adding one.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const string Uuid = "'[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}'";

    private Spec[] _specs = Array.Empty<Spec>();
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private GeneratorDriver _warm = null!;
    private Spec _edited = null!;
    private Spec _added = null!;

    [Params(100, 1_000, 10_000)]
    public int Endpoints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _specs = new[] { new Spec("/p/specs/api.spec.yaml", ApiSpec) }.Concat(Enumerable.Range(0, Endpoints).Select(EndpointSpec)).ToArray();
        var references = new[] { typeof(object).Assembly.Location }.Select(path => MetadataReference.CreateFromFile(path));
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class UserCode { }", Options) }, references);
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class MoreUserCode { }", Options));
        _warm = Driver().RunGenerators(_compilation);

        // The benchmark must measure real work: one file per spec, and no generator failure.
        var result = _warm.GetRunResult();
        if (result.Results[0].Exception is { } failure)
        {
            throw new InvalidOperationException("The generator failed.", failure);
        }

        if (result.GeneratedTrees.Length < _specs.Length || !result.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"{result.GeneratedTrees.Length} files for {_specs.Length} specs: {string.Join("; ", result.Diagnostics.Take(3))}");
        }
        _edited = new Spec(_specs[1].Path, _specs[1].Text.Replace("summary: Endpoint", "summary: Edited endpoint", StringComparison.Ordinal));
        _added = EndpointSpec(Endpoints);
    }

    private static CSharpParseOptions Options => new(LanguageVersion.CSharp12);

    [Benchmark(Description = "cold generation")]
    public GeneratorDriver Cold() => Driver().RunGenerators(_compilation);

    [Benchmark(Description = "unrelated C# edit")]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_editedCompilation);

    [Benchmark(Description = "one spec edited")]
    public GeneratorDriver OneSpecEdited() => _warm.ReplaceAdditionalText(_specs[1], _edited).RunGenerators(_compilation);

    [Benchmark(Description = "one spec added")]
    public GeneratorDriver OneSpecAdded() => _warm.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(_added)).RunGenerators(_compilation);

    private CSharpGeneratorDriver Driver() => CSharpGeneratorDriver.Create(new[] { new SpecClientGenerator().AsSourceGenerator() }, _specs, Options);

    private const string ApiSpec = """
        api:
          name: Bench
          namespace: Bench.Client
          baseUrl: https://bench.example
        envelope:
          typeName: BenchResponse
          payload: payload
          properties:
            success: boolean
            debug: { type: array, items: any }
        """;

    private static Spec EndpointSpec(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("endpoint:\n  api: Bench\n  group: Group").Append(i % 50).Append("\n  name: Read").Append(n)
            .Append("\n  method: GET\n  path: /things/{thingId}/parts/{partNumber}/").Append(n).Append("\n  summary: Endpoint ").Append(n).Append('\n')
            .Append("pathParameters:\n  thingId: { description: The thing, pattern: ").Append(Uuid).Append(" }\n  partNumber: { description: The part, pattern: '\\d+' }\n")
            .Append("response:\n  typeName: Thing").Append(n).Append("\n  properties:\n");
        foreach (var (name, type) in new[] { ("id", "string"), ("name", "string"), ("count", "integer"), ("ratio", "number"), ("enabled", "boolean"), ("created_at", "date-time"), ("owner", "string"), ("size", "integer"), ("url", "string"), ("note", "string") })
        {
            text.Append("    ").Append(name).Append(": { type: ").Append(type).Append(", nullable: true, description: The ").Append(name).Append(" of the thing. }\n");
        }

        return new Spec("/p/specs/endpoint" + n + ".spec.yaml", text.ToString());
    }

    private sealed class Spec : AdditionalText
    {
        private readonly SourceText _text;

        public Spec(string path, string text)
        {
            Path = path;
            Text = text;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public string Text { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

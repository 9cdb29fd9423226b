using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecClient.Generator;
using SpecClient.SeedLike;

namespace SpecClient.Benchmarks.Generation;

/// <summary>
/// What every generation benchmark shares: the N seed-like specs, one realistic set of references
/// (the .NET runtime's assemblies, SpecClient's runtime and Refit), and a driver for SpecClient's
/// generator. The tools compared against get the same endpoints in their own input format.
/// </summary>
internal static class Workload
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>The API file and <paramref name="endpoints"/> endpoint files, under a project folder.</summary>
    public static SpecText[] Specs(int endpoints) => SeedLikeSpecs.All(endpoints).Select(spec => new SpecText(spec)).ToArray();

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create(
            "Consumer",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpCompilation UserCompilation(params string[] sources)
        => Compilation(sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "User" + i + ".cs")));

    public static GeneratorDriver SpecClientDriver(IEnumerable<AdditionalText> specs)
        => CSharpGeneratorDriver.Create(new[] { new SpecClientGenerator().AsSourceGenerator() }, specs, ParseOptions);

    /// <summary>Runs a driver and fails loudly if the generator threw or reported anything: a benchmark must measure real work.</summary>
    public static GeneratorDriver Checked(GeneratorDriver driver, Compilation compilation, int expectedFiles)
    {
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult();
        if (result.Results.FirstOrDefault(r => r.Exception is not null).Exception is { } failure)
        {
            throw new InvalidOperationException("A generator failed.", failure);
        }

        if (result.GeneratedTrees.Length < expectedFiles || result.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            throw new InvalidOperationException($"{result.GeneratedTrees.Length} files, {expectedFiles} expected: {string.Join("; ", result.Diagnostics.Take(3))}");
        }

        return driver;
    }

    /// <summary>Compiles sources to an in-memory assembly, as the build does with generated code.</summary>
    public static long Emit(IEnumerable<SourceText> sources)
    {
        var compilation = Compilation(sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: "Generated" + i + ".cs")));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The code does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
        }

        return stream.Length;
    }

    /// <summary>Runs the generators over a compilation and emits the result, as a build does; fails if anything does not compile.</summary>
    public static long EmitWithGenerators(Compilation compilation, params ISourceGenerator[] generators)
        => EmitWithGenerators(compilation, CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions));

    public static long EmitWithGenerators(Compilation compilation, GeneratorDriver driver)
    {
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The project does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
        }

        return stream.Length;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"));
        var libraries = new[] { typeof(ApiException).Assembly.Location, typeof(Refit.RestService).Assembly.Location };
        return framework.Concat(libraries).Distinct(StringComparer.Ordinal).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }

    /// <summary>A spec file in memory, at a path under a project folder.</summary>
    public sealed class SpecText : AdditionalText
    {
        private readonly SourceText _text;

        public SpecText((string Path, string Text) spec)
        {
            Path = "/p/" + spec.Path;
            _text = SourceText.From(spec.Text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

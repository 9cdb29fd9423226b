using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>The consumer a test compiles for: the references a real project of that target compiles against.</summary>
public enum Consumer
{
    Net80,
    NetStandard20,
}

/// <summary>Runs the generator the way the compiler does, on in-memory specs and sources.</summary>
internal static class GeneratorHarness
{
    /// <summary>The project directory the specs' paths are relative to, as MSBuild passes it.</summary>
    public const string ProjectDirectory = "/project/";

    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80References = new(() => LoadReferences("net8.0"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> NetStandard20References = new(() => LoadReferences("netstandard2.0"));

    /// <summary>As a project with GenerateDocumentationFile: doc comment mistakes in generated code are warnings too.</summary>
    public static CSharpParseOptions ParseOptions(Consumer consumer, LanguageVersion? version = null)
        => new(version ?? (consumer == Consumer.Net80 ? LanguageVersion.CSharp12 : LanguageVersion.CSharp11), DocumentationMode.Diagnose, preprocessorSymbols: PreprocessorSymbols(consumer));

    /// <summary>The symbols the SDK defines for a project of that target.</summary>
    private static string[] PreprocessorSymbols(Consumer consumer) => consumer == Consumer.Net80
        ? new[] { "NET", "NET8_0", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER" }
        : new[] { "NETSTANDARD", "NETSTANDARD2_0", "NETSTANDARD2_0_OR_GREATER" };

    /// <summary>What a project of that target compiles against.</summary>
    public static ImmutableArray<MetadataReference> References(Consumer consumer)
        => consumer == Consumer.Net80 ? Net80References.Value : NetStandard20References.Value;

    public static CSharpCompilation Compilation(Consumer consumer, LanguageVersion? version = null, params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions(consumer, version), path: $"Consumer{i}.cs")),
            References(consumer),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));

    /// <param name="specs">The spec files.</param>
    /// <param name="consumer">The target the consuming project compiles for.</param>
    /// <param name="version">Its C# version; the target's default when null.</param>
    /// <param name="properties">MSBuild properties the project passes, such as SpecClientNamespace.</param>
    public static GeneratorDriver CreateDriver(IEnumerable<InMemorySpec> specs, Consumer consumer = Consumer.Net80, LanguageVersion? version = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        var options = new Dictionary<string, string> { ["build_property.projectdir"] = ProjectDirectory };
        foreach (var property in properties ?? new Dictionary<string, string>())
        {
            options["build_property." + property.Key] = property.Value;
        }

        return CSharpGeneratorDriver.Create(
            new[] { new SpecClientGenerator().AsSourceGenerator() },
            specs,
            ParseOptions(consumer, version),
            new BuildProperties(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once; returns the result and the compilation with the generated sources added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(IEnumerable<InMemorySpec> specs, Consumer consumer = Consumer.Net80, LanguageVersion? version = null, params string[] sources)
    {
        var compilation = Compilation(consumer, version, sources);
        var driver = CreateDriver(specs, consumer, version).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), WithNullableFlowAnalysis(output));
    }

    /// <summary>
    /// Generated files turn off nullable flow analysis to compile faster (annotations only); the tests
    /// turn it back on, so that generated code stays free of nullable warnings.
    /// </summary>
    public static Compilation WithNullableFlowAnalysis(Compilation output)
    {
        foreach (var tree in output.SyntaxTrees.ToList())
        {
            var text = tree.GetText().ToString();
            if (text.Contains(Emitting.FileHeader.NullableContext, StringComparison.Ordinal))
            {
                output = output.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(WithNullableFlowAnalysis(text))));
            }
        }

        return output;
    }

    /// <summary>The polyfill file a run generated; fails when there is none.</summary>
    public static string Polyfills(GeneratorDriverRunResult result)
        => result.Results[0].GeneratedSources.Single(s => s.HintName == Emitting.PolyfillEmitter.HintName).SourceText.ToString();

    public static string WithNullableFlowAnalysis(string generated)
        => generated.Replace(Emitting.FileHeader.NullableContext + "\n", "#nullable enable\n", StringComparison.Ordinal);

    /// <summary>Specs from text, each at a path under <see cref="ProjectDirectory"/>.</summary>
    public static InMemorySpec[] Specs(params (string Path, string Text)[] specs)
        => specs.Select(spec => new InMemorySpec(ProjectDirectory + spec.Path, spec.Text)).ToArray();

    /// <summary>Every spec of the repository's specs/ folder.</summary>
    public static InMemorySpec[] RepositorySpecs() => Specs(Repository.Specs().ToArray());

    public static IReadOnlyList<Diagnostic> Diagnostics(GeneratorDriverRunResult result) => result.Diagnostics;

    private static ImmutableArray<MetadataReference> LoadReferences(string targetFramework)
    {
        var list = Path.Combine(AppContext.BaseDirectory, "references." + targetFramework + ".txt");
        return File.ReadAllLines(list)
            .Where(line => line.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

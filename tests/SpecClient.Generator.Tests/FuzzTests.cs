using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Mutated copies of every spec in specs/ and of the client tests' Edge API go through the generator: no exception may escape,
/// and each run either compiles cleanly or carries at least one error diagnostic.
/// SPECCLIENT_FUZZ_CASES sets how many (10,000 by default) and SPECCLIENT_FUZZ_SEED the seed;
/// a failure prints the case's own seed, which reproduces it alone.
/// </summary>
public class FuzzTests
{
    private const int DefaultCases = 10_000;
    private const int DefaultSeed = 20261124;

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutated_specs_never_crash_the_generator_and_never_generate_broken_code()
    {
        var cases = Setting("SPECCLIENT_FUZZ_CASES", DefaultCases);
        var seed = Setting("SPECCLIENT_FUZZ_SEED", DefaultSeed);
        var specs = GeneratorHarness.Specs(Repository.Specs().Concat(Repository.TestSpecs()).ToArray());
        var compilation = GeneratorHarness.Compilation(Consumer.Net80);
        // Fakes on, so that their emission is fuzzed too.
        var baseline = GeneratorHarness.CreateDriver(specs, properties: new System.Collections.Generic.Dictionary<string, string> { ["SpecClientFakes"] = "true" }).RunGenerators(compilation);
        var baselineTexts = baseline.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToHashSet(StringComparer.Ordinal);

        var random = new Random(seed);
        var (withErrors, compiled) = (0, 0);
        for (var i = 0; i < cases; i++)
        {
            var caseSeed = random.Next();
            var spec = specs[caseSeed % specs.Length];
            var ownFile = Naming.MemberNames.HintName(spec.Path.Substring(GeneratorHarness.ProjectDirectory.Length));
            var mutated = SpecMutator.Mutate(spec.GetText()!.ToString(), new Random(caseSeed));
            string Describe(string problem) => $"{problem}\ncase {i}, case seed {caseSeed} (run seed {seed}), spec {spec.Path}:\n{mutated[..Math.Min(mutated.Length, 4000)]}";

            var driver = baseline.ReplaceAdditionalText(spec, new InMemorySpec(spec.Path, mutated)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
            var result = driver.GetRunResult();
            Assert.True(result.Results[0].Exception is null, Describe("the generator threw " + result.Results[0].Exception));
            Assert.True(!driverDiagnostics.Any(d => d.Id is "CS8784" or "CS8785"), Describe(string.Join("\n", driverDiagnostics)));

            var reported = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

            // Whatever is generated must compile without a warning, with nullable flow analysis on,
            // whether or not a spec error was reported: a spec with an unknown key still generates.
            // Only the changed files are rewritten and checked: rewriting every generated file per
            // case made the run grow with the number of specs.
            // After an error only the mutated spec's own file is checked: the files that change because
            // it stopped (its API's groups, the fakes) are the baseline's minus one endpoint, and
            // checking them on every case made the run four times as long.
            var changed = output.SyntaxTrees.Where(t => t.FilePath.Contains("SpecClient.Generator", StringComparison.Ordinal) && !baselineTexts.Contains(t.ToString())
                && (!reported || t.FilePath.EndsWith("/" + ownFile, StringComparison.Ordinal))).ToList();
            var checkedTrees = new System.Collections.Generic.List<SyntaxTree>();
            foreach (var tree in changed)
            {
                var rewritten = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(GeneratorHarness.WithNullableFlowAnalysis(tree.ToString())));
                output = output.ReplaceSyntaxTree(tree, rewritten);
                checkedTrees.Add(rewritten);
            }

            var problems = checkedTrees.SelectMany(t => output.GetSemanticModel(t).GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, Describe("the generated code does not compile cleanly:\n" + string.Join("\n", problems)));
            if (reported)
            {
                withErrors++;
            }
            else
            {
                compiled++;
            }
        }

        _output.WriteLine($"{cases} mutated specs (seed {seed}): {withErrors} reported errors, {compiled} generated code that compiled cleanly.");
        Assert.True(withErrors > cases / 10 && compiled > cases / 10, "the mutations should produce both outcomes");
    }

    private static int Setting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

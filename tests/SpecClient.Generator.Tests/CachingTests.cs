using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecClient.Generator.Tests.Infrastructure;
using SpecClient.SeedLike;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// With step tracking on: what an unrelated C# edit and a one-spec edit make the generator redo, for the
/// repository's specs and for 1,000 synthesised seed-like endpoints.
/// </summary>
public class CachingTests
{
    private const string Repository = "repository";
    private const string SeedLike1000 = "1,000 seed-like";

    private static readonly string[] TrackedSteps =
    {
        TrackingNames.SpecFiles, TrackingNames.Parse, TrackingNames.ApiInfos, TrackingNames.EndpointIdentities, TrackingNames.EndpointIndex, TrackingNames.EndpointGroups,
        TrackingNames.BindApi, TrackingNames.BindEndpoint, TrackingNames.ReferencedTypes, TrackingNames.DeclaredTypes, TrackingNames.CompilationFacts,
    };

    private static InMemorySpec[] SpecSet(string name) => name switch
    {
        Repository => GeneratorHarness.RepositorySpecs(),
        SeedLike1000 => GeneratorHarness.Specs(SeedLikeSpecs.All(1_000).ToArray()),
        _ => throw new System.ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>The endpoint spec each test edits, and its edited text.</summary>
    private static (InMemorySpec Target, InMemorySpec Edited) OneEdit(string name, InMemorySpec[] specs)
    {
        if (name == SeedLike1000)
        {
            var (path, text) = SeedLikeSpecs.EditedEndpoint(500);
            var target = specs.Single(s => s.Path == GeneratorHarness.ProjectDirectory + path);
            return (target, new InMemorySpec(target.Path, text));
        }

        var read = specs.Single(s => s.Path.EndsWith("submissions/read.spec.yaml", System.StringComparison.Ordinal));
        return (read, new InMemorySpec(read.Path, read.GetText()!.ToString().Replace("summary: Read a submission.", "summary: Read one submission.", System.StringComparison.Ordinal)));
    }

    private static (GeneratorDriver Driver, Compilation Compilation, InMemorySpec[] Specs) FirstRun(string specSet)
    {
        var specs = SpecSet(specSet);
        var compilation = GeneratorHarness.Compilation(Consumer.Net80, null, "public class UserCode { }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.Equal(specs.Length, driver.GetRunResult().Results[0].GeneratedSources.Length);
        return (driver, compilation, specs);
    }

    private static IEnumerable<(string Step, object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => (step, output.Value, output.Reason));

    [Theory]
    [InlineData(Repository)]
    [InlineData(SeedLike1000)]
    public void An_unrelated_csharp_edit_reruns_no_step(string specSet)
    {
        var (driver, compilation, _) = FirstRun(specSet);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class MoreUserCode { }", GeneratorHarness.ParseOptions(Consumer.Net80)));
        var result = driver.RunGenerators(edited).GetRunResult().Results[0];

        var rerun = TrackedSteps.SelectMany(step => Outputs(result, step)).Where(output => output.Reason != IncrementalStepRunReason.Cached).ToList();
        Assert.Empty(rerun);
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Declaring_a_polyfill_in_source_reruns_the_facts_and_drops_that_polyfill()
    {
        var specs = GeneratorHarness.RepositorySpecs();
        var compilation = GeneratorHarness.Compilation(Consumer.NetStandard20, null, "internal sealed class UserCode { }");
        var driver = GeneratorHarness.CreateDriver(specs, Consumer.NetStandard20).RunGenerators(compilation);
        Assert.Contains("class IsExternalInit", GeneratorHarness.Polyfills(driver.GetRunResult()), System.StringComparison.Ordinal);

        var declared = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }",
            GeneratorHarness.ParseOptions(Consumer.NetStandard20)));
        driver = driver.RunGeneratorsAndUpdateCompilation(declared, out var output, out _);
        output = GeneratorHarness.WithNullableFlowAnalysis(output);

        var polyfills = GeneratorHarness.Polyfills(driver.GetRunResult());
        Assert.DoesNotContain("class IsExternalInit", polyfills, System.StringComparison.Ordinal);
        Assert.Contains("class RequiredMemberAttribute", polyfills, System.StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(driver.GetRunResult().Results[0], TrackingNames.CompilationFacts)).Reason);
    }

    [Theory]
    [InlineData(Repository)]
    [InlineData(SeedLike1000)]
    public void Editing_one_spec_reruns_only_that_specs_steps(string specSet)
    {
        var (driver, compilation, specs) = FirstRun(specSet);
        var (target, edited) = OneEdit(specSet, specs);

        var result = driver.ReplaceAdditionalText(target, edited).RunGenerators(compilation).GetRunResult().Results[0];

        var parsed = Outputs(result, TrackingNames.Parse).ToList();
        Assert.Equal(specs.Length, parsed.Count);
        var modified = Assert.Single(parsed, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(edited.Path, ((Model.SpecFile)modified.Value).Path);
        Assert.All(parsed.Where(output => output.Reason != IncrementalStepRunReason.Modified), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));

        // The endpoint's group did not change, so the API file and the other endpoints are not re-emitted.
        Assert.Single(Outputs(result, TrackingNames.BindEndpoint), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Outputs(result, TrackingNames.BindApi), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        var emitted = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.Single(emitted, output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Theory]
    [InlineData(Repository)]
    [InlineData(SeedLike1000)]
    public void A_comment_added_to_a_spec_re_emits_nothing(string specSet)
    {
        var (driver, compilation, specs) = FirstRun(specSet);
        var (target, _) = OneEdit(specSet, specs);
        var edited = new InMemorySpec(target.Path, "# A comment that moves every line down.\n\n" + target.GetText()!);

        var result = driver.ReplaceAdditionalText(target, edited).RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Single(Outputs(result, TrackingNames.Parse), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Outputs(result, TrackingNames.BindEndpoint), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}

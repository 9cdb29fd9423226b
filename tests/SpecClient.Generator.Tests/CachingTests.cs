using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>With step tracking on: what an unrelated C# edit and a one-spec edit make the generator redo.</summary>
public class CachingTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.SpecFiles, TrackingNames.Parse, TrackingNames.ApiInfos, TrackingNames.EndpointIdentities, TrackingNames.EndpointIndex, TrackingNames.EndpointGroups,
        TrackingNames.BindApi, TrackingNames.BindEndpoint, TrackingNames.CompilationFacts,
    };

    private static (GeneratorDriver Driver, Compilation Compilation, InMemorySpec[] Specs) FirstRun()
    {
        var specs = GeneratorHarness.RepositorySpecs();
        var compilation = GeneratorHarness.Compilation(Consumer.Net80, null, "public class UserCode { }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        return (driver, compilation, specs);
    }

    private static IEnumerable<(string Step, object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => (step, output.Value, output.Reason));

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation, _) = FirstRun();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class MoreUserCode { }", GeneratorHarness.ParseOptions(Consumer.Net80)));
        var result = driver.RunGenerators(edited).GetRunResult().Results[0];

        var rerun = TrackedSteps.SelectMany(step => Outputs(result, step))
            .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        Assert.Empty(rerun);
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_spec_reruns_only_that_specs_steps()
    {
        var (driver, compilation, specs) = FirstRun();
        var target = specs.Single(s => s.Path.EndsWith("submissions/read.spec.yaml", System.StringComparison.Ordinal));
        var edited = new InMemorySpec(target.Path, target.GetText()!.ToString().Replace("summary: Read a submission.", "summary: Read one submission.", System.StringComparison.Ordinal));

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

    [Fact]
    public void A_comment_added_to_a_spec_re_emits_nothing()
    {
        var (driver, compilation, specs) = FirstRun();
        var target = specs.Single(s => s.Path.EndsWith("submissions/read.spec.yaml", System.StringComparison.Ordinal));
        var edited = new InMemorySpec(target.Path, "# A comment that moves every line down.\n\n" + target.GetText()!);

        var result = driver.ReplaceAdditionalText(target, edited).RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Single(Outputs(result, TrackingNames.Parse), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Outputs(result, TrackingNames.BindEndpoint), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}

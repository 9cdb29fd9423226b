using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Several spec files whose names collide once they are C# (CollidingSpecs): the driver never
/// throws, and whatever is generated compiles with zero warnings, whether or not a SPEC error is
/// reported. SPECCLIENT_COLLISION_CASES sets how many (300 by default), SPECCLIENT_COLLISION_SEED
/// the seed; a failure prints the case's own seed.
/// </summary>
public class CollidingNamesFuzzTests
{
    private const int DefaultCases = 300;
    private const int DefaultSeed = 20261202;

    private readonly ITestOutputHelper _output;

    public CollidingNamesFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Colliding_names_across_files_never_crash_the_generator_nor_break_the_build()
    {
        var cases = Setting("SPECCLIENT_COLLISION_CASES", DefaultCases);
        var seed = Setting("SPECCLIENT_COLLISION_SEED", DefaultSeed);
        var random = new Random(seed);
        var (withErrors, clean) = (0, 0);
        for (var i = 0; i < cases; i++)
        {
            var caseSeed = random.Next();
            var files = CollidingSpecs.Create(new Random(caseSeed));
            string Describe(string problem) => $"{problem}\ncase {i}, case seed {caseSeed} (run seed {seed}):\n" + string.Join("\n", files.Select(f => "--- " + f.Path + "\n" + f.Text));

            var consumer = caseSeed % 2 == 0 ? Consumer.Net80 : Consumer.NetStandard20;
            var properties = new Dictionary<string, string> { ["SpecClientFakes"] = caseSeed % 3 == 0 ? "true" : "false" };
            var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Specs(files), consumer, properties: properties)
                .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(consumer), out var output, out var driverDiagnostics);
            var result = driver.GetRunResult();
            Assert.True(result.Results[0].Exception is null, Describe("the generator threw " + result.Results[0].Exception));
            Assert.True(!driverDiagnostics.Any(d => d.Id is "CS8784" or "CS8785"), Describe(string.Join("\n", driverDiagnostics)));

            var problems = GeneratorHarness.WithNullableFlowAnalysis(output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, Describe("the generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(10))));
            if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error || d.DefaultSeverity == DiagnosticSeverity.Error))
            {
                withErrors++;
            }
            else
            {
                clean++;
            }
        }

        _output.WriteLine($"{cases} sets of colliding specs (seed {seed}): {withErrors} reported errors, {clean} generated without one, all compiled cleanly.");
        Assert.True(withErrors > 0 && clean > 0, "the cases should produce both outcomes");
    }

    private static int Setting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

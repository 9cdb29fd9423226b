using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// Generated file names come from spec paths, and the compiler refuses two files of one name
/// (ignoring case) by dropping every generated file. Names are unique by construction: the spec
/// whose path sorts first keeps the name, a later one gets it with a hash of its path and SPEC017.
/// </summary>
public class HintNameTests
{
    private const string Api = "api: { name: Shop, namespace: Shop.Client }\n";

    private static string Endpoint(string name) => "endpoint: { api: Shop, group: Orders, name: " + name + ", method: GET, path: /" + name.ToLowerInvariant() + " }\nresponse: none\n";

    public static TheoryData<string, string, string, string> Clashes() => new()
    {
        // Two specs' paths, the name they both want, and the spec that gets SPEC017: the one whose
        // path sorts later, ordinally ('.' before '/', capitals before small letters).
        { "specs/x/y.spec.yaml", "specs/x.y.spec.yaml", "specs.x.y.g.cs", "specs/x/y.spec.yaml" },
        { "specs/x/y.spec.yaml", "specs/x/y.spec.yml", "specs.x.y.g.cs", "specs/x/y.spec.yml" },
        { "specs/x/y.spec.yaml", "specs/X/Y.spec.yaml", "specs.x.y.g.cs", "specs/x/y.spec.yaml" },
        { "specs/p/api.spec.yaml", "specs/p.api.spec.yaml", "specs.p.api.g.cs", "specs/p/api.spec.yaml" },
    };

    [Theory]
    [MemberData(nameof(Clashes))]
    public void Specs_whose_paths_give_one_file_name_both_generate_and_the_later_gets_SPEC017(string first, string second, string wanted, string later)
    {
        var specs = new List<(string, string)> { ("specs/shop.spec.yaml", Api) };
        // Whichever path holds the API file, both files generate code that compiles together.
        specs.Add((first, first.EndsWith("api.spec.yaml", System.StringComparison.Ordinal) ? Api.Replace("Shop", "Other", System.StringComparison.Ordinal) : Endpoint("A")));
        specs.Add((second, Endpoint("B")));

        var (result, driverDiagnostics, output) = Run(specs);

        Assert.DoesNotContain(driverDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("SPEC017", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.DefaultSeverity));
        Assert.EndsWith(later, diagnostic.Location.GetLineSpan().Path, System.StringComparison.Ordinal);
        Assert.Contains("'" + wanted + "'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

        var names = result.Results[0].GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(3, names.Count(n => n != Emitting.PolyfillEmitter.HintName));
        Assert.Single(names, n => n.StartsWith(wanted[..^".g.cs".Length] + ".", System.StringComparison.OrdinalIgnoreCase) && n.Length == wanted.Length + 9);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void The_given_name_depends_only_on_the_paths()
    {
        var specs = new List<(string, string)> { ("specs/shop.spec.yaml", Api), ("specs/x/y.spec.yaml", Endpoint("A")), ("specs/x.y.spec.yaml", Endpoint("B")) };

        var once = Run(specs).Result.Results[0].GeneratedSources.Select(s => s.HintName).OrderBy(n => n).ToList();
        specs.Reverse();
        var reversed = Run(specs).Result.Results[0].GeneratedSources.Select(s => s.HintName).OrderBy(n => n).ToList();

        Assert.Equal(once, reversed);
    }

    [Fact]
    public void A_spec_named_like_an_api_files_fake_keeps_its_name_and_the_fake_moves()
    {
        var (result, driverDiagnostics, output) = Run(
            new List<(string, string)> { ("specs/shop.spec.yaml", Api), ("specs/shop.Fakes.spec.yaml", Endpoint("A")) },
            new Dictionary<string, string> { ["SpecClientFakes"] = "true" });

        Assert.DoesNotContain(driverDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.Equal("SPEC017", Assert.Single(result.Diagnostics).Id);
        Assert.Contains(result.Results[0].GeneratedSources, s => s.HintName == "specs.shop.Fakes.g.cs" && s.SourceText.ToString().Contains("specs/shop.Fakes.spec.yaml", System.StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_spec_named_like_the_polyfills_file_does_not_take_their_name()
    {
        var (result, driverDiagnostics, _) = Run(new List<(string, string)> { ("specs/shop.spec.yaml", Api), ("SpecClient/Polyfills.spec.yaml", Endpoint("A")) }, consumer: Consumer.NetStandard20);

        Assert.DoesNotContain(driverDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.Equal("SPEC017", Assert.Single(result.Diagnostics).Id);
        Assert.Contains(result.Results[0].GeneratedSources, s => s.HintName == Emitting.PolyfillEmitter.HintName);
    }

    private static (GeneratorDriverRunResult Result, IReadOnlyList<Diagnostic> DriverDiagnostics, Compilation Output) Run(IEnumerable<(string, string)> specs, IReadOnlyDictionary<string, string>? properties = null, Consumer consumer = Consumer.Net80)
    {
        var compilation = GeneratorHarness.Compilation(consumer);
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Specs(specs.ToArray()), consumer, properties: properties)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return (driver.GetRunResult(), driverDiagnostics, output);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>The README's five-minute example, taken from README.md itself, generates and compiles cleanly.</summary>
public partial class ReadmeExampleTests
{
    [GeneratedRegex("```(?<lang>yaml|csharp)\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [Fact]
    public void The_five_minute_example_compiles_without_a_warning()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("## Five minutes", StringComparison.Ordinal);
        var guide = readme[start..readme.IndexOf("\n## ", start, StringComparison.Ordinal)];
        var blocks = CodeBlock().Matches(guide).Select(m => (Lang: m.Groups["lang"].Value, Code: m.Groups["code"].Value)).ToList();

        var specs = blocks.Where(b => b.Lang == "yaml")
            .Select(b => (Path: b.Code.Split('\n')[0].TrimStart('#', ' '), b.Code))
            .ToArray();
        Assert.Equal(new[] { "specs/shop.spec.yaml", "specs/orders/read.spec.yaml" }, specs.Select(s => s.Path));
        // Pasted as it is into a new console app, whose implicit usings are these.
        var program = Assert.Single(blocks, b => b.Lang == "csharp").Code;
        const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
            + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Specs(specs), Consumer.Net80, null, ImplicitUsings, program);
        output = output.WithOptions(output.Options.WithOutputKind(OutputKind.ConsoleApplication));

        Assert.Empty(result.Diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

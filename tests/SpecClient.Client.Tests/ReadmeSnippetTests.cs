using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SpecClient.Client.Tests;

/// <summary>README.md's marked C# examples are exactly the code that ReadmeExamples compiles and runs.</summary>
public partial class ReadmeSnippetTests
{
    [GeneratedRegex(@"<!-- snippet: (?<name>[\w-]+) -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeSnippet();

    [GeneratedRegex(@"// snippet: (?<name>[\w-]+)\n(?<code>.*?)\n\s*// end snippet", RegexOptions.Singleline)]
    private static partial Regex SourceSnippet();

    [Fact]
    public void Every_marked_readme_example_is_tested_code()
    {
        var root = FindRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var source = File.ReadAllText(Path.Combine(root, "tests", "SpecClient.Client.Tests", "ReadmeExamples.cs"));
        var tested = SourceSnippet().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["code"].Value));
        var documented = ReadmeSnippet().Matches(readme).ToList();

        Assert.Equal(tested.Keys.Order(StringComparer.Ordinal), documented.Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal));
        foreach (var snippet in documented)
        {
            Assert.Equal(tested[snippet.Groups["name"].Value], Dedent(snippet.Groups["code"].Value));
        }
    }

    private static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found");
    }
}

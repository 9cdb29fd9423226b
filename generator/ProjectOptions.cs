using Microsoft.CodeAnalysis.Diagnostics;

namespace SpecClient.Generator;

/// <summary>The MSBuild properties the generator reads (build_property.*), as comparable data.</summary>
/// <param name="ProjectDirectory">The project folder: spec paths in file names and headers are relative to it.</param>
/// <param name="Namespace">SpecClientNamespace: one namespace for everything generated, instead of each API file's own.</param>
internal sealed record ProjectOptions(string? ProjectDirectory, string? Namespace)
{
    public static ProjectOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.projectdir", out var directory);
        options.TryGetValue("build_property.SpecClientNamespace", out var ns);
        return new ProjectOptions(directory, string.IsNullOrWhiteSpace(ns) ? null : ns!.Trim());
    }
}

using Microsoft.CodeAnalysis.Diagnostics;

namespace SpecClient.Generator;

/// <summary>The MSBuild properties the generator reads (build_property.*), as comparable data.</summary>
/// <param name="ProjectDirectory">The project folder: spec paths in file names and headers are relative to it.</param>
/// <param name="Namespace">SpecClientNamespace: one namespace for everything generated, instead of each API file's own.</param>
/// <param name="Fakes">SpecClientFakes: also emit an in-memory fake of each API, for tests.</param>
internal sealed record ProjectOptions(string? ProjectDirectory, string? Namespace, bool Fakes)
{
    public static ProjectOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.projectdir", out var directory);
        options.TryGetValue("build_property.SpecClientNamespace", out var ns);
        options.TryGetValue("build_property.SpecClientFakes", out var fakes);
        return new ProjectOptions(directory, string.IsNullOrWhiteSpace(ns) ? null : ns!.Trim(), string.Equals(fakes?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase));
    }
}

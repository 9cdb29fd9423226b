using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>Finds the repository's own files: the specs under specs/ and this project's snapshots.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SpecsDirectory => Path.Combine(Root, "specs");

    /// <summary>Every spec in specs/, as (path relative to the repository, text), in a stable order.</summary>
    public static IReadOnlyList<(string Path, string Text)> Specs() => SpecsIn(SpecsDirectory);

    /// <summary>The client tests' own API (Edge), which uses the keys the real pages do not.</summary>
    public static IReadOnlyList<(string Path, string Text)> TestSpecs() => SpecsIn(Path.Combine(Root, "tests", "SpecClient.Client.Tests", "Specs"));

    private static List<(string Path, string Text)> SpecsIn(string folder) => Directory
        .EnumerateFiles(folder, "*.spec.yaml", SearchOption.AllDirectories)
        .Select(path => (Path.GetRelativePath(Root, path).Replace('\\', '/'), File.ReadAllText(path)))
        .OrderBy(spec => spec.Item1, StringComparer.Ordinal)
        .ToList();

    public static string Spec(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}

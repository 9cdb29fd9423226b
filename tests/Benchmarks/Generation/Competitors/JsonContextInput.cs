using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using SpecClient.SeedLike;

namespace SpecClient.Benchmarks.Generation.Competitors;

/// <summary>
/// What a Refit project adds to be trimming- and AOT-safe: a <c>JsonSerializerContext</c> that lists
/// every response type, and System.Text.Json's source generator, loaded from the SDK's reference
/// pack as the compiler loads it for a net10.0 project.
/// </summary>
internal static class JsonContextInput
{
    public static string ContextFile(int endpoints)
    {
        var code = new StringBuilder("using System.Text.Json.Serialization;\nnamespace Bench.Refit;\n\n");
        for (var i = 0; i < endpoints; i++)
        {
            code.Append("[JsonSerializable(typeof(BenchResponse<Thing").Append(SeedLikeSpecs.Number(i)).Append(">))]\n");
        }

        return code.Append("internal partial class BenchJsonContext : JsonSerializerContext\n{\n}\n").ToString();
    }

    private static readonly AnalyzerGenerator JsonGenerator = new(() =>
    {
        var dotnet = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        return Directory.GetDirectories(Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref"))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0))
            .Select(d => Path.Combine(d, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"))
            .First(File.Exists);
    });

    /// <summary>System.Text.Json's incremental generator.</summary>
    public static ISourceGenerator Generator() => JsonGenerator.Create();
}

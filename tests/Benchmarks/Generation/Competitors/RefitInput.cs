using System;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using SpecClient.SeedLike;

namespace SpecClient.Benchmarks.Generation.Competitors;

/// <summary>
/// The same N endpoints as Refit interfaces, one interface and file per group, with DTOs in files of
/// their own; and Refit 16.4's source generator, loaded from its package as the compiler loads it.
/// </summary>
internal static class RefitInput
{
    public static string InterfaceFile(int group, int endpoints, bool edited = false)
    {
        var code = new StringBuilder();
        code.Append("using System; using System.Threading; using System.Threading.Tasks; using Refit;\nnamespace Bench.Refit;\n\n")
            .Append("public interface IGroup").Append(group).Append("Api\n{\n");
        for (var i = group; i < endpoints; i += SeedLikeSpecs.Groups)
        {
            var n = SeedLikeSpecs.Number(i);
            var route = SeedLikeSpecs.Route(i) + (edited && i == group ? "/edited" : string.Empty);
            code.Append("    /// <summary>Endpoint ").Append(n).Append("</summary>\n")
                .Append("    [Get(\"").Append(route).Append("\")]\n")
                .Append("    Task<BenchResponse<Thing").Append(n).Append(">> Read").Append(n)
                .Append("(Guid thingId, ulong partNumber, CancellationToken cancellationToken = default);\n\n");
        }

        return code.Append("}\n").ToString();
    }

    public static string DtoFile(int group, int endpoints)
    {
        var code = new StringBuilder();
        code.Append("using System; using System.Text.Json.Serialization;\nnamespace Bench.Refit;\n\n");
        if (group == 0)
        {
            code.Append("public sealed class BenchResponse<T>\n{\n    [JsonPropertyName(\"success\")] public bool Success { get; set; }\n")
                .Append("    [JsonPropertyName(\"payload\")] public T? Payload { get; set; }\n")
                .Append("    [JsonPropertyName(\"debug\")] public System.Text.Json.JsonElement[]? Debug { get; set; }\n}\n\n");
        }

        for (var i = group; i < endpoints; i += SeedLikeSpecs.Groups)
        {
            var n = SeedLikeSpecs.Number(i);
            code.Append("public sealed class Thing").Append(n).Append("\n{\n");
            Properties(code, SeedLikeSpecs.Properties);
            code.Append("    [JsonPropertyName(\"parts\")] public System.Collections.Generic.List<Part").Append(n).Append(">? Parts { get; set; }\n}\n\n");
            code.Append("public sealed class Part").Append(n).Append("\n{\n");
            Properties(code, SeedLikeSpecs.PartProperties);
            code.Append("}\n\n");
        }

        return code.ToString();
    }

    private static void Properties(StringBuilder code, (string Name, string Type)[] properties)
    {
        foreach (var (name, type) in properties)
        {
            code.Append("    [JsonPropertyName(\"").Append(name).Append("\")] public ").Append(ClrType(type)).Append("? ")
                .Append(string.Concat(name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])))
                .Append(" { get; set; }\n");
        }
    }

    private static readonly AnalyzerGenerator RefitGenerator = new(() => typeof(RefitInput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RefitGenerator").Value!);

    /// <summary>Refit's incremental generator, from the analyzer folder of the package this project restores.</summary>
    public static ISourceGenerator Generator() => RefitGenerator.Create();

    private static string ClrType(string specType) => specType switch
    {
        "integer" => "long",
        "number" => "double",
        "boolean" => "bool",
        "date-time" => "DateTimeOffset",
        _ => "string",
    };
}

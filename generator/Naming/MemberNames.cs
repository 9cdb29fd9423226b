using System;
using System.Collections.Generic;

namespace SpecClient.Generator.Naming;

/// <summary>The C# names the emitter gives to spec members. The binder checks collisions with the same rules.</summary>
internal static class MemberNames
{
    /// <summary>Members every record already has, plus the one holding undeclared JSON properties.</summary>
    private static readonly HashSet<string> ReservedRecordMembers = new(StringComparer.Ordinal)
    {
        "AdditionalProperties", "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
    };

    private static readonly HashSet<string> ReservedEnumMembers = new(StringComparer.Ordinal)
    {
        "Value", "Equals", "GetHashCode", "ToString", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>The property name for a wire name: PascalCase, and never the name of its record or a member every record has.</summary>
    public static string Property(string wireName, string typeName)
    {
        var name = Identifiers.ToPascalCase(wireName);
        return name == typeName || ReservedRecordMembers.Contains(name) ? name + "Value" : name;
    }

    public static string EnumMember(string value, string typeName)
    {
        var name = Identifiers.ToPascalCase(value);
        return name == typeName || ReservedEnumMembers.Contains(name) ? name + "Value" : name;
    }

    public static string Type(string specName) => Identifiers.ToPascalCase(specName);

    public static string Client(string apiName) => Identifiers.ToPascalCase(apiName) + "Client";

    public static string Exception(string apiName) => Identifiers.ToPascalCase(apiName) + "Exception";

    public static string Group(string group) => Identifiers.ToPascalCase(group) + "Endpoints";

    public static string Method(string endpointName) => Identifiers.ToPascalCase(endpointName) + "Async";

    public static string Converter(string typeName) => typeName + "JsonConverter";

    /// <summary>A local or parameter name; avoids the names the generated code itself uses.</summary>
    public static string Local(string wireName)
    {
        var name = Identifiers.ToCamelCase(wireName);
        return name is "reader" or "writer" or "value" or "options" or "typeToConvert" or "additionalProperties" or "cancellationToken" or "path" or "query" or "content" or "body"
            ? name + "Value"
            : name;
    }

    /// <summary>The hint name of a generated file, from the spec's relative path: "specs/a/read.spec.yaml" → "specs.a.read.g.cs".</summary>
    public static string HintName(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        foreach (var suffix in new[] { ".spec.yaml", ".spec.yml" })
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - suffix.Length);
                break;
            }
        }

        var builder = new System.Text.StringBuilder(path.Length + 5);
        foreach (var c in path)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '.');
        }

        return builder.ToString().Trim('.') + ".g.cs";
    }
}

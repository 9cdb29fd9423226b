using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Patterns;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>Path and query parameters, and route patterns.</summary>
internal sealed partial class SpecParser
{
    private EquatableArray<ParameterModel> ParseParameters(YamlNode node, string section, bool isPath)
    {
        var parameters = ImmutableArray.CreateBuilder<ParameterModel>();
        foreach (var (name, key, value) in _reader.NamedEntries(node, section))
        {
            var where = section + "." + name;
            var mapping = value as YamlMappingNode;
            if (mapping is null && value is not YamlScalarNode)
            {
                _reader.AsMapping(value, where);
                continue;
            }

            if (mapping is not null)
            {
                _reader.CheckKeys(mapping, where, isPath ? PathParameterKeys : QueryParameterKeys);
            }

            // A bare scalar is shorthand for the type: "name: string".
            var typeNode = mapping is null ? value : YamlSpecReader.Find(mapping, "type");
            var type = TypeRef.Scalar(TypeKind.String, YamlSpecReader.SpanOf(key));
            if (typeNode is not null && _reader.AsScalar(typeNode, where + ".type") is { } typeText)
            {
                type = ParseParameterType(typeText, typeNode, where);
            }

            string? pattern = null;
            var patternSpan = SourceSpan.None;
            if (mapping is not null && YamlSpecReader.Find(mapping, "pattern") is { } patternNode)
            {
                pattern = _reader.AsScalar(patternNode, where + ".pattern");
                patternSpan = YamlSpecReader.SpanOf(patternNode);
                if (pattern is not null && ValidateRegex(pattern) is { } error)
                {
                    _reader.Report(DiagnosticDescriptors.InvalidRegex, patternSpan, name, error);
                    pattern = null;
                }
            }

            var nullable = !isPath && mapping is not null && (_reader.OptionalBoolean(mapping, "nullable", where) ?? false);
            parameters.Add(new ParameterModel(
                name,
                type,
                nullable,
                mapping is null ? null : _reader.OptionalScalar(mapping, "description", where),
                pattern,
                mapping is null ? null : OptionalExample(mapping, where),
                YamlSpecReader.SpanOf(key),
                patternSpan));
        }

        return parameters.ToEquatableArray();
    }

    private TypeRef ParseParameterType(string typeText, YamlNode typeNode, string where)
    {
        var span = YamlSpecReader.SpanOf(typeNode);
        var kind = ScalarKind(typeText);
        if (kind is null)
        {
            var suggestion = YamlSpecReader.Suggest(typeText, ScalarTypeNames);
            _reader.Report(DiagnosticDescriptors.UnknownType, span, typeText, suggestion is null ? " for a parameter" : "; did you mean '" + suggestion + "'?");
            return TypeRef.Scalar(TypeKind.String, span);
        }

        return TypeRef.Scalar(kind.Value, span);
    }

    private static readonly string[] ScalarTypeNames = { "string", "integer", "number", "boolean", "date-time" };

    public static readonly string[] BuiltInTypeNames = { "string", "integer", "number", "boolean", "date-time", "any", "object", "array", "enum" };

    private static TypeKind? ScalarKind(string name) => name switch
    {
        "string" => TypeKind.String,
        "integer" => TypeKind.Integer,
        "number" => TypeKind.Number,
        "boolean" => TypeKind.Boolean,
        "date-time" => TypeKind.DateTime,
        _ => null,
    };

    /// <summary>The regex engine's message when the pattern, as documented or as anchored for validation, does not parse.</summary>
    public static string? ValidateRegex(string pattern)
    {
        // The common patterns are known to be valid; building a Regex twice per parameter is not free.
        if (RoutePatterns.IsUuid(pattern) || RoutePatterns.IsDigits(pattern))
        {
            return null;
        }

        foreach (var candidate in new[] { pattern, RoutePatterns.Anchor(pattern) })
        {
            try
            {
                _ = new Regex(candidate, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                return candidate == pattern ? e.Message : "anchored as " + RoutePatterns.Anchor(pattern) + ", " + e.Message;
            }
        }

        return null;
    }
}

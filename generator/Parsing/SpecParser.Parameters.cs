using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Format;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;
using SpecClient.Generator.Patterns;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>Path and query parameters, and route patterns.</summary>
internal sealed partial class SpecParser
{
    /// <summary>Where a parameter goes: each place allows its own keys and types.</summary>
    private enum ParameterPlace
    {
        Path,
        Query,
        Form,
        Header,
    }

    private EquatableArray<ParameterModel> ParseParameters(YamlNode node, string section, ParameterPlace place)
    {
        var isPath = place == ParameterPlace.Path;
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
                _reader.CheckKeys(mapping, where, AllowedKeys(place));
            }

            if (place == ParameterPlace.Header && !IsHeaderParameterName(name, key))
            {
                continue;
            }

            var type = place switch
            {
                ParameterPlace.Path => ParsePathParameterType(key, value, mapping, where),
                ParameterPlace.Query => ParseQueryParameterType(name, key, value, mapping, where),
                _ => ParseFormParameterType(name, key, value, mapping, where, place == ParameterPlace.Header ? "A header" : "A form field"),
            };

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

            var example = mapping is null ? null : OptionalExample(mapping, where);
            if (pattern is not null)
            {
                CheckPatternAccepts(name, pattern, patternSpan, example);
            }

            var optional = !isPath && mapping is not null && (place == ParameterPlace.Query ? IsOptionalParameter(mapping, where) : _reader.OptionalBoolean(mapping, "optional", where) ?? false);
            var constant = mapping is not null && place is ParameterPlace.Query or ParameterPlace.Header ? ParseConstant(mapping, where, type) : null;
            parameters.Add(new ParameterModel(
                name,
                type,
                optional,
                mapping is null ? null : _reader.OptionalScalar(mapping, "description", where),
                pattern,
                example,
                YamlSpecReader.SpanOf(key),
                patternSpan,
                mapping is null || place != ParameterPlace.Query ? null : ParseQueryStyle(mapping, where),
                constant));
        }

        return parameters.ToEquatableArray();
    }

    /// <summary>
    /// Whether a query parameter may be left out. 'nullable' said so before 'optional' existed;
    /// it gets a diagnostic that names the new key, and still counts, so that nothing cascades.
    /// </summary>
    private bool IsOptionalParameter(YamlMappingNode mapping, string where)
    {
        if (YamlSpecReader.Find(mapping, "nullable") is not null)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.KeySpan(mapping, "nullable"), "nullable", where, "A query parameter is left out when it has no value: write 'optional: true'.");
            return _reader.OptionalBoolean(mapping, "nullable", where) ?? false;
        }

        return _reader.OptionalBoolean(mapping, "optional", where) ?? false;
    }

    /// <summary>A path parameter is a scalar: "id: {}" is a string, "id: integer" shorthand for the type.</summary>
    private TypeRef ParsePathParameterType(YamlScalarNode key, YamlNode value, YamlMappingNode? mapping, string where)
    {
        var typeNode = mapping is null ? value : YamlSpecReader.Find(mapping, "type");
        return typeNode is not null && _reader.AsScalar(typeNode, where + ".type") is { } typeText
            ? ParseParameterType(typeText, typeNode, where)
            : TypeRef.Scalar(TypeKind.String, YamlSpecReader.SpanOf(key));
    }

    /// <summary>
    /// A query parameter is a type node, as a property is: a scalar, an enum, a list, an object or
    /// a map, whose inline types join the endpoint's. Only raw JSON cannot go into a query.
    /// </summary>
    private TypeRef ParseQueryParameterType(string name, YamlScalarNode key, YamlNode value, YamlMappingNode? mapping, string where)
    {
        if (mapping is not null && YamlSpecReader.Find(mapping, "type") is null && YamlSpecReader.Find(mapping, "properties") is null
            && YamlSpecReader.Find(mapping, "items") is null && YamlSpecReader.Find(mapping, "values") is null)
        {
            return TypeRef.Scalar(TypeKind.String, YamlSpecReader.SpanOf(key));
        }

        var type = ParseType(value, where, Identifiers.ToPascalCase(name), 0, parent: null, isMember: true, checkKeys: false).Type;
        if (type.Kind == TypeKind.Any || type.Items?.Kind == TypeKind.Any)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, type.Span, "any", where, "A query parameter cannot hold raw JSON: declare its type, its items or its properties.");
        }
        else if (ContainsFile(type))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, type.Span, "file", where, "A file travels in a multipart/form-data body: declare it under 'formParameters:'.");
        }

        return type;
    }

    /// <summary>A multipart/form-data field or a header: text, a number, a boolean, a date-time, an enum, or (a field) a file.</summary>
    private TypeRef ParseFormParameterType(string name, YamlScalarNode key, YamlNode value, YamlMappingNode? mapping, string where, string what)
    {
        if (mapping is not null && YamlSpecReader.Find(mapping, "type") is null && YamlSpecReader.Find(mapping, "values") is null)
        {
            return TypeRef.Scalar(TypeKind.String, YamlSpecReader.SpanOf(key));
        }

        var type = ParseType(value, where, Identifiers.ToPascalCase(name), 0, parent: null, isMember: true, checkKeys: false).Type;
        if (type.Kind is TypeKind.Any or TypeKind.Array or TypeKind.Map or TypeKind.Object || (what == "A header" && type.Kind == TypeKind.File))
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, type.Span, type.Kind.ToString().ToLowerInvariant(), where, what + " is text, a number, a boolean, a date-time" + (what == "A header" ? " or an enum." : ", an enum or a file."));
        }

        return type;
    }

    /// <summary>A header parameter's name must be a valid header name that neither SpecClient nor HttpClient sets.</summary>
    private bool IsHeaderParameterName(string name, YamlScalarNode key)
    {
        var why = !HeaderName.IsMatch(name) ? "A header name is letters, digits and !#$%&'*+-.^_`|~ only."
            : ReservedHeaders.Contains(name) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) ? "SpecClient or HttpClient sets this header (authorization comes from the API file's 'auth:'; Content-* headers belong to request bodies)."
            : null;
        if (why is not null)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(key), name, "headerParameters", why);
        }

        return why is null;
    }

    /// <summary>
    /// The keys of a parameter of each place. A query parameter also takes 'nullable', which said
    /// "optional" before 'optional' existed: IsOptionalParameter reports it with that hint.
    /// </summary>
    private static string[] AllowedKeys(ParameterPlace place) => place switch
    {
        ParameterPlace.Path => SpecFormat.PathParameter.KeyNames,
        ParameterPlace.Query => QueryParameterKeys,
        ParameterPlace.Header => SpecFormat.HeaderParameter.KeyNames,
        _ => SpecFormat.FormParameter.KeyNames,
    };

    private static readonly string[] QueryParameterKeys = SpecFormat.QueryParameter.KeyNames.Concat(new[] { "nullable" }).ToArray();

    /// <summary>A value the endpoint always sends: text on one line, of a parameter typed as text.</summary>
    private string? ParseConstant(YamlMappingNode mapping, string where, TypeRef type)
    {
        if (YamlSpecReader.Find(mapping, "value") is not { } node || _reader.AsScalar(node, where + ".value") is not { } value)
        {
            return null;
        }

        var why = type.Kind != TypeKind.String ? "A value the endpoint always sends is text: leave out 'type:' and the keys of other types."
            : value.IndexOfAny(LineBreaks) >= 0 ? "A value the endpoint always sends is one line of text."
            : null;
        if (why is not null)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(node), value, where + ".value", why);
            return null;
        }

        return value;
    }

    private static readonly char[] LineBreaks = { '\r', '\n' };

    /// <summary>A parameter's own query style, overriding the API's.</summary>
    private string? ParseQueryStyle(YamlMappingNode mapping, string where)
    {
        if (_reader.OptionalScalar(mapping, "style", where) is not { } style)
        {
            return null;
        }

        if (Array.IndexOf(SpecFormat.QueryStyles, style) < 0)
        {
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(YamlSpecReader.Find(mapping, "style")!), style, where + ".style", "Use one of " + string.Join(", ", SpecFormat.QueryStyles) + ".");
            return null;
        }

        return style;
    }

    private TypeRef ParseParameterType(string typeText, YamlNode typeNode, string where)
    {
        var span = YamlSpecReader.SpanOf(typeNode);
        var kind = ScalarKind(typeText);
        if (kind is null)
        {
            var suggestion = YamlSpecReader.Suggest(typeText, ScalarTypeNames);
            _reader.Report(DiagnosticDescriptors.UnknownType, span, typeText, " for a path parameter", YamlSpecReader.DidYouMean(suggestion), "string, integer, number, boolean, date-time or date");
            return TypeRef.Scalar(TypeKind.String, span);
        }

        return TypeRef.Scalar(kind.Value, span);
    }

    private static readonly string[] ScalarTypeNames = { "string", "integer", "number", "boolean", "date-time", "date" };

    public static readonly string[] BuiltInTypeNames = SpecFormat.BuiltInTypeNames;

    private static TypeKind? ScalarKind(string name) => name switch
    {
        "string" => TypeKind.String,
        "integer" => TypeKind.Integer,
        "number" => TypeKind.Number,
        "boolean" => TypeKind.Boolean,
        "date-time" => TypeKind.DateTime,
        "date" => TypeKind.Date,
        _ => null,
    };

    /// <summary>
    /// Warns of a pattern that refuses what it should accept: an empty one (anchored, it matches only
    /// an empty value) or one that refuses the parameter's own documented example. Whether a regex
    /// matches anything at all cannot be decided in general; the example is the evidence a page gives.
    /// </summary>
    private void CheckPatternAccepts(string name, string pattern, SourceSpan span, string? example)
    {
        if (pattern.Length == 0)
        {
            _reader.Report(DiagnosticDescriptors.SuspiciousPattern, span, name, "is empty: anchored, it matches only an empty value, and every call would be refused before sending. Remove 'pattern:' or write the pattern.");
        }
        else if (example is { Length: > 0 } && RoutePatterns.Matches(pattern, example) == false)
        {
            _reader.Report(DiagnosticDescriptors.SuspiciousPattern, span, name, "does not match the parameter's own example '" + example + "' (the whole value must match). Fix the pattern or the example.");
        }
    }

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

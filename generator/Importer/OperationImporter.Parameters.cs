using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using SpecClient.Generator.Format;

namespace SpecClient.Importer;

/// <summary>An operation's parameters: path, query and header, and the values its path carries.</summary>
internal sealed partial class OperationImporter
{
    private static YamlMapping? PathParameters(string path, List<IOpenApiParameter> parameters, ImportNotes notes)
    {
        var mapping = new YamlMapping();
        foreach (Match placeholder in Regex.Matches(path, @"\{([^{}]+)\}"))
        {
            var wireName = placeholder.Groups[1].Value;
            var parameter = parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == wireName);
            var node = new YamlMapping();
            var schema = SchemaMapper.Resolve(parameter?.Schema);
            var kinds = (schema?.Type ?? 0) & ~JsonSchemaType.Null;
            var type = kinds switch
            {
                JsonSchemaType.Integer => "integer",
                JsonSchemaType.Number => "number",
                JsonSchemaType.Boolean => "boolean",
                JsonSchemaType.String when schema?.Format == "date-time" => "date-time",
                JsonSchemaType.String when schema?.Format == "date" => "date",
                JsonSchemaType.String or 0 => null,
                _ => "?",
            };
            if (type == "?")
            {
                notes.Fallback("a path parameter that is not a scalar, sent as text", wireName);
                type = null;
            }

            node.AddText("type", type);
            node.AddText("description", SchemaMapper.Text(parameter?.Description));
            if (schema?.Pattern is { } pattern && type is null)
            {
                if (IsDotNetRegex(pattern))
                {
                    node.AddText("pattern", pattern);
                }
                else
                {
                    notes.Fallback("a pattern .NET cannot read, left out", wireName);
                }
            }

            node.AddText("example", SchemaMapper.Example(parameter?.Example ?? SchemaMapper.ExampleOf(schema)));
            mapping.Add(wireName, SchemaMapper.Ordered(node, SpecFormat.PathParameter), parameter is null ? "The document does not declare this placeholder: a string." : null);
        }

        return mapping.IsEmpty ? null : mapping;
    }

    private YamlMapping? QueryParameters(List<IOpenApiParameter> parameters, Dictionary<(ParameterLocation, string), string> constants, ImportNotes notes)
    {
        var mapping = Constants(ParameterLocation.Query, parameters, constants);
        foreach (var parameter in parameters.Where(p => p.In == ParameterLocation.Query && !constants.ContainsKey((ParameterLocation.Query, p.Name!))))
        {
            var node = _schemas.Map(parameter.Schema, notes, "query " + parameter.Name, optional: !parameter.Required);
            if (SchemaMapper.IsAny(node))
            {
                // A query string holds text: raw JSON has no form there.
                notes.Fallback("a query parameter of any JSON, sent as text", parameter.Name);
                node = Retyped(node, "string");
            }

            var style = parameter.Style switch
            {
                ParameterStyle.Form when parameter.Explode == false => "comma",
                ParameterStyle.DeepObject => "deepObject",
                ParameterStyle.PipeDelimited or ParameterStyle.SpaceDelimited => "?",
                _ => null,
            };
            if (style == "?")
            {
                notes.Fallback("pipe- or space-delimited query lists, sent in the API's style", parameter.Name);
                style = null;
            }

            mapping.Add(parameter.Name!, WithParameterKeys(node, parameter, style, SpecFormat.QueryParameter));
        }

        return mapping.IsEmpty ? null : mapping;
    }

    private YamlMapping? HeaderParameters(List<IOpenApiParameter> parameters, Dictionary<(ParameterLocation, string), string> constants, ImportNotes notes)
    {
        var mapping = Constants(ParameterLocation.Header, parameters, constants);
        foreach (var parameter in parameters.Where(p => p.In == ParameterLocation.Header && !constants.ContainsKey((ParameterLocation.Header, p.Name!))))
        {
            if (_apiHeaders.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
            {
                // The API file sends it from a client option: said, not dropped.
                continue;
            }

            if (!Names.IsFreeHeader(parameter.Name!))
            {
                notes.Fallback("a header SpecClient sets, left out", parameter.Name);
                continue;
            }

            var node = _schemas.Map(parameter.Schema, notes, "header " + parameter.Name, optional: !parameter.Required);
            if (SchemaMapper.TypeName(node) is "array" or "object" or "map" or "any" or "file")
            {
                notes.Fallback("a header that is not a scalar, sent as text", parameter.Name);
                node = YamlOut.Text("string");
            }

            mapping.Add(parameter.Name!, WithParameterKeys(node, parameter, style: null, SpecFormat.HeaderParameter));
        }

        return mapping.IsEmpty ? null : mapping;
    }

    /// <summary>The node with another type, its items and properties dropped.</summary>
    private static YamlOut Retyped(YamlOut node, string type)
    {
        if (node is not YamlMapping mapping)
        {
            return YamlOut.Text(type);
        }

        var retyped = new YamlMapping().Add("type", YamlOut.Text(type));
        foreach (var entry in mapping.Entries.Where(e => e.Key is not ("type" or "items" or "properties" or "values" or "typeName")))
        {
            retyped.Entries.Add(entry);
        }

        return SchemaMapper.Ordered(retyped, SpecFormat.TypeNode);
    }

    /// <summary>A parameter's type node with its own docs: the parameter's description and example win over the schema's.</summary>
    private static YamlOut WithParameterKeys(YamlOut node, IOpenApiParameter parameter, string? style, SectionSpec section)
    {
        var mapping = node as YamlMapping ?? new YamlMapping().Add("type", node);
        mapping.Entries.RemoveAll(e => e.Key is "nullable" || (!section.KeyNames.Contains(e.Key)));
        if (SchemaMapper.Text(parameter.Description) is { } description)
        {
            mapping.Entries.RemoveAll(e => e.Key == "description");
            mapping.AddText("description", description);
        }

        if (SchemaMapper.Example(parameter.Example) is { } example)
        {
            mapping.Entries.RemoveAll(e => e.Key == "example");
            mapping.AddText("example", example);
        }

        mapping.AddText("style", style);

        return SchemaMapper.Ordered(mapping, section).Simplest();
    }

    private static readonly char[] QueryOrFragment = { '?', '#' };

    private static readonly char[] LineBreaks = { '\r', '\n' };

    /// <summary>
    /// Reads the query or fragment a path carries into values the endpoint always sends; false
    /// (the operation skipped) when it cannot. Pairs that name no parameter of a fragment only
    /// told operations apart: they are left out, with a note.
    /// </summary>
    private static bool PathConstants(string tail, List<IOpenApiParameter> parameters, IReadOnlyCollection<string> apiHeaders, Dictionary<(ParameterLocation, string), string> constants, ImportNotes notes)
    {
        var inQuery = tail[0] == '?';
        var fragment = tail.IndexOf('#', StringComparison.Ordinal);
        var position = 1;
        foreach (var part in tail.Substring(1).Split('&', '#', '?'))
        {
            // What follows a '#' is the fragment, whatever came before it.
            inQuery &= fragment < 0 || position <= fragment;
            position += part.Length + 1;
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? null : Uri.UnescapeDataString(part.AsSpan(equals + 1));
            var declared = parameters.FirstOrDefault(p => p.Name == key && p.In is ParameterLocation.Query or ParameterLocation.Header);
            if (key.Length == 0 || (value is null && declared is not null) || (value is ['{', .., '}'] && declared?.In == ParameterLocation.Query))
            {
                continue;
            }

            if (value is ['{', .., '}'])
            {
                notes.Skip("a query in the path template");
                return false;
            }

            if (value is not null && declared?.In == ParameterLocation.Header && (!Names.IsFreeHeader(key) || apiHeaders.Contains(key, StringComparer.OrdinalIgnoreCase)))
            {
                notes.Fallback("a header SpecClient or the API file sets, left out", key);
                continue;
            }

            if (value is not null && (declared is not null || inQuery) && value.IndexOfAny(LineBreaks) < 0)
            {
                constants[(declared?.In ?? ParameterLocation.Query, key)] = value;
                continue;
            }

            if (inQuery)
            {
                notes.Skip("a query flag without a value in the path");
                return false;
            }

            notes.Fallback("a path fragment that names no parameter, left out", part);
        }

        return true;
    }

    /// <summary>The values the endpoint always sends in one place, each with its parameter's description.</summary>
    private static YamlMapping Constants(ParameterLocation place, List<IOpenApiParameter> parameters, Dictionary<(ParameterLocation, string), string> constants)
    {
        var mapping = new YamlMapping();
        foreach (var ((where, key), value) in constants.Where(c => c.Key.Item1 == place).OrderBy(c => c.Key.Item2, StringComparer.Ordinal))
        {
            var description = SchemaMapper.Text(parameters.FirstOrDefault(p => p.In == where && p.Name == key)?.Description);
            mapping.Add(key, new YamlMapping().AddText("description", description).AddText("value", value));
        }

        return mapping;
    }

    /// <summary>The path with what a URL path may not hold as it is percent-encoded, placeholders left alone.</summary>
    private static string PercentEncoded(string path)
    {
        var builder = new System.Text.StringBuilder(path.Length);
        var inPlaceholder = false;
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            var c = rune.IsBmp ? (char)rune.Value : '\0';
            inPlaceholder = c == '{' || (inPlaceholder && c != '}');
            if (inPlaceholder || c == '}' || (rune.IsAscii && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/%".Contains(c))))
            {
                builder.Append(rune.ToString());
                continue;
            }

            // Whole code points, so that an emoji's two UTF-16 halves make its four UTF-8 bytes.
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsDotNetRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

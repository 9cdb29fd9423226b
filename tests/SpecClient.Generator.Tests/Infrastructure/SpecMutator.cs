using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>
/// Makes a mutated copy of a spec, as editing by hand does: structured edits of the YAML tree
/// (drop, duplicate or retype keys, swap values, change scalar kinds, misspell keys and types),
/// and raw edits of bytes and lines, and truncation. The same seed gives the same mutation.
/// </summary>
internal static class SpecMutator
{
    private static readonly string[] Scalars =
    {
        string.Empty, "~", "null", "true", "false", "0", "-1", "1.5", "99999999999999999999", "string", "integer", "any", "object", "array", "enum",
        "strng", "Product", "Unknown", "GET", "FETCH", "/x/{y}", "{", "}", "[", "]", "*alias", "&anchor", "'", "\"", "#", ":", "- x", "|", ">",
        "\\d+", "[0-9", "(?x)a # b", "class", "default", "2fa", "a-b", "ünï", "\u2028", "\t", "*/ #error x", "</summary>",
        "map", "file", "none", "optional", "nullable", "brackets", "deepObject", "comma", "204", "202", "Optional",
    };

    private static readonly char[] Noise = "{}[]:#&*!|>'\"%@,-?\\\t\n\r \u0000\u2028\u00e9x0".ToCharArray();

    public static string Mutate(string text, Random random)
    {
        var edits = 1 + random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            text = random.Next(10) < 6 ? MutateTree(text, random) ?? MutateText(text, random) : MutateText(text, random);
        }

        return text;
    }

    private static string MutateText(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(7))
        {
            case 0 when lines.Count > 1:
                lines.RemoveAt(random.Next(lines.Count));
                return string.Join("\n", lines);
            case 1:
                var line = random.Next(lines.Count);
                lines.Insert(line, lines[line]);
                return string.Join("\n", lines);
            case 2 when lines.Count > 1:
                var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join("\n", lines);
            case 3:
                return text.Substring(0, random.Next(text.Length + 1));
            case 4 when text.Length > 0:
                var chars = text.ToCharArray();
                for (var n = 1 + random.Next(4); n > 0; n--)
                {
                    chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
                }

                return new string(chars);
            case 5:
                var at = random.Next(text.Length + 1);
                return string.Concat(text.AsSpan(0, at), new string(Enumerable.Range(0, 1 + random.Next(6)).Select(_ => Noise[random.Next(Noise.Length)]).ToArray()), text.AsSpan(at));
            default:
                var indent = random.Next(lines.Count);
                lines[indent] = random.Next(2) == 0 ? " " + lines[indent] : lines[indent].TrimStart();
                return string.Join("\n", lines);
        }
    }

    private static string? MutateTree(string text, Random random)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException)
        {
            // Not YAML any more (YamlDotNet throws other exceptions for some of it): edit it as text.
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return null;
        }

        var mappings = new List<YamlMappingNode>();
        var scalars = new List<YamlScalarNode>();
        Collect(root, mappings, scalars);
        var mapping = mappings[random.Next(mappings.Count)];
        var keys = mapping.Children.Keys.ToList();
        switch (random.Next(7))
        {
            case 0 when keys.Count > 0:
                mapping.Children.Remove(keys[random.Next(keys.Count)]);
                break;
            case 1 when keys.Count > 0:
                var key = keys[random.Next(keys.Count)];
                mapping.Children[key] = random.Next(3) switch
                {
                    0 => new YamlMappingNode(new YamlScalarNode("k"), new YamlScalarNode(Scalars[random.Next(Scalars.Length)])),
                    1 => new YamlSequenceNode(new YamlScalarNode(Scalars[random.Next(Scalars.Length)])),
                    _ => new YamlScalarNode(Scalars[random.Next(Scalars.Length)]),
                };
                break;
            case 2 when keys.Count > 0:
                // Misspell a key: drop, double or swap a character ("patern", "methdo").
                var old = keys[random.Next(keys.Count)];
                var value = mapping.Children[old];
                var name = ((YamlScalarNode)old).Value ?? string.Empty;
                mapping.Children.Remove(old);
                mapping.Children[new YamlScalarNode(Misspell(name, random))] = value;
                break;
            case 3 when scalars.Count > 1:
                var (a, b) = (scalars[random.Next(scalars.Count)], scalars[random.Next(scalars.Count)]);
                (a.Value, b.Value) = (b.Value, a.Value);
                break;
            case 4 when keys.Count > 0:
                // Duplicate a key under another spelling that becomes the same C# name.
                var original = (YamlScalarNode)keys[random.Next(keys.Count)];
                var twin = new YamlScalarNode((original.Value ?? "x").ToUpperInvariant());
                if (!mapping.Children.ContainsKey(twin))
                {
                    mapping.Children[twin] = mapping.Children[original];
                }

                break;
            default:
                if (scalars.Count > 0)
                {
                    scalars[random.Next(scalars.Count)].Value = Scalars[random.Next(Scalars.Length)];
                }

                break;
        }

        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static string Misspell(string name, Random random)
    {
        if (name.Length < 2)
        {
            return name + "x";
        }

        var i = random.Next(name.Length - 1);
        return random.Next(3) switch
        {
            0 => name.Remove(i, 1),
            1 => name.Insert(i, name[i].ToString()),
            _ => name.Substring(0, i) + name[i + 1] + name[i] + name.Substring(i + 2),
        };
    }

    private static void Collect(YamlNode node, List<YamlMappingNode> mappings, List<YamlScalarNode> scalars)
    {
        var pending = new Stack<YamlNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlMappingNode mapping:
                    mappings.Add(mapping);
                    foreach (var entry in mapping.Children)
                    {
                        pending.Push(entry.Value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        pending.Push(child);
                    }

                    break;
                case YamlScalarNode scalar:
                    scalars.Add(scalar);
                    break;
            }
        }
    }
}

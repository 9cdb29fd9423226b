using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// Reads YAML nodes of one spec file and turns every surprise (wrong kind, unknown key, missing key)
/// into a diagnostic at the node's position instead of an exception.
/// </summary>
internal sealed class YamlSpecReader
{
    private readonly string _filePath;
    private readonly ImmutableArray<DiagnosticInfo>.Builder _diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
    private int _visits;

    public YamlSpecReader(string filePath) => _filePath = filePath;

    public EquatableArray<DiagnosticInfo> Diagnostics => _diagnostics.ToEquatableArray();

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, _filePath, span, arguments));

    /// <summary>The node's span; for a collection, from its start to the end of its last entry.</summary>
    public static SourceSpan SpanOf(YamlNode node) => SpanOf(node.Start, EndOf(node));

    /// <summary>
    /// YamlDotNet ends a collection node where it starts, so the end comes from its last entry
    /// (iteratively: collections may nest deeply).
    /// </summary>
    private static Mark EndOf(YamlNode node)
    {
        var current = node;
        while (true)
        {
            YamlNode? last = current switch
            {
                YamlMappingNode { Children.Count: > 0 } mapping => mapping.Children.Last().Value,
                YamlSequenceNode { Children.Count: > 0 } sequence => sequence.Children[sequence.Children.Count - 1],
                _ => null,
            };
            if (last is null || ReferenceEquals(last, current) || last.End.Index < current.Start.Index)
            {
                return current.End;
            }

            current = last;
        }
    }

    public static SourceSpan SpanOf(Mark start, Mark end)
    {
        // YamlDotNet counts lines and columns from 1, Roslyn from 0. A point span (an event's
        // start) is widened to one character so that the editor has something to underline.
        var endMark = end.Index > start.Index ? end : new Mark(start.Index + 1, start.Line, start.Column + 1);
        return new SourceSpan(
            (int)start.Index,
            (int)endMark.Index,
            (int)Math.Max(0, start.Line - 1),
            (int)Math.Max(0, start.Column - 1),
            (int)Math.Max(0, endMark.Line - 1),
            (int)Math.Max(0, endMark.Column - 1));
    }

    /// <summary>Counts a node against <see cref="SpecLimits.MaxNodeVisits"/>; aliases make a shared node count again each time.</summary>
    private void Visit(YamlNode node)
    {
        if (++_visits > SpecLimits.MaxNodeVisits)
        {
            throw new SpecLimitException(node.Start, node.End, $"reading it visits more than {SpecLimits.MaxNodeVisits:N0} YAML nodes (are aliases nested in aliases?)");
        }
    }

    public YamlMappingNode? AsMapping(YamlNode node, string what)
    {
        Visit(node);
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Report(DiagnosticDescriptors.WrongValueKind, SpanOf(node), what, "a mapping (key: value lines)", Describe(node));
        return null;
    }

    public string? AsScalar(YamlNode node, string what)
    {
        Visit(node);
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Report(DiagnosticDescriptors.WrongValueKind, SpanOf(node), what, "a single value", Describe(node));
        return null;
    }

    /// <summary>Reports every key of <paramref name="mapping"/> that is not allowed, with a "did you mean" for near misses.</summary>
    public void CheckKeys(YamlMappingNode mapping, string section, params string[] allowed)
    {
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: { } key })
            {
                Report(DiagnosticDescriptors.WrongValueKind, SpanOf(entry.Key), section + ".<key>", "a plain name", Describe(entry.Key));
                continue;
            }

            if (Array.IndexOf(allowed, key) < 0)
            {
                var suggestion = Suggest(key, allowed);
                Report(
                    DiagnosticDescriptors.UnknownKey,
                    SpanOf(entry.Key),
                    key,
                    section,
                    DidYouMean(suggestion),
                    string.Join(", ", allowed));
            }
        }
    }

    public static YamlNode? Find(YamlMappingNode mapping, string key)
    {
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name } && name == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The span of a key of <paramref name="mapping"/>: where a diagnostic about its section belongs.</summary>
    public static SourceSpan KeySpan(YamlMappingNode mapping, string key)
    {
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name } && name == key)
            {
                return SpanOf(entry.Key);
            }
        }

        return SpanOf(mapping);
    }

    public string? OptionalScalar(YamlMappingNode mapping, string key, string section)
    {
        if (Find(mapping, key) is not { } node)
        {
            return null;
        }

        if (key is "description" or "summary" or "example" && node is not YamlScalarNode)
        {
            // Documentation only: the text is left out and the file still generates.
            Visit(node);
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongValueKind, _filePath, SpanOf(node), section + "." + key, "a single value", Describe(node)) with { KeepsModel = true });
            return null;
        }

        return AsScalar(node, section + "." + key);
    }

    /// <summary>Reads a required single value; reports SPEC003 at the mapping when it is absent.</summary>
    public string? RequiredScalar(YamlMappingNode mapping, string key, string section, string example, SourceSpan? reportAt = null)
    {
        if (Find(mapping, key) is not { } node)
        {
            Report(DiagnosticDescriptors.MissingKey, reportAt ?? SpanOf(mapping), section, key, example, "missing");
            return null;
        }

        var value = AsScalar(node, section + "." + key);
        if (value is { Length: 0 } || IsNull(node))
        {
            Report(DiagnosticDescriptors.MissingKey, SpanOf(node), section, key, example, value is { Length: 0 } ? "empty" : "null");
            return null;
        }

        return value;
    }

    /// <summary>YAML's null: an empty plain value, ~, or null in any of its spellings, unquoted.</summary>
    public static bool IsNull(YamlNode node)
        => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public bool? OptionalBoolean(YamlMappingNode mapping, string key, string section)
    {
        if (Find(mapping, key) is not { } node || AsScalar(node, section + "." + key) is not { } text)
        {
            return null;
        }

        switch (text)
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                Report(DiagnosticDescriptors.InvalidValue, SpanOf(node), text, section + "." + key, "Use true or false.");
                return null;
        }
    }

    /// <summary>The entries of a mapping whose keys are names chosen by the spec author (properties, parameters, types).</summary>
    public IEnumerable<(string Name, YamlScalarNode Key, YamlNode Value)> NamedEntries(YamlNode node, string section)
    {
        if (AsMapping(node, section) is not { } mapping)
        {
            yield break;
        }

        foreach (var entry in mapping.Children)
        {
            Visit(entry.Value);
            if (entry.Key is YamlScalarNode { Value: { Length: > 0 } name } key)
            {
                yield return (name, key, entry.Value);
            }
            else
            {
                Report(DiagnosticDescriptors.WrongValueKind, SpanOf(entry.Key), section + ".<name>", "a plain name", Describe(entry.Key));
            }
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "empty",
        YamlScalarNode scalar => "the value '" + scalar.Value + "'",
        _ => "an alias",
    };

    /// <summary>" Did you mean 'x'?", a sentence of its own after a message's first one; empty without a suggestion.</summary>
    public static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : " Did you mean '" + suggestion + "'?";

    /// <summary>
    /// The candidate nearest to <paramref name="word"/> (a typo: "patern", "methdo"), or one it is the
    /// start of ("str" for string, "bool" for boolean); null when none is near.
    /// </summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (bestDistance <= Math.Max(1, Math.Min(3, word.Length / 3)))
        {
            return best;
        }

        return word.Length >= 3
            ? candidates.Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static int Distance(string a, string b)
    {
        // Optimal string alignment: Levenshtein plus swaps of neighbours ("patern", "methdo").
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    public static bool IsEmptyDocument(YamlStream stream)
        => stream.Documents.Count == 0 || stream.Documents.All(d => d.RootNode is YamlScalarNode { Value: null or "" });
}

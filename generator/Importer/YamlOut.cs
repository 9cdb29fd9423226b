using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecClient.Importer;

/// <summary>A YAML value the importer writes: text, a number or boolean written as it is, a list of scalars, or a mapping.</summary>
internal abstract record YamlOut
{
    public static YamlOut Text(string text) => new YamlScalar(text, Raw: false);

    public static YamlOut Bool(bool value) => new YamlScalar(value ? "true" : "false", Raw: true);

    public static YamlOut Number(long value) => new YamlScalar(value.ToString(CultureInfo.InvariantCulture), Raw: true);
}

internal sealed record YamlScalar(string Value, bool Raw) : YamlOut;

internal sealed record YamlSequence(IReadOnlyList<string> Items) : YamlOut;

/// <summary>A mapping whose entries keep the order they were added in; each may carry a comment above it.</summary>
internal sealed record YamlMapping : YamlOut
{
    public List<(string Key, YamlOut Value, string? Comment)> Entries { get; } = new();

    public YamlMapping Add(string key, YamlOut? value, string? comment = null)
    {
        if (value is not null)
        {
            Entries.Add((key, value, comment));
        }

        return this;
    }

    public YamlMapping AddText(string key, string? text, string? comment = null) => Add(key, text is null ? null : Text(text), comment);

    public bool IsEmpty => Entries.Count == 0;

    /// <summary>A copy with the entries that <paramref name="keep"/> keeps.</summary>
    public YamlMapping Where(Func<(string Key, YamlOut Value, string? Comment), bool> keep)
    {
        var copy = new YamlMapping();
        copy.Entries.AddRange(Entries.Where(keep));
        return copy;
    }

    /// <summary>The type name alone when the mapping says nothing else ("id: string" reads best), else the mapping.</summary>
    public YamlOut Simplest() => Entries.Count == 1 && Entries[0].Key == "type" ? Entries[0].Value : this;
}

/// <summary>
/// Writes YAML as a person would: block mappings, short leaf mappings and lists on one line in flow
/// style, multi-line text as a literal block, and every scalar quoted only when YAML would
/// otherwise read it as something else.
/// </summary>
internal static class YamlWriter
{
    private const int FlowWidth = 100;

    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";
    private static readonly Regex NotText = new(@"^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|nan))$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static string Write(YamlMapping document, string? header = null)
    {
        var builder = new StringBuilder();
        foreach (var line in header is null ? System.Array.Empty<string>() : CommentText(header).Split('\n'))
        {
            builder.Append("# ").Append(line).Append('\n');
        }

        WriteEntries(builder, document, 0, topLevel: true);
        return builder.ToString();
    }

    private static void WriteEntries(StringBuilder builder, YamlMapping mapping, int indent, bool topLevel)
    {
        var first = true;
        foreach (var (key, value, comment) in mapping.Entries)
        {
            // Top-level sections stand apart, as in hand-written specs.
            if (topLevel && !first)
            {
                builder.Append('\n');
            }

            first = false;
            var pad = new string(' ', indent);
            foreach (var line in comment is null ? System.Array.Empty<string>() : CommentText(comment).Split('\n'))
            {
                builder.Append(pad).Append("# ").Append(line.TrimEnd()).Append('\n');
            }

            builder.Append(pad).Append(Key(key)).Append(':');
            WriteValue(builder, value, indent, pad.Length + Key(key).Length + 2, allowFlow: !topLevel);
        }
    }

    private static void WriteValue(StringBuilder builder, YamlOut value, int indent, int column, bool allowFlow)
    {
        switch (value)
        {
            case YamlScalar { Raw: false } text when text.Value.Contains('\n') && IsBlockText(text.Value):
                builder.Append(" |-\n");
                foreach (var line in text.Value.Split('\n'))
                {
                    builder.Append(line.Length == 0 ? string.Empty : new string(' ', indent + 2) + line).Append('\n');
                }

                break;
            case YamlScalar scalar:
                builder.Append(' ').Append(Scalar(scalar, flow: false)).Append('\n');
                break;
            case YamlSequence sequence:
                builder.Append(' ').Append(Flow(sequence)).Append('\n');
                break;
            case YamlMapping { IsEmpty: true }:
                builder.Append(" {}\n");
                break;
            case YamlMapping mapping when allowFlow && Flow(mapping) is { } flow && column + flow.Length <= FlowWidth && mapping.Entries.All(e => e.Comment is null):
                builder.Append(' ').Append(flow).Append('\n');
                break;
            case YamlMapping mapping:
                builder.Append('\n');
                WriteEntries(builder, mapping, indent + 2, topLevel: false);
                break;
        }
    }

    /// <summary>The mapping on one line, or null when it holds what one line cannot (nested mappings, multi-line text).</summary>
    private static string? Flow(YamlMapping mapping)
    {
        var parts = new List<string>();
        foreach (var (key, value, _) in mapping.Entries)
        {
            string? text = value switch
            {
                YamlScalar scalar when !scalar.Value.Contains('\n') => Scalar(scalar, flow: true),
                YamlSequence sequence => Flow(sequence),
                _ => null,
            };
            if (text is null)
            {
                return null;
            }

            parts.Add(Key(key) + ": " + text);
        }

        return "{ " + string.Join(", ", parts) + " }";
    }

    private static string Flow(YamlSequence sequence) => "[" + string.Join(", ", sequence.Items.Select(FlowItem)) + "]";

    /// <summary>An item in a flow list: commas and brackets need quotes there too.</summary>
    private static string FlowItem(string item) => IsPlain(item, flow: true) ? item : Quote(item);

    /// <summary>A key: keys are always read as text, so a status code stays plain.</summary>
    private static string Key(string key) => IsPlain(key, flow: true) || (key.Length is > 0 and < 10 && key.All(char.IsAsciiDigit)) ? key : Quote(key);

    private static string Scalar(YamlScalar scalar, bool flow) => scalar.Raw || IsPlain(scalar.Value, flow) ? scalar.Value : Quote(scalar.Value);

    /// <summary>
    /// Whether YAML reads the text back unchanged without quotes: no indicator first, no ": " or
    /// " #" inside, nothing YAML would read as null, a boolean or a number, and in flow style
    /// (inside braces or brackets) no commas or brackets.
    /// </summary>
    private static bool IsPlain(string text, bool flow)
        => text.Length > 0 && text.Trim() == text && Indicators.IndexOf(text[0]) < 0
            && text.All(IsPrintable) && !text.Contains(": ") && !text.Contains(" #") && !text.EndsWith(':')
            && !NotText.IsMatch(text) && !(flow && text.IndexOfAny(FlowIndicators) >= 0);

    private static readonly char[] FlowIndicators = { ',', '[', ']', '{', '}' };

    /// <summary>Single quotes where they suffice, else double quotes with escapes (control characters, line breaks).</summary>
    private static string Quote(string text)
    {
        if (text.All(IsPrintable))
        {
            return "'" + text.Replace("'", "''") + "'";
        }

        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when !IsPrintable(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Whether a character stands for itself in any YAML scalar: not a control character, not one of
    /// the line breaks YAML knows beyond \n (NEL, LS, PS), not a byte-order mark or noncharacter.
    /// </summary>
    private static bool IsPrintable(char c)
        => c >= ' ' && !(c >= '\u007f' && c <= '\u009f') && c is not ('\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff');

    /// <summary>Text safe on a comment line: what would end the line or the comment becomes a space.</summary>
    public static string CommentText(string text) => new(text.Select(c => c == '\n' || IsPrintable(c) ? c : ' ').ToArray());

    /// <summary>Whether multi-line text reads back unchanged from a literal block: no trailing blanks, no control characters, no leading blank line.</summary>
    private static bool IsBlockText(string text)
        => text.All(c => c == '\n' || IsPrintable(c)) && text.Split('\n').All(line => line.TrimEnd() == line)
            && !text.StartsWith(' ') && !text.StartsWith('\n') && !text.EndsWith('\n');
}

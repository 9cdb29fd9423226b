using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;

namespace SpecClient.Generator.Emitting;

/// <summary>
/// The only way spec text enters generated code: as an escaped string literal, or as escaped XML
/// doc text split on every character C# treats as a line break, so no text can end a comment or a literal.
/// </summary>
internal static class CSharpText
{
    /// <summary>A regular C# string literal, quotes included.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (NeedsUnicodeEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>True when <paramref name="text"/> would leave nothing visible in a doc comment.</summary>
    public static bool IsBlank(string? text) => text is null || XmlLines(text).All(line => line.Trim().Length == 0);

    /// <summary>A UTF-8 literal ("name"u8) for JSON property names.</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    /// <summary>Spec text as lines of XML doc content: markup escaped, control characters dropped.</summary>
    public static string[] XmlLines(string text)
    {
        // Most descriptions are one plain line: no copy beyond the trim.
        if (IsPlainLine(text))
        {
            return new[] { text.TrimEnd() };
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsLineBreak(c))
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                continue;
            }

            switch (c)
            {
                case '&': line.Append("&amp;"); break;
                case '<': line.Append("&lt;"); break;
                case '>': line.Append("&gt;"); break;
                default:
                    // Control characters, lone surrogates and format characters (bidi overrides
                    // could make a comment display other than it reads) become spaces.
                    if (char.IsControl(c) || (char.IsSurrogate(c) && !IsValidSurrogatePair(text, i)) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                    {
                        line.Append(' ');
                    }
                    else
                    {
                        line.Append(c);
                        if (char.IsHighSurrogate(c))
                        {
                            line.Append(text[++i]);
                        }
                    }

                    break;
            }
        }

        lines.Add(line.ToString().TrimEnd());
        while (lines.Count > 1 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.ToArray();
    }

    /// <summary>Text on one line, for a // comment or a message literal: line breaks and control or format characters become spaces.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(IsLineBreak(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    private static bool IsPlainLine(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' || c < ' ' || c >= '\u007F')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static bool NeedsUnicodeEscape(char c)
        => char.IsControl(c) || char.IsSurrogate(c) || IsLineBreak(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format;

    private static bool IsValidSurrogatePair(string text, int index)
        => char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
}

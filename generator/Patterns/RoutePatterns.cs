using System.Text;

namespace SpecClient.Generator.Patterns;

/// <summary>
/// How a documented route pattern becomes the regex that validates whole values. The parser checks
/// the anchored form (so a pattern that only breaks once anchored is still a SPEC007), the emitter writes it.
/// </summary>
internal static class RoutePatterns
{
    private const string HexDigit = "H";

    /// <summary>
    /// Anchors the pattern with \A(?:...)\z (no match on a prefix, no trailing newline) and limits
    /// \d to ASCII digits, since .NET's \d matches every Unicode decimal digit.
    /// </summary>
    public static string Anchor(string pattern) => @"\A(?:" + AsciiDigits(pattern) + @")\z";

    /// <summary>Whether the whole value matches the anchored pattern; null when matching does not end within a second.</summary>
    public static bool? Matches(string pattern, string value)
    {
        try
        {
            return System.Text.RegularExpressions.Regex.IsMatch(value, Anchor(pattern), System.Text.RegularExpressions.RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>True for the documented UUID pattern: a Guid formatted "D" always matches it.</summary>
    public static bool IsUuid(string pattern)
    {
        var normalized = pattern
            .Replace("[0-9A-Fa-f]", HexDigit)
            .Replace("[0-9a-fA-F]", HexDigit)
            .Replace("[A-Fa-f0-9]", HexDigit)
            .Replace("[a-fA-F0-9]", HexDigit)
            .Replace("[0-9a-f]", HexDigit)
            .Replace("[a-f0-9]", HexDigit);
        return normalized == "H{8}-H{4}-H{4}-H{4}-H{12}";
    }

    /// <summary>True for a pattern of one or more ASCII digits: any non-negative integer matches it.</summary>
    public static bool IsDigits(string pattern) => pattern is @"\d+" or "[0-9]+";

    private static string AsciiDigits(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next == 'd')
                {
                    builder.Append(inClass ? "0-9" : "[0-9]");
                }
                else if (next == 'D' && !inClass)
                {
                    builder.Append("[^0-9]");
                }
                else
                {
                    builder.Append('\\').Append(next);
                }

                continue;
            }

            // A comment (?#...) is copied as it is: a '[' or '\d' in it is text, not regex.
            if (c == '(' && !inClass && string.CompareOrdinal(pattern, i, "(?#", 0, 3) == 0)
            {
                var end = pattern.IndexOf(')', i);
                end = end < 0 ? pattern.Length - 1 : end;
                builder.Append(pattern, i, end - i + 1);
                i = end;
                continue;
            }

            if (c == '[' && !inClass)
            {
                inClass = true;
                builder.Append(c);

                // A ']' right after '[' or '[^' is a literal, not the end of the class.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    builder.Append(pattern[++i]);
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    builder.Append(pattern[++i]);
                }

                continue;
            }

            if (c == ']' && inClass)
            {
                inClass = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

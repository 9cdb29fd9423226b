using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecClient.Generator.Naming;

/// <summary>Turns names from a spec (wire names, group names) into valid, stable C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>"impacted_rows" → "ImpactedRows", "o:errorPath" → "OErrorPath", "2fa" → "_2fa", "+1" → "Plus1".</summary>
    public static string ToPascalCase(string name) => ToPascalCase(name, capitalizeWords: false);

    /// <summary>
    /// For values written in capitals, as enums often are: a word in capitals is capitalized,
    /// "DATE_FORMAT" → "DateFormat", "ISO-8859-1" → "Iso88591"; other words as ToPascalCase.
    /// </summary>
    public static string ToPascalCaseWords(string name) => ToPascalCase(name, capitalizeWords: true);

    private static string ToPascalCase(string name, bool capitalizeWords)
    {
        var builder = new StringBuilder(name.Length);

        // A sign before a number is a word of its own: GitHub's "+1" and "-1" reactions must not both be "_1".
        if (name.Length > 1 && name[0] is '+' or '-' && char.IsDigit(name[1]))
        {
            builder.Append(name[0] == '+' ? "Plus" : "Minus");
        }

        var wordStart = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && IsIdentifierPart(name[i]))
            {
                wordStart = wordStart < 0 ? i : wordStart;
                continue;
            }

            if (wordStart >= 0)
            {
                // A lower-to-upper change already marks a word boundary ("userId" → "UserId").
                var word = name.Substring(wordStart, i - wordStart);
                var rest = word.Substring(1);
                builder.Append(char.ToUpperInvariant(word[0])).Append(capitalizeWords && IsCapitals(word) ? rest.ToLowerInvariant() : rest);
                wordStart = -1;
            }
        }

        return Finish(builder);
    }

    /// <summary>Whether the word has letters and all of them are capitals: "ISO", "X2", not "Iso" or "2".</summary>
    private static bool IsCapitals(string word)
    {
        var hasLetter = false;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                hasLetter = true;
            }
        }

        return hasLetter;
    }

    /// <summary>
    /// "submission_id" → "submissionId", "CCOrganization" → "ccOrganization", "URL" → "url": a leading
    /// run of capitals is lowered but for the one that starts the next word. C# keywords get an '@'.
    /// </summary>
    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name);
        if (pascal[0] == '_')
        {
            return EscapeKeyword(pascal);
        }

        var chars = pascal.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            if (i > 0 && i + 1 < chars.Length && char.IsLower(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return EscapeKeyword(new string(chars));
    }

    public static string EscapeKeyword(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier
            : identifier;

    /// <summary>A cheap English singular for naming array items: "violations" → "Violation".</summary>
    public static string Singular(string pascalName)
    {
        if (pascalName.EndsWith("ies", System.StringComparison.Ordinal) && pascalName.Length > 3)
        {
            return pascalName.Substring(0, pascalName.Length - 3) + "y";
        }

        if (pascalName.EndsWith("s", System.StringComparison.Ordinal)
            && !pascalName.EndsWith("ss", System.StringComparison.Ordinal)
            && !pascalName.EndsWith("us", System.StringComparison.Ordinal)
            && pascalName.Length > 1)
        {
            return pascalName.Substring(0, pascalName.Length - 1);
        }

        return pascalName + "Item";
    }

    private static string Finish(StringBuilder builder)
    {
        if (builder.Length == 0)
        {
            return "_";
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private static bool IsIdentifierPart(char c)
        => SyntaxFacts.IsIdentifierPartCharacter(c)
            && CharUnicodeInfo.GetUnicodeCategory(c) is not UnicodeCategory.Format and not UnicodeCategory.ConnectorPunctuation;
}

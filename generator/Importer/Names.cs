using System.Collections.Generic;
using System.Linq;
using System.Text;
using SpecClient.Generator.Naming;

namespace SpecClient.Importer;

/// <summary>Names for what the document names loosely: groups from tags, endpoints from operationIds, files in kebab case.</summary>
internal static class Names
{
    /// <summary>A PascalCase name the spec format takes as a group, endpoint or type name: "pet store" → "PetStore".</summary>
    public static string Pascal(string text, string fallback)
    {
        var name = Identifiers.ToPascalCase(text).TrimStart('_');
        return name.Length == 0 || !char.IsLetter(name[0]) ? fallback + name : name;
    }

    /// <summary>"PetStore" → "pet-store", for file and folder names.</summary>
    public static string Kebab(string pascal)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// An endpoint name without the group it is in, since callers write the group first
    /// (<c>client.Pets.ListAsync</c>): "listPets" in Pets → "List", "deleteCollection" in Collections →
    /// "Delete"; a name that would be left empty or start with a digit keeps its words.
    /// </summary>
    public static string Endpoint(string? operationId, string group, string method, string path)
    {
        if (operationId is null)
        {
            return Pascal(method.ToLowerInvariant() + " " + string.Join(" ", path.Split('/').Select(s => s.Trim('{', '}'))), "Call");
        }

        var name = Pascal(operationId, "Call");
        var singular = group.EndsWith('s') ? group.Substring(0, group.Length - 1) : group;
        foreach (var words in new[] { group, singular }.Where(w => w.Length > 0))
        {
            var at = WordStart(name, words);
            if (at >= 0 && name.Length > words.Length && char.IsLetter(name[at == 0 ? words.Length : 0]))
            {
                return name.Remove(at, words.Length);
            }
        }

        return name;
    }

    /// <summary>Where the words start in the PascalCase name as whole words, or -1.</summary>
    private static int WordStart(string name, string words)
    {
        for (var at = name.IndexOf(words, System.StringComparison.Ordinal); at >= 0; at = name.IndexOf(words, at + 1, System.StringComparison.Ordinal))
        {
            var end = at + words.Length;
            if (end == name.Length || char.IsUpper(name[end]) || char.IsDigit(name[end]))
            {
                return at;
            }
        }

        return -1;
    }

    private static readonly string[] ReservedHeaders = { "Authorization", "Accept", "Host", "User-Agent", "Content-Length", "Content-Type" };

    /// <summary>Whether the API file may declare the header: SpecClient or HttpClient sets these, and Content-* belong to bodies.</summary>
    public static bool IsFreeHeader(string name)
        => !ReservedHeaders.Contains(name, System.StringComparer.OrdinalIgnoreCase) && !name.StartsWith("Content-", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>The name, or the name with the lowest number that no other has yet.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var unique = name;
        for (var i = 2; !taken.Add(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }
}

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

    /// <summary>An endpoint name without the group it is in: "listPets" in Pets → "List"; "getPetById" → "GetPetById".</summary>
    public static string Endpoint(string? operationId, string group, string method, string path)
    {
        var name = operationId is null
            ? Pascal(method.ToLowerInvariant() + " " + string.Join(" ", path.Split('/').Select(s => s.Trim('{', '}'))), "Call")
            : Pascal(operationId, "Call");
        return name;
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

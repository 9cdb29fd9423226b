using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SpecClient.Generator.Format;

namespace SpecClient.Importer;

/// <summary>
/// Writes an import's spec files (the API file, shared-types parts when it would be too large, one
/// file per endpoint), removes what an earlier import wrote that this one does not, and reads
/// them back with the generator's parser.
/// </summary>
internal static class SpecFiles
{
    /// <summary>Reads every written file back with the generator's own parser: the importer must write only what it reads.</summary>
    public static List<string> SelfCheck(string output, IEnumerable<string> files)
    {
        var refused = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(output, file).Replace('\\', '/');
            var parsed = SpecClient.Generator.Parsing.SpecParser.Parse(file, relative, File.ReadAllText(file));
            refused.AddRange(parsed.Diagnostics.Select(d => relative + ": " + d.Id + " " + string.Join(", ", d.Arguments)));
        }

        return refused;
    }

    private const int MaxFileCharacters = 512 * 1024;

    /// <summary>Moves the API file's types, but the error body's, into shared-types files; returns their paths.</summary>
    private static List<string> WriteSharedTypes(string output, string name, YamlMapping types, YamlMapping api)
    {
        var errorBody = (api.Entries.FirstOrDefault(e => e.Key == "errors").Value as YamlMapping)?.Entries.FirstOrDefault(e => e.Key == "body").Value is YamlScalar body ? body.Value : null;
        var chunks = new List<YamlMapping> { new() };
        var size = 0;
        foreach (var entry in types.Entries.Where(e => e.Key != errorBody).ToList())
        {
            var entrySize = YamlWriter.Write(new YamlMapping().Add(entry.Key, entry.Value)).Length;
            if (size + entrySize > MaxFileCharacters / 2 && !chunks[^1].IsEmpty)
            {
                chunks.Add(new YamlMapping());
                size = 0;
            }

            chunks[^1].Entries.Add(entry);
            types.Entries.Remove(entry);
            size += entrySize;
        }

        if (types.IsEmpty)
        {
            api.Entries.RemoveAll(e => e.Key == "types");
        }

        var paths = new List<string>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var path = Path.Combine(output, Names.Kebab(name) + "-types-" + (i + 1).ToString(CultureInfo.InvariantCulture) + ".spec.yaml");
            var shared = new YamlMapping().Add("shared", new YamlMapping().AddText("api", name)).Add("types", chunks[i]);
            File.WriteAllText(path, YamlWriter.Write(shared, Marker + "types of the " + name + " API (part " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + chunks.Count.ToString(CultureInfo.InvariantCulture) + "): the API file would pass the 1 MiB a spec may hold."));
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The first words of every file the importer writes, by which a later import knows its own files.</summary>
    private const string Marker = "dotnet specclient import: ";

    public static List<string> Write(string output, string name, YamlMapping api, IReadOnlyList<ImportedEndpoint> endpoints, string source, ImportNotes typeNotes)
    {
        var written = new List<string>();
        Directory.CreateDirectory(output);

        // Files an earlier import wrote that this one does not (an operation removed or renamed, fewer
        // shared-types parts) would declare what no longer exists: they go. Other files stay.
        var earlier = Directory.GetFiles(output, "*.spec.yaml", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).FirstOrDefault()?.StartsWith("# " + Marker, StringComparison.Ordinal) == true)
            .ToList();
        var skipped = endpoints.Where(e => e.Spec is null).Select(e => e.Method + " " + e.Path + ": " + e.Notes.SkipReason).ToList();
        var header = Marker + "the " + name + " API, from " + Path.GetFileName(source) + "."
            + (typeNotes.Fallbacks.Count == 0 ? string.Empty : "\nFallbacks: " + string.Join("; ", typeNotes.Fallbacks) + ".")
            + (skipped.Count == 0 ? string.Empty : "\nOperations not imported (the format cannot express them yet):\n" + string.Join("\n", skipped.Select(s => "  " + s)));
        var apiFile = Path.Combine(output, Names.Kebab(name) + ".spec.yaml");
        var apiText = YamlWriter.Write(SchemaMapper.Ordered(api, SpecFormat.ApiFile), header);
        if (apiText.Length > MaxFileCharacters && api.Entries.FirstOrDefault(e => e.Key == "types").Value is YamlMapping types)
        {
            // A spec may hold 1 MiB: the types go to shared-types files of a few hundred KB each.
            written.AddRange(WriteSharedTypes(output, name, types, api));
            apiText = YamlWriter.Write(SchemaMapper.Ordered(api, SpecFormat.ApiFile), header);
        }

        File.WriteAllText(apiFile, apiText);
        written.Add(apiFile);
        foreach (var endpoint in endpoints.Where(e => e.Spec is not null))
        {
            var path = Path.Combine(output, endpoint.FilePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var comment = Marker + endpoint.Method + " " + endpoint.Path + (endpoint.Notes.Fallbacks.Count == 0 ? string.Empty : "\nFallbacks: " + string.Join("; ", endpoint.Notes.Fallbacks) + ".");
            File.WriteAllText(path, YamlWriter.Write(endpoint.Spec!, comment));
            written.Add(path);
        }

        foreach (var stale in earlier.Except(written, StringComparer.Ordinal))
        {
            File.Delete(stale);
        }

        return written;
    }
}

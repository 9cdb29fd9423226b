using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using SpecClient.Generator.Emitting;
using SpecClient.Generator.Model;
using SpecClient.Generator.Naming;

namespace SpecClient.Generator.Binding;

/// <summary>A spec file as the claim on generated file names sees it.</summary>
internal readonly record struct SpecOutputs(string Path, string RelativePath, bool IsApi);

/// <summary>A generated file that cannot take the name its spec's path gives: another file claimed it first.</summary>
/// <param name="Path">The spec that generates it.</param>
/// <param name="Wanted">The name its path gives.</param>
/// <param name="Given">The name it gets instead: the wanted one with a hash of the spec's path.</param>
/// <param name="ClaimedBy">The spec (or SpecClient's own file) that has the wanted name.</param>
internal sealed record HintNameClash(string Path, string Wanted, string Given, string ClaimedBy);

/// <summary>
/// Generated file names, unique by construction. The compiler compares them ignoring case and
/// refuses a second file of one name, which would drop every generated file; so the names are
/// claimed in one deterministic order (SpecClient's own files, then specs by relative path, then
/// test fakes), and a later file that would repeat a name gets the name with a stable hash of its
/// path. Usually nothing clashes and the table is empty, so that it stays cached.
/// </summary>
internal sealed record HintNameTable(EquatableArray<HintNameClash> Clashes)
{
    private const string Extension = ".g.cs";

    public static HintNameTable Claim(ImmutableArray<SpecOutputs> files)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [PolyfillEmitter.HintName] = "SpecClient's polyfills" };
        var clashes = ImmutableArray.CreateBuilder<HintNameClash>();
        var ordered = files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        var wanted = ordered.Select(f => (File: f, Name: MemberNames.HintName(f.RelativePath))).ToList();
        foreach (var (file, name) in wanted)
        {
            Take(file, name);
        }

        foreach (var (file, name) in wanted.Where(w => w.File.IsApi))
        {
            Take(file, Fakes(name));
        }

        return new HintNameTable(clashes.ToEquatableArray());

        void Take(SpecOutputs file, string name)
        {
            if (taken.TryGetValue(name, out var owner))
            {
                var stem = name.Substring(0, name.Length - Extension.Length) + "." + Hash(file.RelativePath);
                var given = stem + Extension;
                for (var i = 2; taken.ContainsKey(given); i++)
                {
                    given = stem + "-" + i.ToString(CultureInfo.InvariantCulture) + Extension;
                }

                clashes.Add(new HintNameClash(file.Path, name, given, owner));
                name = given;
            }

            taken[name] = file.RelativePath;
        }
    }

    /// <summary>The name of an API's test fake, beside the API's own file.</summary>
    public static string Fakes(string apiHintName) => apiHintName.Substring(0, apiHintName.Length - Extension.Length) + ".Fakes" + Extension;

    /// <summary>The clash of the file <paramref name="wanted"/> that <paramref name="path"/> generates, or null when it keeps its name.</summary>
    public HintNameClash? Find(string path, string wanted)
    {
        foreach (var clash in Clashes)
        {
            if (clash.Path == path && clash.Wanted == wanted)
            {
                return clash;
            }
        }

        return null;
    }

    /// <summary>FNV-1a over the path's characters: the same on every machine and every run.</summary>
    private static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}

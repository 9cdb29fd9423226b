using System;
using System.IO;

namespace SpecClient.Generator;

/// <summary>Which additional files are specs, and the stable relative path each generated file names.</summary>
internal static class SpecPaths
{
    public const string Suffix = ".spec.yaml";
    public const string ShortSuffix = ".spec.yml";

    /// <summary>A cheap test on the path alone, so that other additional files are never read.</summary>
    public static bool IsSpec(string path)
        => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) || path.EndsWith(ShortSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The path relative to the project directory, with '/' separators and no leading "../" segments.</summary>
    public static string Relative(string path, string? projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (projectDirectory is { Length: > 0 })
        {
            var root = projectDirectory.Replace('\\', '/').TrimEnd('/') + "/";
            normalized = MakeRelative(normalized, root);
        }

        while (normalized.StartsWith("../", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(3);
        }

        return normalized.TrimStart('/');
    }

    private static string MakeRelative(string path, string root)
    {
        if (path.StartsWith(root, StringComparison.Ordinal))
        {
            return path.Substring(root.Length);
        }

        try
        {
            var relative = new Uri("file:///" + root.TrimStart('/')).MakeRelativeUri(new Uri("file:///" + path.TrimStart('/')));
            return Uri.UnescapeDataString(relative.OriginalString);
        }
        catch (UriFormatException)
        {
            return Path.GetFileName(path);
        }
    }
}

using System;

namespace SpecClient.Runtime;

/// <summary>Escapes route values so that each arrives at the server intact, as one path segment.</summary>
public static class UriPath
{
    /// <summary>
    /// Percent-encodes <paramref name="value"/> for a path segment. "/" and "%" are encoded, and a
    /// value of "." or ".." has its dots encoded too, so that no URI normalisation removes it.
    /// </summary>
    public static string EscapeSegment(string value)
    {
        return value switch
        {
            "." => "%2E",
            ".." => "%2E%2E",
            null => throw new ArgumentNullException(nameof(value)),
            _ => Uri.EscapeDataString(value),
        };
    }
}

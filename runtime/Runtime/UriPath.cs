using System;

namespace SpecClient.Runtime;

/// <summary>Escapes route values so that each arrives at the server intact, as one path segment.</summary>
public static class UriPath
{
    /// <summary>
    /// Percent-encodes <paramref name="value"/> for a path segment: "/" and "%" are encoded too.
    /// A value of "." or ".." has its dots encoded as well, so that it is not read as a relative
    /// segment; where the target framework cannot keep a URI from undoing that (netstandard2.0),
    /// such a value is refused rather than sent to the wrong path.
    /// </summary>
    public static string EscapeSegment(string value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value)),
#if NET8_0_OR_GREATER
        "." => "%2E",
        ".." => "%2E%2E",
#else
        "." or ".." => throw new ArgumentException($"The route value \"{value}\" cannot be sent intact on this target framework: System.Uri would remove it from the path.", nameof(value)),
#endif
        _ => Uri.EscapeDataString(value),
    };
}

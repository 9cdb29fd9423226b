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
        "" => throw EmptySegment(nameof(value)),
#if NET8_0_OR_GREATER
        "." => "%2E",
        ".." => "%2E%2E",
#else
        "." or ".." => throw new ArgumentException($"The route value \"{value}\" cannot be sent intact on this target framework: System.Uri would remove it from the path.", nameof(value)),
#endif
        _ => Uri.EscapeDataString(value),
    };

    /// <summary>Checks a route value before anything is sent: not null, and not empty, which would send "/orders/" to the collection.</summary>
    /// <param name="value">The route value.</param>
    /// <param name="parameterName">The C# parameter, for the exception.</param>
    public static void CheckSegment(string value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (value.Length == 0)
        {
            throw EmptySegment(parameterName);
        }
    }

    internal static ArgumentException EmptySegment(string parameterName)
        => new($"The route parameter '{parameterName}' is empty: the request would reach the parent path instead. The request was not sent.", parameterName);

    /// <summary>A value for an exception message: quoted, control characters escaped (a CR/LF cannot forge log lines), long ones cut.</summary>
    internal static string Quote(string value)
    {
        const int Shown = 200;
        var builder = new System.Text.StringBuilder(Math.Min(value.Length, Shown) + 2).Append('"');
        for (var i = 0; i < value.Length && i < Shown; i++)
        {
            var c = value[i];
            _ = c switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append(value.Length > Shown ? "\"... (" + value.Length + " characters)" : "\"").ToString();
    }
}

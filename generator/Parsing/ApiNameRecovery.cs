using System;
using System.Text.RegularExpressions;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// The name an API file that could not be read means to declare, read from its text. Endpoints of
/// that API then learn that their API file is broken (SPEC015) rather than that none exists (SPEC010).
/// </summary>
internal static class ApiNameRecovery
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    // "api: { name: Shop, ..." on one line.
    private static readonly Regex FlowStyle = new(@"^api:[ \t]*\{[^}\n]*?\bname:[ \t]*[""']?(?<name>[A-Za-z_][\w.-]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant, Timeout);

    // "api:" alone, then an indented "name: Shop" before the next top-level key.
    private static readonly Regex BlockStyle = new(@"^api:[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]+[^\n]*\r?\n|[ \t]*\r?\n)*?[ \t]+name:[ \t]*[""']?(?<name>[A-Za-z_][\w.-]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant, Timeout);

    /// <summary>The API name the text declares, or null when it does not look like an API file.</summary>
    public static string? Recover(string text)
    {
        try
        {
            var match = FlowStyle.Match(text);
            if (!match.Success)
            {
                match = BlockStyle.Match(text);
            }

            return match.Success ? match.Groups["name"].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecClient.Generator.Binding;

/// <summary>The few facts about the consuming compilation that generation depends on, as comparable data.</summary>
internal sealed record CompilationFacts(int LanguageVersion, bool NeedsIsExternalInit, bool NeedsRequiredMember, bool NeedsCompilerFeatureRequired, bool NeedsSetsRequiredMembers)
{
    /// <summary>C# 11: required members and UTF-8 string literals.</summary>
    public const int MinimumLanguageVersion = 1100;

    public bool CanGenerate => LanguageVersion >= MinimumLanguageVersion;

    /// <summary>The facts, with the language version taken from the parse options (a compilation without trees has none of its own).</summary>
    public static CompilationFacts From(Compilation compilation, ParseOptions parseOptions)
    {
        var version = parseOptions is CSharpParseOptions csharp ? (int)csharp.LanguageVersion : 0;
        return new CompilationFacts(
            version,
            IsMissing(compilation, "System.Runtime.CompilerServices.IsExternalInit"),
            IsMissing(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute"),
            IsMissing(compilation, "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute"),
            IsMissing(compilation, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"));
    }

    private static bool IsMissing(Compilation compilation, string metadataName)
        => compilation.GetTypeByMetadataName(metadataName) is not { } type || !compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);

    public static string DisplayVersion(int version) => version switch
    {
        < 1000 => (version / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + (version % 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => (version / 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

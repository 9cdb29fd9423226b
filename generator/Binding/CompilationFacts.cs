using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecClient.Generator.Binding;

/// <summary>The few facts about the consuming compilation that generation depends on, as comparable data.</summary>
/// <param name="LanguageVersion">The C# version, as Roslyn numbers it (1100 for C# 11).</param>
/// <param name="NeedsIsExternalInit">The target lacks IsExternalInit (init accessors).</param>
/// <param name="NeedsRequiredMember">The target lacks RequiredMemberAttribute.</param>
/// <param name="NeedsCompilerFeatureRequired">The target lacks CompilerFeatureRequiredAttribute.</param>
/// <param name="NeedsSetsRequiredMembers">The target lacks SetsRequiredMembersAttribute.</param>
/// <param name="HasHttpClientFactory">The project references Microsoft.Extensions.Http: the DI registration is emitted.</param>
internal sealed record CompilationFacts(int LanguageVersion, bool NeedsIsExternalInit, bool NeedsRequiredMember, bool NeedsCompilerFeatureRequired, bool NeedsSetsRequiredMembers, bool HasHttpClientFactory)
{
    /// <summary>C# 11: required members and UTF-8 string literals.</summary>
    public const int MinimumLanguageVersion = 1100;

    public bool CanGenerate => LanguageVersion >= MinimumLanguageVersion;

    /// <summary>The facts, from the parse options and the watched types found in references and source.</summary>
    public static CompilationFacts From(ParseOptions parseOptions, KnownTypes available)
    {
        var version = parseOptions is CSharpParseOptions csharp ? (int)csharp.LanguageVersion : 0;
        return new CompilationFacts(
            version,
            (available & KnownTypes.IsExternalInit) == 0,
            (available & KnownTypes.RequiredMemberAttribute) == 0,
            (available & KnownTypes.CompilerFeatureRequiredAttribute) == 0,
            (available & KnownTypes.SetsRequiredMembersAttribute) == 0,
            (available & KnownTypes.HttpClientFactoryServiceCollectionExtensions) != 0);
    }

    public static string DisplayVersion(int version) => version switch
    {
        < 1000 => (version / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + (version % 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => (version / 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SpecClient.Generator.Diagnostics;

/// <summary>Every diagnostic SpecClient reports. docs/diagnostics.md explains each one with a bad example and its fix.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SpecClient";
    private const string HelpBase = "https://github.com/specclient/specclient/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor YamlSyntaxError = Error(
        "SPEC001",
        "Spec file is not valid YAML",
        "The spec is not valid YAML: {0}. Fix the YAML syntax at this position.");

    public static readonly DiagnosticDescriptor NotASpec = Error(
        "SPEC002",
        "Spec file declares neither an API, an endpoint nor shared types",
        "{0} must be a YAML mapping with a top-level 'api:' section (an API file), 'endpoint:' section (an endpoint file) or 'shared:' section (a file of shared types)");

    public static readonly DiagnosticDescriptor MissingKey = Error(
        "SPEC003",
        "Required key has no value",
        "The required key '{1}' of '{0}' is {3}. Set it, for example: {1}: {2}");

    public static readonly DiagnosticDescriptor UnknownKey = Error(
        "SPEC004",
        "Unknown key",
        "'{0}' is not a key of '{1}'.{2} Allowed keys: {3}.");

    public static readonly DiagnosticDescriptor WrongValueKind = Error(
        "SPEC005",
        "Value has the wrong kind",
        "'{0}' must be {1}, but it is {2}");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "SPEC006",
        "Unknown type",
        "'{0}' is not a known type{1}.{2} Use {3}.");

    public static readonly DiagnosticDescriptor InvalidRegex = Error(
        "SPEC007",
        "Invalid regular expression",
        "The pattern of parameter '{0}' is not a valid .NET regular expression: {1}");

    public static readonly DiagnosticDescriptor PlaceholderWithoutParameter = Error(
        "SPEC008",
        "Path placeholder has no parameter",
        "The path placeholder '{{{0}}}' has no entry under 'pathParameters:'. Declare it, or remove it from the path.");

    public static readonly DiagnosticDescriptor ParameterNotInPath = Error(
        "SPEC009",
        "Path parameter is not in the path",
        "The path parameter '{0}' does not appear in the path '{1}'. Add '{{{0}}}' to the path, or remove the parameter.");

    public static readonly DiagnosticDescriptor UnknownApi = Error(
        "SPEC010",
        "Spec names an API that has no API file",
        "This file names the API '{0}', but no API file declares it.{1} Add an API spec file with 'api: name: {0}', or fix the name.");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "SPEC011",
        "Value is not allowed here",
        "'{0}' is not a valid value for '{1}'. {2}");

    public static readonly DiagnosticDescriptor StatusCodeOutOfRange = Error(
        "SPEC012",
        "Status code out of range",
        "'{0}' is not an error status code. Use a number from 400 to 599, or 'default'.");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        "SPEC013",
        "Generated clients need C# 11 or later",
        "SpecClient's generated clients need C# 11 or later, but this project compiles as C# {0}. Set <LangVersion>11</LangVersion> (or later) in the project file.");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "SPEC014",
        "Duplicate name",
        "{0} '{1}' is declared more than once{2}. Rename one of them.");

    public static readonly DiagnosticDescriptor ApiFileHasErrors = Error(
        "SPEC015",
        "Endpoint skipped because its API file has errors",
        "The endpoint is not generated because the API file for '{0}' has errors. Fix the errors reported in that file.");

    public static readonly DiagnosticDescriptor LimitExceeded = Error(
        "SPEC016",
        "Spec exceeds a limit",
        "The spec is not read: {0}. Split it into smaller files, or simplify it.");

    public static readonly DiagnosticDescriptor HintNameCollision = Warning(
        "SPEC017",
        "Two specs would generate files of the same name",
        "This spec's file '{0}' is generated as '{2}': '{1}' has that name already (file names come from spec paths, with '/' read as '.', ignoring case). Rename or move one of the two specs.");

    public static readonly DiagnosticDescriptor SuspiciousPattern = Warning(
        "SPEC018",
        "Route pattern refuses what it should accept",
        "The pattern of '{0}' {1}");

    public static readonly DiagnosticDescriptor PagingMismatch = Warning(
        "SPEC019",
        "Endpoint takes the paging parameter but does not fit the API's paging",
        "The endpoint '{0}' takes the paging parameter '{1}', but {2}. It gets no {3} method; fix its spec or the API file's paging: section.");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = typeof(DiagnosticDescriptors)
        .GetFields()
        .Select(field => field.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .ToDictionary(descriptor => descriptor.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];

    /// <summary>Errors after which the parser's model is still whole (see SpecFile.HasErrors).</summary>
    private static readonly HashSet<string> ModelStaysWhole = new(System.StringComparer.Ordinal) { UnknownKey.Id, ParameterNotInPath.Id };

    /// <summary>Whether a file with this diagnostic generates nothing.</summary>
    public static bool StopsItsFile(string id) => ById(id).DefaultSeverity == DiagnosticSeverity.Error && !ModelStaysWhole.Contains(id);

    public static IEnumerable<DiagnosticDescriptor> Catalogue => All.Values;

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}

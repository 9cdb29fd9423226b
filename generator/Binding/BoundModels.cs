using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Binding;

/// <summary>What an endpoint needs to know of its API: small, so that an unrelated API edit leaves endpoints cached.</summary>
internal sealed record ApiContext(string Name, string Namespace, string? EnvelopeTypeName, string? LocalePlaceholder, string QueryStyle);

/// <summary>An API ready to emit: its model with every type reference resolved, and the groups its endpoints declare.</summary>
internal sealed record ApiSource(string HintName, string SpecPath, string RelativePath, ApiModel Api, EquatableArray<string> Groups);

/// <summary>An endpoint ready to emit, with every type reference resolved.</summary>
/// <remarks><see cref="Paging"/>: how its <c>...AllAsync</c> method walks the pages, for an endpoint that takes the API's paging parameter.</remarks>
internal sealed record EndpointSource(string HintName, string SpecPath, string RelativePath, ApiContext Api, EndpointModel Endpoint, bool BodyIsOptional, PagingSource? Paging = null);

/// <summary>How a paged endpoint walks its pages, its members read as C# reads them.</summary>
/// <param name="Parameter">The query parameter's wire name.</param>
/// <param name="ByOffset">Whether it is an offset rather than a page number.</param>
/// <param name="FirstPage">The number of the first page.</param>
/// <param name="PayloadProperty">The envelope's payload property, or null without an envelope.</param>
/// <param name="ItemsAccess">Reads the items from the response (a property, unwrapped when it is an Optional).</param>
/// <param name="TotalAccess">Reads the number of pages or items, or null.</param>
/// <param name="TotalWireName">That member's wire name, for the docs.</param>
/// <param name="Item">The items' type.</param>
internal sealed record PagingSource(string Parameter, bool ByOffset, long FirstPage, string? PayloadProperty, string ItemsAccess, string? TotalAccess, string? TotalWireName, TypeRef Item);

/// <remarks><see cref="FailedPath"/>: the API file's path when binding found errors, so that its endpoints get SPEC015.</remarks>
internal sealed record BoundApi(ApiSource? Source, EquatableArray<DiagnosticInfo> Diagnostics, string? FailedPath = null);

internal sealed record BoundEndpoint(EndpointSource? Source, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The facts of an endpoint the API file's output needs: which group of which API it adds to.</summary>
internal readonly record struct EndpointGroup(string Api, string Group);

/// <summary>What other endpoints need to know of an endpoint to find collisions: its method and its type names.</summary>
internal sealed record EndpointIdentity(string Path, string Api, string Group, string Name, EquatableArray<string> TypeNames);

/// <summary>A type an API file declares, as endpoints see it.</summary>
internal sealed record NamedTypeInfo(string Name, TypeKind Kind, bool HasRequiredProperties)
{
    /// <summary>Its C# name, worked out once: binding asks it of every shared type for every endpoint.</summary>
    public string CSharpName { get; } = Naming.MemberNames.Type(Name);

    /// <summary>Whether the C# name is this type's or its converter's.</summary>
    public bool Takes(string typeName)
        => typeName == CSharpName || (typeName.Length == CSharpName.Length + ConverterSuffix.Length && typeName.EndsWith(ConverterSuffix, System.StringComparison.Ordinal) && typeName.StartsWith(CSharpName, System.StringComparison.Ordinal));

    private static string ConverterSuffix => Naming.MemberNames.Converter(string.Empty);
}

/// <summary>What endpoints need to know of an API file, including whether it can be generated at all.</summary>
/// <remarks><see cref="Headers"/>: the headers every request carries, which an endpoint may not take again.
/// <see cref="Paging"/> and <see cref="EnvelopePayload"/> (the payload's wire name): what paged endpoints read.</remarks>
internal sealed record ApiInfo(string Path, string Name, string Namespace, string? EnvelopeTypeName, string? LocalePlaceholder, bool HasErrors, EquatableArray<NamedTypeInfo> Types, string QueryStyle, EquatableArray<string> Headers, PagingModel? Paging = null, string? EnvelopePayload = null)
{
    public ApiContext ToContext() => new(Name, Namespace, EnvelopeTypeName, LocalePlaceholder, QueryStyle);
}

/// <summary>What the test fake of an API needs to know of one of its endpoints.</summary>
internal sealed record FakeEndpoint(string Api, string Group, string Name, string Method, string Path, EquatableArray<ExampleModel> Examples);

/// <summary>An API's test fake, ready to emit: only when the project asks for fakes (SpecClientFakes).</summary>
internal sealed record FakeSource(string HintName, string SpecPath, string RelativePath, string Api, string Namespace, EquatableArray<FakeEndpoint> Endpoints);

/// <summary>What endpoints and other shared files need to know of a file of shared types: the names it declares.</summary>
internal sealed record SharedTypesInfo(string Path, string Api, EquatableArray<NamedTypeInfo> Types);

/// <summary>A file of shared types ready to emit: the types it keeps, every reference resolved.</summary>
internal sealed record SharedTypesSource(string HintName, string SpecPath, string RelativePath, string Namespace, EquatableArray<ObjectModel> Objects, EquatableArray<EnumModel> Enums);

internal sealed record BoundSharedTypes(SharedTypesSource? Source, EquatableArray<DiagnosticInfo> Diagnostics);

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>
/// What a user of a generated client sees: every public type of a namespace and its public members,
/// one line each, with names, types, nullability and required-ness; no docs, no bodies.
/// </summary>
internal static class PublicSurface
{
    private static readonly SymbolDisplayFormat Format = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeModifiers,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>The surface of the public types declared in the namespace (nested types included), sorted.</summary>
    public static SortedSet<string> Of(Compilation compilation, string ns)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var namespaceSymbol = ns.Split('.').Aggregate(compilation.Assembly.GlobalNamespace, (current, part) => current?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part)!);
        if (namespaceSymbol is null)
        {
            return lines;
        }

        foreach (var type in namespaceSymbol.GetTypeMembers().SelectMany(Nested).Where(t => t.DeclaredAccessibility == Accessibility.Public))
        {
            lines.Add(type.TypeKind.ToString().ToLowerInvariant() + " " + type.ToDisplayString(Format) + Bases(type));
            foreach (var member in type.GetMembers().Where(m => m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected && !m.IsImplicitlyDeclared && !IsAccessor(m) && !IsRecordMachinery(type, m)))
            {
                lines.Add("  " + (member is INamedTypeSymbol ? "nested " : string.Empty) + member.ToDisplayString(Format) + Accessors(member));
            }
        }

        return lines;
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) => new[] { type }.Concat(type.GetTypeMembers().SelectMany(Nested));

    private static string Bases(INamedTypeSymbol type)
    {
        var bases = (type.BaseType is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum) } baseType ? new[] { baseType } : Array.Empty<INamedTypeSymbol>())
            .Concat(type.Interfaces.Where(i => !i.Name.StartsWith("IEquatable", StringComparison.Ordinal)))
            .Select(b => b.ToDisplayString(Format)).ToList();
        return bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases);
    }

    private static string Accessors(ISymbol member) => member is IPropertySymbol property
        ? " {" + (property.GetMethod is { DeclaredAccessibility: Accessibility.Public } ? " get;" : string.Empty)
            + (property.SetMethod is { DeclaredAccessibility: Accessibility.Public } setter ? (setter.IsInitOnly ? " init;" : " set;") : string.Empty) + " }"
        : string.Empty;

    private static bool IsAccessor(ISymbol member) => member is IMethodSymbol { AssociatedSymbol: not null };

    /// <summary>The members the compiler writes for a record: the same for every record, so no news.</summary>
    private static bool IsRecordMachinery(INamedTypeSymbol type, ISymbol member)
        => type.IsRecord && member.Name is "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "EqualityContract" or "<Clone>$" or "Deconstruct" or "op_Equality" or "op_Inequality";
}

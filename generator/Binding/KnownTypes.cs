using System;
using System.Reflection;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SpecClient.Generator.Binding;

/// <summary>The framework types whose presence changes what is generated.</summary>
[Flags]
internal enum KnownTypes
{
    None = 0,
    IsExternalInit = 1,
    RequiredMemberAttribute = 2,
    CompilerFeatureRequiredAttribute = 4,
    SetsRequiredMembersAttribute = 8,
    HttpClientFactoryServiceCollectionExtensions = 16,
}

/// <summary>
/// Finds <see cref="KnownTypes"/> in references and in source declarations, without a
/// <see cref="Compilation"/>: a pipeline that asked the compilation would run again on every keystroke,
/// while references and the few matching declarations change rarely.
/// </summary>
internal static class KnownTypeScanner
{
    private static readonly (string Namespace, string Name, KnownTypes Type)[] Watched =
    {
        ("System.Runtime.CompilerServices", "IsExternalInit", KnownTypes.IsExternalInit),
        ("System.Runtime.CompilerServices", "RequiredMemberAttribute", KnownTypes.RequiredMemberAttribute),
        ("System.Runtime.CompilerServices", "CompilerFeatureRequiredAttribute", KnownTypes.CompilerFeatureRequiredAttribute),
        ("System.Diagnostics.CodeAnalysis", "SetsRequiredMembersAttribute", KnownTypes.SetsRequiredMembersAttribute),
        ("Microsoft.Extensions.DependencyInjection", "HttpClientFactoryServiceCollectionExtensions", KnownTypes.HttpClientFactoryServiceCollectionExtensions),
    };

    /// <summary>The public top-level watched types an assembly reference defines.</summary>
    public static KnownTypes InReference(MetadataReference reference)
    {
        try
        {
            return reference switch
            {
                // The IDE passes a referenced project of the same language as its compilation.
                CompilationReference project => InCompilation(project.Compilation),
                PortableExecutableReference executable => executable.GetMetadata() switch
                {
                    AssemblyMetadata assembly => InModules(assembly.GetModules()),
                    ModuleMetadata module => InModule(module.GetMetadataReader()),
                    _ => KnownTypes.None,
                },
                _ => KnownTypes.None,
            };
        }
        catch (Exception exception) when (exception is BadImageFormatException or System.IO.IOException or InvalidOperationException)
        {
            // The compiler reports an unreadable reference itself.
            return KnownTypes.None;
        }
    }

    /// <summary>
    /// The watched types that exactly one reference defines. The compiler ignores a type that two
    /// references define, so then the generator must declare its own.
    /// </summary>
    public static KnownTypes DefinedOnce(System.Collections.Immutable.ImmutableArray<KnownTypes> perReference)
    {
        var once = KnownTypes.None;
        var twice = KnownTypes.None;
        foreach (var found in perReference)
        {
            twice |= once & found;
            once |= found;
        }

        return once & ~twice;
    }

    private static KnownTypes InCompilation(Compilation compilation)
    {
        var found = KnownTypes.None;
        foreach (var (ns, name, known) in Watched)
        {
            if (compilation.Assembly.GetTypeByMetadataName(ns + "." + name) is { DeclaredAccessibility: Accessibility.Public })
            {
                found |= known;
            }
        }

        return found;
    }

    private static KnownTypes InModules(System.Collections.Immutable.ImmutableArray<ModuleMetadata> modules)
    {
        var found = KnownTypes.None;
        foreach (var module in modules)
        {
            found |= InModule(module.GetMetadataReader());
        }

        return found;
    }

    private static KnownTypes InModule(MetadataReader reader)
    {
        var found = KnownTypes.None;
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public)
            {
                continue;
            }

            foreach (var (ns, name, known) in Watched)
            {
                if (reader.StringComparer.Equals(type.Name, name) && reader.StringComparer.Equals(type.Namespace, ns))
                {
                    found |= known;
                }
            }
        }

        return found;
    }

    /// <summary>A cheap syntactic filter: a top-level, non-generic type declaration named like a watched type.</summary>
    public static bool IsCandidate(SyntaxNode node)
    {
        // Runs on every type declaration of every edited file: no allocation.
        if (node is not TypeDeclarationSyntax { Parent: BaseNamespaceDeclarationSyntax or CompilationUnitSyntax, TypeParameterList: null } declaration)
        {
            return false;
        }

        var name = declaration.Identifier.ValueText;
        foreach (var watched in Watched)
        {
            if (name == watched.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The watched type a source declaration defines, read from its namespace declarations.</summary>
    public static KnownTypes InDeclaration(SyntaxNode node)
    {
        if (node is not TypeDeclarationSyntax declaration)
        {
            return KnownTypes.None;
        }

        var ns = string.Empty;
        for (var parent = declaration.Parent; parent is BaseNamespaceDeclarationSyntax namespaceDeclaration; parent = parent.Parent)
        {
            var name = NameOf(namespaceDeclaration.Name);
            ns = ns.Length == 0 ? name : name + "." + ns;
        }

        foreach (var (watchedNamespace, name, known) in Watched)
        {
            if (declaration.Identifier.ValueText == name && string.Equals(ns, watchedNamespace, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return KnownTypes.None;
    }

    /// <summary>A dotted name from its identifiers, so that trivia or a verbatim '@' inside it do not matter.</summary>
    private static string NameOf(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => NameOf(qualified.Left) + "." + qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };
}

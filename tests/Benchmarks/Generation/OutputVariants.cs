using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SpecClient.Benchmarks.Generation;

/// <summary>
/// SpecClient's generated code with one kind of content taken out, to see what compiling it costs:
/// a variant compiles in less time by about what that content costs. Variants that remove code
/// others refer to leave errors behind; they are bound like the rest (binding is the cost), so
/// the figures are read from the diagnostics pass, not from emitting.
/// </summary>
public enum OutputVariant
{
    /// <summary>The output as generated.</summary>
    Full,

    /// <summary>Without XML doc comments.</summary>
    NoDocComments,

    /// <summary>The JsonConverter classes with empty Read and Write bodies (a throw): what the per-property code costs.</summary>
    NoConverterBodies,

    /// <summary>Only the converters' Read bodies emptied.</summary>
    NoReadBodies,

    /// <summary>Only the converters' Write bodies emptied.</summary>
    NoWriteBodies,

    /// <summary>Without attributes ([JsonPropertyName], [JsonConverter], [Obsolete] ...).</summary>
    NoAttributes,

    /// <summary>Without nullable annotations (#nullable disable).</summary>
    NoNullableAnnotations,

    /// <summary>Without the ...WithResponseAsync methods and the typed (Guid, ulong) overloads.</summary>
    NoOverloads,
}

internal static class OutputVariants
{
    public static SyntaxTree Apply(SyntaxTree tree, OutputVariant variant)
    {
        var root = tree.GetRoot();
        root = variant switch
        {
            OutputVariant.Full => root,
            OutputVariant.NoDocComments => new DocCommentRemover().Visit(root),
            OutputVariant.NoConverterBodies => new ConverterBodyRemover("Read", "Write").Visit(root),
            OutputVariant.NoReadBodies => new ConverterBodyRemover("Read").Visit(root),
            OutputVariant.NoWriteBodies => new ConverterBodyRemover("Write").Visit(root),
            OutputVariant.NoAttributes => root.RemoveNodes(root.DescendantNodes().OfType<AttributeListSyntax>(), SyntaxRemoveOptions.KeepNoTrivia)!,
            OutputVariant.NoNullableAnnotations => root,
            OutputVariant.NoOverloads => root.RemoveNodes(
                root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.Text.EndsWith("WithResponseAsync", StringComparison.Ordinal)
                    || m.ParameterList.Parameters.Any(p => p.Type?.ToString() is "Guid" or "ulong" or "long" && m.Identifier.Text.EndsWith("Async", StringComparison.Ordinal))),
                SyntaxRemoveOptions.KeepNoTrivia)!,
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };

        var text = root.ToFullString();
        if (variant == OutputVariant.NoNullableAnnotations)
        {
            text = text.Replace("#nullable enable annotations", "#nullable disable", StringComparison.Ordinal).Replace("?>", ">", StringComparison.Ordinal);
        }

        return CSharpSyntaxTree.ParseText(text, Workload.ParseOptions, tree.FilePath);
    }

    private sealed class DocCommentRemover : CSharpSyntaxRewriter
    {
        public DocCommentRemover()
            : base(visitIntoStructuredTrivia: false)
        {
        }

        public override SyntaxTrivia VisitTrivia(SyntaxTrivia trivia)
            => trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia) ? default : trivia;
    }

    /// <summary>Replaces the bodies of a JsonConverter's Read or Write with a throw: the class and its signatures stay.</summary>
    private sealed class ConverterBodyRemover(params string[] methods) : CSharpSyntaxRewriter
    {
        private static readonly ArrowExpressionClauseSyntax Throw = SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression("throw null!"));

        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
            => methods.Contains(node.Identifier.Text) && node.Parent is ClassDeclarationSyntax owner && owner.BaseList?.Types.Any(t => t.ToString().StartsWith("JsonConverter<", StringComparison.Ordinal)) == true
                ? node.WithBody(null).WithExpressionBody(Throw).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                : node;
    }
}

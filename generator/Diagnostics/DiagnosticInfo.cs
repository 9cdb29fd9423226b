using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain data: descriptor ID, spec file, span and message arguments. It becomes a
/// Roslyn <see cref="Diagnostic"/> only in the output step, so no Location lives in the models.
/// </summary>
/// <remarks><see cref="KeepsModel"/>: the parser went on with the model whole (a description that is not text is left out), so the file still generates.</remarks>
internal sealed record DiagnosticInfo(string Id, string FilePath, SourceSpan Span, EquatableArray<string> Arguments, bool KeepsModel = false)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params string[] arguments)
        => new(descriptor.Id, filePath, span, arguments.ToEquatableArray());

    /// <summary>Whether its file generates nothing: an error, unless the parser could go on with the model whole.</summary>
    public bool StopsItsFile => !KeepsModel && DiagnosticDescriptors.StopsItsFile(Id);

    public Diagnostic ToDiagnostic()
    {
        var location = Location.Create(
            FilePath,
            new TextSpan(Span.StartOffset, Span.EndOffset - Span.StartOffset),
            new LinePositionSpan(new LinePosition(Span.StartLine, Span.StartColumn), new LinePosition(Span.EndLine, Span.EndColumn)));
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.ById(Id), location, args);
    }
}

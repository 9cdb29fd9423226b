using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecClient.Generator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Generator.Tests;

/// <summary>
/// netstandard2.0 consumers get the compiler attributes they lack, and only those: a polyfill a
/// reference already provides must not be declared twice, and one the compiler cannot use must be.
/// </summary>
public class PolyfillTests
{
    private const string PublicIsExternalInit = "namespace System.Runtime.CompilerServices { public static class IsExternalInit { } }";

    private static MetadataReference Library(string name, bool asProject)
    {
        var library = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(PublicIsExternalInit, GeneratorHarness.ParseOptions(Consumer.NetStandard20)) },
            GeneratorHarness.References(Consumer.NetStandard20),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        if (asProject)
        {
            return library.ToMetadataReference();
        }

        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static (string Polyfills, Compilation Output) Generate(params MetadataReference[] references)
    {
        var compilation = GeneratorHarness.Compilation(Consumer.NetStandard20).AddReferences(references);
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.RepositorySpecs(), Consumer.NetStandard20).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (GeneratorHarness.Polyfills(driver.GetRunResult()), GeneratorHarness.WithNullableFlowAnalysis(output));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_polyfill_that_a_reference_declares_publicly_is_not_declared_again(bool asProject)
    {
        var (polyfills, output) = Generate(Library("Polyfills", asProject));

        Assert.DoesNotContain("class IsExternalInit", polyfills, System.StringComparison.Ordinal);
        Assert.Contains("class RequiredMemberAttribute", polyfills, System.StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_polyfill_that_two_references_declare_publicly_is_declared_because_the_compiler_uses_neither()
    {
        var (polyfills, output) = Generate(Library("First", asProject: false), Library("Second", asProject: false));

        Assert.Contains("class IsExternalInit", polyfills, System.StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}

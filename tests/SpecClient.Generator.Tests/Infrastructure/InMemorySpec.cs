using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SpecClient.Generator.Tests.Infrastructure;

/// <summary>A spec file as the compiler hands it to the generator: an additional file with a path and text.</summary>
internal sealed class InMemorySpec : AdditionalText
{
    private readonly SourceText _text;

    public InMemorySpec(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

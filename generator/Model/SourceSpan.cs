namespace SpecClient.Generator.Model;

/// <summary>
/// Where a YAML node sits in its spec file: zero-based lines and columns (as Roslyn reports them)
/// plus character offsets. Plain data, so models that carry it stay cacheable.
/// </summary>
internal readonly record struct SourceSpan(int StartOffset, int EndOffset, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan None => default;
}

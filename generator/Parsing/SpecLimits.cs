using System;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SpecClient.Generator.Parsing;

/// <summary>
/// The limits that keep a hostile or broken spec from stalling the compiler: every spec the
/// generator reads either stays within them or gets a SPEC016 diagnostic, promptly.
/// </summary>
internal static class SpecLimits
{
    /// <summary>A spec file's size in characters: 1 MiB, far above any real endpoint or API file.</summary>
    public const int MaxCharacters = 1024 * 1024;

    /// <summary>How deeply YAML collections may nest.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many YAML nodes the parser may visit; an alias counts each time it is used, so alias bombs stop here.</summary>
    public const int MaxNodeVisits = 100_000;
}

/// <summary>Thrown inside the parser when a limit is exceeded; reported as SPEC016 at <see cref="YamlException.Start"/>.</summary>
internal sealed class SpecLimitException : YamlException
{
    public SpecLimitException(Mark start, Mark end, string message)
        : base(start, end, message)
    {
    }

    public SpecLimitException()
        : base(string.Empty)
    {
    }

    public SpecLimitException(string message)
        : base(message)
    {
    }

    public SpecLimitException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>YamlDotNet's parser, stopped with <see cref="SpecLimitException"/> where collections nest too deeply.</summary>
internal sealed class DepthLimitedParser : IParser
{
    private readonly IParser _inner;
    private int _depth;

    public DepthLimitedParser(IParser inner) => _inner = inner;

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        switch (_inner.Current)
        {
            case MappingStart or SequenceStart when ++_depth > SpecLimits.MaxDepth:
                throw new SpecLimitException(_inner.Current.Start, _inner.Current.End, $"collections nest more than {SpecLimits.MaxDepth} levels deep");
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}

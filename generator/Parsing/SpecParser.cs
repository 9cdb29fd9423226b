using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using SpecClient.Generator.Diagnostics;
using SpecClient.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecClient.Generator.Parsing;

/// <summary>Turns the text of one spec file into a <see cref="SpecFile"/>. It sees no other file.</summary>
internal sealed partial class SpecParser
{
    private const int MaxNesting = 32;

    private static readonly Regex PathText = new(@"\A(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*\z", RegexOptions.CultureInvariant);
    private static readonly System.Collections.Generic.HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Accept", "Host", "Connection", "Transfer-Encoding", "Expect", "Upgrade", "TE", "Trailer", "Keep-Alive", "Proxy-Authorization",
    };

    private static readonly Regex HeaderName = new(@"\A[!#$%&'*+\-.^_`|~0-9A-Za-z]+\z", RegexOptions.CultureInvariant);
    private static readonly Regex Placeholder = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);

    private readonly YamlSpecReader _reader;
    private readonly ImmutableArray<ObjectModel>.Builder _objects = ImmutableArray.CreateBuilder<ObjectModel>();
    private readonly ImmutableArray<EnumModel>.Builder _enums = ImmutableArray.CreateBuilder<EnumModel>();
    private readonly System.Collections.Generic.HashSet<string> _claimedTypeNames = new(StringComparer.Ordinal);

    /// <summary>The typeNames the file gives, wherever they are: a derived name gives way to them.</summary>
    private readonly System.Collections.Generic.HashSet<string> _explicitTypeNames = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;

    /// <summary>The endpoint type that nests this endpoint file's own types; null in an API file.</summary>
    private string? _typeScope;
    private readonly string? _namespaceOverride;

    private SpecParser(string path, string? namespaceOverride, CancellationToken cancellationToken)
    {
        _reader = new YamlSpecReader(path);
        _namespaceOverride = namespaceOverride;
        _cancellationToken = cancellationToken;
    }

    /// <param name="path">The spec file's full path, for diagnostics.</param>
    /// <param name="relativePath">Its path relative to the project, for generated file names.</param>
    /// <param name="text">Its text.</param>
    /// <param name="namespaceOverride">SpecClientNamespace, when the project sets it: replaces every API file's namespace.</param>
    /// <param name="cancellationToken">Cancels parsing.</param>
    public static SpecFile Parse(string path, string relativePath, string? text, string? namespaceOverride = null, CancellationToken cancellationToken = default)
    {
        var parser = new SpecParser(path, namespaceOverride, cancellationToken);
        var (api, endpoint, shared) = parser.ParseDocument(text ?? string.Empty);
        var file = new SpecFile(path, relativePath, api, endpoint, parser._reader.Diagnostics, shared);
        return api is null && endpoint is null && shared is null && file.HasErrors && ApiNameRecovery.Recover(text ?? string.Empty) is { } name
            ? file with { BrokenApiName = name }
            : file;
    }

    private (ApiModel? Api, EndpointModel? Endpoint, SharedTypesModel? Shared) ParseDocument(string text)
    {
        if (text.Length > SpecLimits.MaxCharacters)
        {
            _reader.Report(DiagnosticDescriptors.LimitExceeded, SourceSpan.None, Invariant($"the file has {text.Length:N0} characters, more than the {SpecLimits.MaxCharacters:N0} a spec may have"));
            return default;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimitedParser(new Parser(new StringReader(text))));
        }
        catch (SpecLimitException e)
        {
            _reader.Report(DiagnosticDescriptors.LimitExceeded, YamlSpecReader.SpanOf(e.Start, e.End), e.Message);
            return default;
        }
        catch (YamlException e)
        {
            // YamlDotNet reports a tab in indentation at the start of the mapping it was reading.
            var span = e.Message.IndexOf("tab", StringComparison.Ordinal) >= 0 && IndentationTab(text) is { } tab
                ? YamlSpecReader.SpanOf(tab, tab)
                : YamlSpecReader.SpanOf(e.Start, e.End);
            _reader.Report(DiagnosticDescriptors.YamlSyntaxError, span, CleanMessage(e));
            return default;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YamlDotNet fails with other exceptions on some malformed input (InvalidOperationException
            // for "name: [Read" followed by more lines, ArgumentException for some broken flow
            // mappings); its low-level parser still knows how far it got.
            var stop = LastParsedMark(text);
            _reader.Report(DiagnosticDescriptors.YamlSyntaxError, YamlSpecReader.SpanOf(stop, stop), "the parser could not continue after this point; check for an unclosed '[' or '{'");
            return default;
        }

        if (YamlSpecReader.IsEmptyDocument(stream))
        {
            _reader.Report(DiagnosticDescriptors.NotASpec, SourceSpan.None, "This empty file");
            return default;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            _reader.Report(DiagnosticDescriptors.NotASpec, YamlSpecReader.SpanOf(root), "This file");
            return default;
        }

        if (stream.Documents.Count > 1)
        {
            // What follows would be dropped: a spec file is one endpoint, one API or one set of types.
            var start = SecondDocumentStart(text, root.End);
            _reader.Report(DiagnosticDescriptors.InvalidValue, YamlSpecReader.SpanOf(start, start), "---", "a spec file", "A spec file holds one YAML document: move what follows '---' to a spec file of its own.");
            return default;
        }

        CollectExplicitTypeNames(mapping);
        try
        {
            if (YamlSpecReader.Find(mapping, "api") is YamlMappingNode)
            {
                return (ParseApi(mapping), null, null);
            }

            if (YamlSpecReader.Find(mapping, "endpoint") is not null)
            {
                return (null, ParseEndpoint(mapping), null);
            }

            if (YamlSpecReader.Find(mapping, "shared") is not null)
            {
                return (null, null, ParseShared(mapping));
            }
        }
        catch (SpecLimitException e)
        {
            _reader.Report(DiagnosticDescriptors.LimitExceeded, YamlSpecReader.SpanOf(e.Start, e.End), e.Message);
            return default;
        }

        _reader.Report(DiagnosticDescriptors.NotASpec, YamlSpecReader.SpanOf(mapping), "This file");
        return default;
    }

    private string? OptionalExample(YamlMappingNode mapping, string where) => _reader.OptionalScalar(mapping, "example", where);

    private static bool IsNamespace(string text)
        => text.Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

    /// <summary>The first tab in a line's indentation, which YAML forbids; null when there is none.</summary>
    private static Mark? IndentationTab(string text)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\n':
                    line++;
                    lineStart = i + 1;
                    break;
                case '\t' when text.Substring(lineStart, i - lineStart).Trim(' ').Length == 0:
                    return new Mark(i, line, i - lineStart + 1);
            }
        }

        return null;
    }

    /// <summary>Where the '---' that starts the second document is: the first line after the first document that starts with it.</summary>
    private static Mark SecondDocumentStart(string text, Mark firstEnd)
    {
        var line = (int)firstEnd.Line;
        var index = (int)firstEnd.Index;
        while (index < text.Length)
        {
            var lineStart = index;
            if (string.CompareOrdinal(text, lineStart, "---", 0, 3) == 0)
            {
                return new Mark(lineStart, line, 1);
            }

            index = text.IndexOf('\n', lineStart);
            if (index < 0)
            {
                break;
            }

            index++;
            line++;
        }

        return firstEnd;
    }

    private static Mark LastParsedMark(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stopped where the full parse stopped: 'last' is the position to report.
        }

        return last;
    }

    private static string Invariant(System.FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string CleanMessage(YamlException e)
    {
        // YamlDotNet prefixes its messages with the marks; the diagnostic carries those already.
        var message = e.Message;
        var prefixEnd = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line", StringComparison.Ordinal) && prefixEnd >= 0 ? message.Substring(prefixEnd + 3) : message;
        return text.TrimEnd('.', ' ');
    }
}

using System.Text;

namespace SpecClient.Generator.Emitting;

/// <summary>Writes C# line by line with four-space indentation and braces that open and close blocks.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new(4096);
    private int _indent;

    public void Line(string text)
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
    }

    public void BlankLine() => _builder.Append('\n');

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    /// <summary>An XML doc element from spec text, escaped; nothing is written for empty text.</summary>
    public void Doc(string tag, string? text, string attributes = "")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var lines = CSharpText.XmlLines(text!);
        if (lines.Length == 1)
        {
            Line("/// <" + tag + attributes + ">" + lines[0] + "</" + tag + ">");
            return;
        }

        Line("/// <" + tag + attributes + ">");
        foreach (var line in lines)
        {
            Line(line.Length == 0 ? "///" : "/// " + line);
        }

        Line("/// </" + tag + ">");
    }

    /// <summary>A &lt;summary&gt; from spec text, or from <paramref name="fallback"/> when the spec's text is absent or blank.</summary>
    public void Summary(string? text, string fallback) => Doc("summary", CSharpText.IsBlank(text) ? fallback : text);

    /// <summary>A doc line written by the generator itself (trusted XML).</summary>
    public void RawDoc(string xml) => Line("/// " + xml);

    public override string ToString() => _builder.ToString();
}

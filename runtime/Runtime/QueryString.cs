using System;
using System.Globalization;
using System.Text;

namespace SpecClient.Runtime;

/// <summary>Builds an encoded query string. Null values are left out, so optional parameters need no branching.</summary>
public sealed class QueryString
{
    private readonly StringBuilder _builder = new();

    /// <summary>Adds name=value, both percent-encoded; a null value adds nothing.</summary>
    public QueryString Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _builder.Append(_builder.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(name))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds an integer in invariant culture; null adds nothing.</summary>
    public QueryString Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number in invariant culture, round-trippable; null adds nothing.</summary>
    public QueryString Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds true or false; null adds nothing.</summary>
    public QueryString Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds an ISO 8601 date-time; null adds nothing.</summary>
    public QueryString Add(string name, DateTimeOffset? value) => Add(name, value?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>"?a=1&amp;b=2", or an empty string when every value was null.</summary>
    public override string ToString() => _builder.ToString();
}

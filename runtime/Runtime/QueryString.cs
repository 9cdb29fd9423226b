using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>Adds a list, each item written by <paramref name="itemConverter"/>, in <paramref name="style"/>; null adds nothing.</summary>
    public QueryString AddList<T>(string name, IReadOnlyList<T>? values, JsonConverter<T> itemConverter, QueryStyle style)
        => values is null ? this : Add(name, new JsonListConverter<T>(itemConverter), values, style);

    /// <summary>Adds an object or a map through its JSON form, in <paramref name="style"/>; null adds nothing.</summary>
    public QueryString AddObject<T>(string name, T? value, JsonConverter<T> converter, QueryStyle style)
        where T : class
        => value is null ? this : Add(name, converter, value, style);

    private QueryString Add<T>(string name, JsonConverter<T> converter, T value, QueryStyle style)
    {
        // Through JSON, so that every type the spec can declare is encoded by one set of rules.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            converter.Write(writer, value, JsonReading.Options);
        }

        using var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(stream.GetBuffer(), 0, (int)stream.Length));
        Append(Uri.EscapeDataString(name), document.RootElement, style, nested: false);
        return this;
    }

    /// <param name="key">The key so far, already encoded.</param>
    /// <param name="value">What goes under it.</param>
    /// <param name="style">How lists and objects are written.</param>
    /// <param name="nested">Whether the key is inside a list or an object already: deeper levels always take brackets.</param>
    private void Append(string key, JsonElement value, QueryStyle style, bool nested)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Array when style == QueryStyle.Comma && !nested:
                AppendCommaSeparated(key, value);
                return;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var isScalar = item.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);
                    var itemKey = isScalar && (style is QueryStyle.Form or QueryStyle.DeepObject) && !nested ? key
                        : isScalar ? key + "[]"
                        : key + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                    Append(itemKey, item, style, nested: !isScalar || style == QueryStyle.Brackets || nested);
                    index++;
                }

                return;
            case JsonValueKind.Object when style == QueryStyle.Comma && !nested:
                AppendCommaSeparated(key, value);
                return;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    var memberKey = style == QueryStyle.Form && !nested ? Uri.EscapeDataString(member.Name) : key + "[" + Uri.EscapeDataString(member.Name) + "]";
                    Append(memberKey, member.Value, style, nested: true);
                }

                return;
            default:
                AppendPair(key, Text(value));
                return;
        }
    }

    /// <summary>The scalars of a list, or an object's names and values in turn, for the comma style.</summary>
    private static IEnumerable<string> Scalars(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                yield return Text(item);
            }

            yield break;
        }

        foreach (var member in value.EnumerateObject())
        {
            yield return member.Name;
            yield return Text(member.Value);
        }
    }

    /// <summary>A scalar as query text: strings unquoted, numbers as written, true and false; anything else as its JSON.</summary>
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };

    private void AppendPair(string encodedKey, string value)
        => _builder.Append(_builder.Length == 0 ? '?' : '&').Append(encodedKey).Append('=').Append(Uri.EscapeDataString(value));

    /// <summary>One key, the values each encoded and joined by literal commas: a comma inside a value stays %2C.</summary>
    /// <remarks>An empty list or object adds nothing, as in the other styles: "ids=" would read as one empty value.</remarks>
    private void AppendCommaSeparated(string encodedKey, JsonElement value)
    {
        var first = true;
        foreach (var text in Scalars(value))
        {
            if (first)
            {
                _builder.Append(_builder.Length == 0 ? '?' : '&').Append(encodedKey).Append('=');
            }

            _builder.Append(first ? string.Empty : ",").Append(Uri.EscapeDataString(text));
            first = false;
        }
    }

    /// <summary>"?a=1&amp;b=2", or an empty string when every value was null.</summary>
    public override string ToString() => _builder.ToString();
}

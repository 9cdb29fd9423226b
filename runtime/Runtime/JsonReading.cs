using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecClient.Runtime;

/// <summary>
/// Reading helpers for the generated JSON converters. Each ReadXxx is called with the reader on a
/// property name and leaves it on the last token of that property's value.
/// </summary>
public static class JsonReading
{
    /// <summary>Options handed to converters. Generated converters never use them for reflection.</summary>
    public static JsonSerializerOptions Options { get; } = new();

    /// <summary>Reads one whole JSON document with <paramref name="converter"/>; a JSON null gives default.</summary>
    public static T? ReadDocument<T>(byte[] utf8Json, JsonConverter<T> converter) => ReadDocument(new ReadOnlySpan<byte>(utf8Json), converter);

    /// <summary>Reads one whole JSON document with <paramref name="converter"/>; a JSON null gives default.</summary>
    public static T? ReadDocument<T>(ReadOnlySpan<byte> utf8Json, JsonConverter<T> converter)
    {
        // Utf8JsonReader does not skip a byte order mark; some servers send one.
        var json = utf8Json;
        if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF)
        {
            json = json.Slice(3);
        }

        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read())
            {
                throw new JsonException("The body is empty.");
            }

            var value = reader.TokenType == JsonTokenType.Null && !typeof(T).IsValueType
                ? default
                : converter.Read(ref reader, typeof(T), Options);
            if (reader.Read())
            {
                throw new JsonException($"Unexpected content after the JSON value at byte {reader.TokenStartIndex}.");
            }

            return value;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // Built-in converters throw these for a token of the wrong kind; callers expect JsonException.
            throw new JsonException(e.Message, e);
        }
    }

    /// <summary>
    /// Checks that the reader is on the start of an object. An empty array is read as an empty
    /// object too: some servers (PHP's json_encode) send [] for an empty map, as in error payloads.
    /// </summary>
    public static void ReadObjectStart(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var lookahead = reader;
            if (lookahead.Read() && lookahead.TokenType == JsonTokenType.EndArray)
            {
                return;
            }
        }

        throw new JsonException($"Expected a JSON object for {typeName}, but found {Describe(reader.TokenType)}.");
    }

    /// <summary>Moves to the next property name; false at the end of the object.</summary>
    public static bool ReadNextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject or JsonTokenType.EndArray => false,
            _ => throw new JsonException($"Expected a property name, but found {Describe(reader.TokenType)}."),
        };
    }

    /// <summary>The string the reader is on (not a property: the value itself); anything else is a JsonException.</summary>
    public static string GetString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unexpected(ref reader, "a string");

    /// <summary>A string property; null for JSON null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw Unexpected(ref reader, "a string"),
        };
    }

    /// <summary>An integer property; null for JSON null.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : throw Unexpected(ref reader, "an integer");
    }

    /// <summary>A number property; null for JSON null.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return TryGetFiniteDouble(ref reader, out var value)
            ? value
            : throw Unexpected(ref reader, "a number");
    }

    /// <summary>A JSON number as a double; false for one beyond double's range (1e400), which would read as infinity.</summary>
    internal static bool TryGetFiniteDouble(ref Utf8JsonReader reader, out double value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value) && !double.IsInfinity(value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A boolean property; null for JSON null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Unexpected(ref reader, "true or false"),
        };
    }

    /// <summary>A date-time property (see <see cref="DateTimeText"/>); null for JSON null.</summary>
    public static DateTimeOffset? ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return DateTimeText.TryRead(ref reader, out var value)
            ? value
            : throw Unexpected(ref reader, "a date-time string");
    }

    /// <summary>Any JSON value, kept as is; null for JSON null, so that a non-nullable one can be checked.</summary>
    public static JsonElement? ReadElement(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
    }

    /// <summary>A value read by <paramref name="converter"/>; a JSON null gives default for reference types.</summary>
    public static T? ReadValue<T>(ref Utf8JsonReader reader, JsonConverter<T> converter)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null && !typeof(T).IsValueType
            ? default
            : converter.Read(ref reader, typeof(T), Options);
    }

    /// <summary>A struct read by <paramref name="converter"/>; a JSON null gives null.</summary>
    public static T? ReadNullableStruct<T>(ref Utf8JsonReader reader, JsonConverter<T> converter)
        where T : struct
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : converter.Read(ref reader, typeof(T), Options);
    }

    /// <summary>A JSON array read element by element with <paramref name="itemConverter"/>; a JSON null gives null.</summary>
    public static List<T>? ReadList<T>(ref Utf8JsonReader reader, JsonConverter<T> itemConverter)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(itemConverter.Read(ref reader, typeof(T), Options)!);
        }

        return list;
    }

    /// <summary>A JSON object read as a map, each value with <paramref name="valueConverter"/>; a JSON null gives null.</summary>
    public static Dictionary<string, T>? ReadMap<T>(ref Utf8JsonReader reader, JsonConverter<T> valueConverter)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : ReadMapValue(ref reader, valueConverter);
    }

    /// <summary>
    /// The map the reader is on. An empty array reads as an empty map: PHP's json_encode sends []
    /// for an empty map, as WeTransform does for members its pages type as arrays.
    /// </summary>
    public static Dictionary<string, T> ReadMapValue<T>(ref Utf8JsonReader reader, JsonConverter<T> valueConverter)
    {
        ReadObjectStart(ref reader, "a map");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (ReadNextProperty(ref reader))
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = reader.TokenType == JsonTokenType.Null && !typeof(T).IsValueType
                ? default!
                : valueConverter.Read(ref reader, typeof(T), Options)!;
        }

        return map;
    }

    /// <summary>Keeps a property the spec does not declare, so that nothing the server sends is lost.</summary>
    public static void ReadAdditionalProperty(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? properties)
    {
        var name = reader.GetString()!;
        reader.Read();
        properties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        properties[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>The exception for a non-nullable property that is absent or null.</summary>
    public static JsonException MissingProperty(string wireName, string typeName)
        => new($"The non-nullable property '{wireName}' of {typeName} is missing or null.");

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected)
        => new($"Expected {expected}, but found {Describe(reader.TokenType)} at byte {reader.TokenStartIndex}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

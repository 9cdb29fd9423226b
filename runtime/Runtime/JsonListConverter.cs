using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecClient.Runtime;

/// <summary>A JSON array of items read and written by an item converter; for arrays nested in arrays and array payloads.</summary>
public sealed class JsonListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    private readonly JsonConverter<T> _itemConverter;

    /// <summary>Creates the converter.</summary>
    public JsonListConverter(JsonConverter<T> itemConverter) => _itemConverter = itemConverter;

    /// <inheritdoc/>
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array, but found {reader.TokenType}.");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(_itemConverter.Read(ref reader, typeof(T), options)!);
        }

        return list;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            _itemConverter.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }
}

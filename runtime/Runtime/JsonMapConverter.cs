using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecClient.Runtime;

/// <summary>A JSON object used as a map from string keys to values read and written by a value converter.</summary>
public sealed class JsonMapConverter<T> : JsonConverter<IReadOnlyDictionary<string, T>>
{
    private readonly JsonConverter<T> _valueConverter;

    /// <summary>Creates the converter.</summary>
    public JsonMapConverter(JsonConverter<T> valueConverter) => _valueConverter = valueConverter;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonReading.ReadMapValue(ref reader, _valueConverter);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options)
        => JsonWriting.WriteMapValue(writer, value, _valueConverter);
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecClient.Runtime;

/// <summary>Writing helpers for the generated JSON converters: one call per property, nulls written as null.</summary>
public static class JsonWriting
{
    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteBoolean(name, value.Value);
        }
    }

    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value.Value);
        }
    }

    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void WriteElement(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.Value.WriteTo(writer);
        }
    }

    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void WriteValue<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value, JsonConverter<T> converter)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            converter.Write(writer, value, JsonReading.Options);
        }
    }

    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void WriteNullableStruct<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value, JsonConverter<T> converter)
        where T : struct
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            converter.Write(writer, value.Value, JsonReading.Options);
        }
    }

    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<T>? values, JsonConverter<T> itemConverter)
    {
        writer.WritePropertyName(name);
        if (values is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (var value in values)
        {
            itemConverter.Write(writer, value, JsonReading.Options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one map property; a null value is written as JSON null.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyDictionary<string, T>? values, JsonConverter<T> valueConverter)
    {
        writer.WritePropertyName(name);
        if (values is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteMapValue(writer, values, valueConverter);
        }
    }

    /// <summary>Writes a map as a JSON object, in the map's order.</summary>
    public static void WriteMapValue<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> values, JsonConverter<T> valueConverter)
    {
        writer.WriteStartObject();
        foreach (var entry in values)
        {
            writer.WritePropertyName(entry.Key);
            if (entry.Value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                valueConverter.Write(writer, entry.Value, JsonReading.Options);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes back the properties the spec does not declare, as they were received.</summary>
    public static void WriteAdditionalProperties(Utf8JsonWriter writer, IDictionary<string, JsonElement>? properties)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var property in properties)
        {
            writer.WritePropertyName(property.Key);
            property.Value.WriteTo(writer);
        }
    }
}

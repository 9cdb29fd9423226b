using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecClient.Runtime;

/// <summary>
/// Converters for the spec's scalar types, used for array items and payloads. Unlike the built-in
/// ones they report a token of the wrong kind as <see cref="JsonException"/>.
/// </summary>
public static class ScalarConverters
{
    /// <summary>A JSON string.</summary>
    public static JsonConverter<string> ForString { get; } = new StringConverter();

    /// <summary>A JSON integer, as a 64-bit integer.</summary>
    public static JsonConverter<long> ForInteger { get; } = new Int64Converter();

    /// <summary>A JSON number, as a double.</summary>
    public static JsonConverter<double> ForNumber { get; } = new DoubleConverter();

    /// <summary>true or false.</summary>
    public static JsonConverter<bool> ForBoolean { get; } = new BooleanConverter();

    /// <summary>A date-time string, read as <see cref="DateTimeText"/> describes.</summary>
    public static JsonConverter<DateTimeOffset> ForDateTime { get; } = new DateTimeOffsetConverter();

    /// <summary>Any JSON value, kept as is.</summary>
    public static JsonConverter<JsonElement> ForAny { get; } = new ElementConverter();

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected)
        => new($"Expected {expected}, but found {reader.TokenType} at byte {reader.TokenStartIndex}.");

    private sealed class StringConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unexpected(ref reader, "a string");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class Int64Converter : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Unexpected(ref reader, "an integer");

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class DoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => JsonReading.TryGetFiniteDouble(ref reader, out var value) ? value : throw Unexpected(ref reader, "a number");

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class BooleanConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Unexpected(ref reader, "true or false"),
        };

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => DateTimeText.TryRead(ref reader, out var value) ? value : throw Unexpected(ref reader, "a date-time string");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class ElementConverter : JsonConverter<JsonElement>
    {
        public override bool HandleNull => true;

        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
    }
}

using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
#if NET8_0_OR_GREATER
using CalendarDate = System.DateOnly;
#else
using CalendarDate = System.DateTime;
#endif

namespace SpecClient.Runtime;

/// <summary>
/// A spec's <c>date</c> ("2024-01-02"): <c>DateOnly</c> on .NET 8 and later, a
/// <see cref="DateTime"/> at midnight (Kind Unspecified) on netstandard2.0, where there is no DateOnly.
/// </summary>
public static class DateText
{
    /// <summary>Reads and writes a date as a JSON string, yyyy-MM-dd.</summary>
    public static JsonConverter<CalendarDate> Converter { get; } = new DateConverter();

    /// <summary>A date property; null for JSON null. A date-time string gives its date.</summary>
    public static CalendarDate? Read(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : ReadValue(ref reader);
    }

    /// <summary>The date the reader is on.</summary>
    public static CalendarDate ReadValue(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException($"Expected a date (yyyy-MM-dd), but found {reader.TokenType} at byte {reader.TokenStartIndex}.");

    /// <summary>Writes one property; a null value is written as JSON null.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, CalendarDate? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, Format(value.Value));
        }
    }

    /// <summary>The date as yyyy-MM-dd.</summary>
    public static string Format(CalendarDate value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryParse(string? text, out CalendarDate value)
    {
        value = default;
        // The first ten characters: "2024-01-02", or the date of "2024-01-02T10:00:00Z".
        return text is { Length: >= 10 } && (text.Length == 10 || text[10] is 'T' or 't' or ' ')
            && CalendarDate.TryParseExact(text.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private sealed class DateConverter : JsonConverter<CalendarDate>
    {
        public override CalendarDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

        public override void Write(Utf8JsonWriter writer, CalendarDate value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value));
    }
}

using System;
using System.Globalization;
using System.Text.Json;

namespace SpecClient.Runtime;

/// <summary>
/// Reads date-times as servers really send them: ISO 8601 ("2024-01-02T10:00:00+02:00", "...Z"),
/// and the variants PHP and Java servers write ("+0000" offsets, a space for the 'T'). A value
/// without an offset is read as UTC, never in the machine's time zone.
/// </summary>
public static class DateTimeText
{
    /// <summary>Reads the string the reader is on; false when it is not a date-time.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        // The common case, ISO 8601 with an offset, needs no string.
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && HasOffset(reader.ValueSpan) && reader.TryGetDateTimeOffset(out value))
        {
            return true;
        }

        return TryParse(reader.GetString(), out value);
    }

    /// <summary>Parses a date-time as <see cref="TryRead"/> does.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        // A date first: the framework's parser would take "10:00" as today, which depends on the day.
        if (text is null || text.Length < 10 || !IsDate(text))
        {
            return false;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static bool IsDate(string text)
        => char.IsDigit(text[0]) && char.IsDigit(text[1]) && char.IsDigit(text[2]) && char.IsDigit(text[3]) && text[4] == '-'
            && char.IsDigit(text[5]) && char.IsDigit(text[6]) && text[7] == '-' && char.IsDigit(text[8]) && char.IsDigit(text[9]);

    /// <summary>Ends in "Z" or "+hh:mm"/"-hh:mm".</summary>
    private static bool HasOffset(ReadOnlySpan<byte> text)
        => text.Length > 10 && (text[text.Length - 1] is (byte)'Z' or (byte)'z'
            || (text.Length > 16 && text[text.Length - 3] == (byte)':' && text[text.Length - 6] is (byte)'+' or (byte)'-'));
}

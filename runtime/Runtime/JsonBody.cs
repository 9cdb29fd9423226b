using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecClient.Runtime;

/// <summary>Request bodies as JSON content.</summary>
public static class JsonBody
{
    /// <summary>Serialises <paramref name="value"/> with <paramref name="converter"/> into UTF-8 JSON content.</summary>
    public static HttpContent Create<T>(T value, JsonConverter<T> converter)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            converter.Write(writer, value, JsonReading.Options);
        }

        return WithJsonType(new ByteArrayContent(stream.GetBuffer(), 0, (int)stream.Length));
    }

    /// <summary>An empty JSON object, for endpoints whose body schema declares no properties.</summary>
    public static HttpContent EmptyObject() => WithJsonType(new ByteArrayContent(EmptyObjectBytes));

    // Shared: HttpClient only reads these bytes, so one array serves every request.
    private static readonly byte[] EmptyObjectBytes = { (byte)'{', (byte)'}' };

    /// <summary>
    /// The header as text: each request parses its own value if a handler asks for it. A shared
    /// MediaTypeHeaderValue is mutable, and a handler that set its CharSet once changed every request after.
    /// </summary>
    private static HttpContent WithJsonType(HttpContent content)
    {
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }
}

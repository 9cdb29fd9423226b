using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// Builds a multipart/form-data body: one part per form field, files streamed from the caller's
/// stream. Null values are left out, so optional fields need no branching.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "ToContent hands the content to the transport, which disposes it with the request.")]
public sealed class MultipartBody
{
    private readonly MultipartFormDataContent _content = new();

    /// <summary>Adds a text field; null adds nothing.</summary>
    public MultipartBody Add(string name, string? value)
    {
        if (value is not null)
        {
            // No Content-Type on text parts, as a browser's form sends them.
            AddPart(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), name, fileName: null);
        }

        return this;
    }

    /// <summary>Adds an integer field in invariant culture; null adds nothing.</summary>
    public MultipartBody Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number field in invariant culture, round-trippable; null adds nothing.</summary>
    public MultipartBody Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds true or false; null adds nothing.</summary>
    public MultipartBody Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds an ISO 8601 date-time; null adds nothing.</summary>
    public MultipartBody Add(string name, DateTimeOffset? value) => Add(name, value?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Adds a file part, streamed when the request is sent; null adds nothing.</summary>
    public MultipartBody Add(string name, FilePart? file)
    {
        if (file is not null)
        {
            var part = new CallerStreamContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType ?? "application/octet-stream");
            AddPart(part, name, file.FileName);
        }

        return this;
    }

    /// <summary>The body to send.</summary>
    public HttpContent ToContent() => _content;

    /// <summary>
    /// Adds a part with <c>Content-Disposition: form-data; name="..."; filename="..."</c>, quoted
    /// as browsers write it (MultipartFormDataContent's own Add leaves the name bare and adds filename*).
    /// </summary>
    private void AddPart(HttpContent part, string name, string? fileName)
    {
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = Quote(name),
            FileName = fileName is null ? null : Quote(fileName),
        };
        _content.Add(part);
    }

    /// <summary>A quoted-string for Content-Disposition.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Streams the caller's stream without disposing it: the caller owns it.</summary>
    private sealed class CallerStreamContent : HttpContent
    {
        private readonly Stream _stream;

        public CallerStreamContent(Stream stream) => _stream = stream;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _stream.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = _stream.CanSeek ? _stream.Length - _stream.Position : 0;
            return _stream.CanSeek;
        }
    }
}

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

    /// <summary>Creates an empty body.</summary>
    public MultipartBody()
    {
#if NET8_0_OR_GREATER
        // Part headers in UTF-8, as browsers send a file name such as "Übersicht.pdf".
        _content.HeaderEncodingSelector = static (_, _) => Encoding.UTF8;
#endif
    }

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
    /// Adds a part with <c>Content-Disposition: form-data; name="..."; filename="..."</c>, written as
    /// browsers write it (the HTML standard's multipart encoding): '"', CR and LF percent-encoded,
    /// other characters as they are. MultipartFormDataContent's own Add would leave the name bare,
    /// MIME-encode a non-ASCII file name and refuse one with a quote.
    /// </summary>
    private void AddPart(HttpContent part, string name, string? fileName)
    {
        // Typed parameters, not a raw header: the header is then written without being parsed first.
        var disposition = new ContentDispositionHeaderValue("form-data");
        disposition.Parameters.Add(new NameValueHeaderValue("name", "\"" + Escape(name) + "\""));
        if (fileName is not null)
        {
            disposition.Parameters.Add(new NameValueHeaderValue("filename", "\"" + Escape(fileName) + "\""));
        }

        part.Headers.ContentDisposition = disposition;
        _content.Add(part);
    }

    private static string Escape(string value) => value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>
    /// Streams the caller's stream without disposing it: the caller owns it. A seekable stream is
    /// read from where it stood each time, so a redirect or a retry that sends the body again sends it whole.
    /// </summary>
    private sealed class CallerStreamContent : HttpContent
    {
        private readonly Stream _stream;
        private readonly long _start;

        public CallerStreamContent(Stream stream)
        {
            _stream = stream;
            _start = stream.CanSeek ? stream.Position : 0;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            if (_stream.CanSeek)
            {
                _stream.Position = _start;
            }

            return _stream.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _stream.CanSeek ? _stream.Length - _start : 0;
            return _stream.CanSeek;
        }
    }
}

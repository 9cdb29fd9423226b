using System;
using System.IO;

namespace SpecClient;

/// <summary>
/// A file sent as one part of a multipart/form-data request. The stream is read once, when the
/// request is sent, from its current position; it is streamed, not buffered, and the caller keeps
/// it: SpecClient does not dispose it.
/// </summary>
public sealed class FilePart
{
    /// <summary>A file whose content is read from <paramref name="content"/>.</summary>
    /// <param name="content">The file's bytes, read when the request is sent.</param>
    /// <param name="fileName">The file name the server sees.</param>
    /// <param name="contentType">The part's media type; null sends application/octet-stream.</param>
    public FilePart(Stream content, string fileName, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = contentType;
    }

    /// <summary>The file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>The file name the server sees.</summary>
    public string FileName { get; }

    /// <summary>The part's media type, or null for application/octet-stream.</summary>
    public string? ContentType { get; }

    /// <summary>A file from bytes in memory.</summary>
    public static FilePart FromBytes(byte[] bytes, string fileName, string? contentType = null)
        => new(new MemoryStream(bytes ?? throw new ArgumentNullException(nameof(bytes)), writable: false), fileName, contentType);
}

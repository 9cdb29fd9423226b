using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SpecClient.Client.Tests;

/// <summary>One part of a recorded multipart/form-data body, read with ASP.NET Core's own reader.</summary>
public sealed record MultipartPart(string Name, string? FileName, string? ContentType, byte[] Body)
{
}

/// <summary>Reads the parts of a recorded multipart/form-data request.</summary>
public static class MultipartParts
{
    public static async Task<IReadOnlyList<MultipartPart>> ReadAsync(RecordedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyBytes));
        var parts = new List<MultipartPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            parts.Add(new MultipartPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                body.ToArray()));
        }

        return parts;
    }
}

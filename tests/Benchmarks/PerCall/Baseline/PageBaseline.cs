using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

#pragma warning disable CA1002, CA1034, CA1056, CA1819, CA2227, CS1591 // A hand-written baseline: plain DTOs, as a careful author writes them.

namespace SpecClient.Benchmarks.PageBaseline;

// What a careful author writes by hand for the two page calls: System.Text.Json's source
// generator over set classes, the brackets query built with a StringBuilder, and a
// MultipartFormDataContent with a StreamContent part.

public sealed class Envelope<T>
{
    [JsonPropertyName("success")] public bool Success { get; set; }
    [JsonPropertyName("payload")] public T Payload { get; set; } = default!;
    [JsonPropertyName("product")] public JsonElement? Product { get; set; }
    [JsonPropertyName("debug")] public List<JsonElement>? Debug { get; set; }
}

public sealed class MetadataFilter
{
    public string Name { get; set; } = string.Empty;
    public string Values { get; set; } = string.Empty;
}

public sealed class CustomerPage
{
    [JsonPropertyName("total_pages")] public long TotalPages { get; set; }
    [JsonPropertyName("current_page")] public long CurrentPage { get; set; }
    [JsonPropertyName("total_items")] public long TotalItems { get; set; }
    [JsonPropertyName("items_per_page")] public long ItemsPerPage { get; set; }
    [JsonPropertyName("entries")] public List<Customer> Entries { get; set; } = new();
}

public sealed class Customer
{
    [JsonPropertyName("customer_id")] public string? CustomerId { get; set; }
    [JsonPropertyName("templates")] public List<CustomerTemplate> Templates { get; set; } = new();
    [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class CustomerTemplate
{
    [JsonPropertyName("template_handle")] public string? TemplateHandle { get; set; }
    [JsonPropertyName("user_metadata")] public List<TemplateMetadata> UserMetadata { get; set; } = new();
}

public sealed class TemplateMetadata
{
    [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
    [JsonPropertyName("value")] public string? Value { get; set; }
}

public sealed class UploadResult
{
    [JsonPropertyName("result")] public UploadDetails? Result { get; set; }
    [JsonPropertyName("success")] public bool? Success { get; set; }
    [JsonPropertyName("token")] public string? Token { get; set; }
}

public sealed class UploadDetails
{
    [JsonPropertyName("allFilesFailed")] public bool? AllFilesFailed { get; set; }
    [JsonPropertyName("failedFiles")] public long? FailedFiles { get; set; }
    [JsonPropertyName("failedFilesReasons")] public Dictionary<string, JsonElement>? FailedFilesReasons { get; set; }
    [JsonPropertyName("failedImagesReasons")] public Dictionary<string, JsonElement>? FailedImagesReasons { get; set; }
    [JsonPropertyName("hadSuccess")] public bool? HadSuccess { get; set; }
    [JsonPropertyName("newFiles")] public long? NewFiles { get; set; }
    [JsonPropertyName("unzipped")] public bool? Unzipped { get; set; }
}

[JsonSerializable(typeof(Envelope<CustomerPage>))]
[JsonSerializable(typeof(UploadResult))]
public sealed partial class PageContext : JsonSerializerContext
{
}

public sealed class Client
{
    private readonly HttpClient _http;

    public Client(HttpClient http) => _http = http;

    public Task<Envelope<CustomerPage>> ListCustomersAsync(IReadOnlyList<MetadataFilter>? userMetadata, long? page, long? perPage, CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder("customers");
        var separator = '?';
        for (var i = 0; i < (userMetadata?.Count ?? 0); i++)
        {
            query.Append(separator).Append("user_metadata[").Append(i).Append("][name]=").Append(Uri.EscapeDataString(userMetadata![i].Name));
            query.Append("&user_metadata[").Append(i).Append("][values]=").Append(Uri.EscapeDataString(userMetadata[i].Values));
            separator = '&';
        }

        if (page is not null)
        {
            query.Append(separator).Append("page=").Append(page.Value);
            separator = '&';
        }

        if (perPage is not null)
        {
            query.Append(separator).Append("per_page=").Append(perPage.Value);
        }

        return SendAsync(new HttpRequestMessage(HttpMethod.Get, query.ToString()), PageContext.Default.EnvelopeCustomerPage, cancellationToken);
    }

    public Task<UploadResult> UploadAsync(Stream file, string fileName, bool? force, CancellationToken cancellationToken = default)
    {
        var content = new MultipartFormDataContent();
        var filePart = new StreamContent(file);
        filePart.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(filePart, "fileUpload", fileName);
        content.Add(new StringContent(fileName), "filename");
        if (force is not null)
        {
            content.Add(new StringContent(force.Value ? "true" : "false"), "force");
        }

        return SendAsync(new HttpRequestMessage(HttpMethod.Post, "ccadmin/v1/serverExtensions") { Content = content }, PageContext.Default.UploadResult, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return (await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false))!;
        }
    }
}

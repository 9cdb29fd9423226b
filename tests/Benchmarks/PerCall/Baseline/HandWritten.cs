using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Benchmarks.Baseline;

// A careful hand-written client for the same endpoints: HttpClient, the System.Text.Json source
// generator over classes with set accessors (its fastest shape), [GeneratedRegex] validation
// anchored like SpecClient's, escaped route values, and a typed exception that reads the error.

public sealed class Envelope<T>
{
    [JsonPropertyName("success")] public bool Success { get; set; }
    [JsonPropertyName("payload")] public T Payload { get; set; } = default!;
    [JsonPropertyName("product")] public Product? Product { get; set; }
    [JsonPropertyName("debug")] public List<JsonElement> Debug { get; set; } = new();
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class Product
{
    [JsonPropertyName("requirement")] public string? Requirement { get; set; }
    [JsonPropertyName("permission")] public Permission? Permission { get; set; }
    [JsonPropertyName("limitation_type")] public string? LimitationType { get; set; }
    [JsonPropertyName("limitation_needed_value")] public long? LimitationNeededValue { get; set; }
    [JsonPropertyName("limitation_current_value")] public long? LimitationCurrentValue { get; set; }
    [JsonPropertyName("limitation_object")] public JsonElement? LimitationObject { get; set; }
    [JsonPropertyName("is_cta")] public bool? IsCta { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class Permission
{
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class Submission
{
    [JsonPropertyName("submission_id")] public string? SubmissionId { get; set; }
    [JsonPropertyName("customer_id")] public string? CustomerId { get; set; }
    [JsonPropertyName("customer_name")] public string? CustomerName { get; set; }
    [JsonPropertyName("customer_email")] public string? CustomerEmail { get; set; }
    [JsonPropertyName("source_id")] public string? SourceId { get; set; }
    [JsonPropertyName("source_name")] public string? SourceName { get; set; }
    [JsonPropertyName("source_file_url")] public string? SourceFileUrl { get; set; }
    [JsonPropertyName("target_file_url")] public string? TargetFileUrl { get; set; }
    [JsonPropertyName("error_report_url")] public string? ErrorReportUrl { get; set; }
    [JsonPropertyName("push_report_url")] public string? PushReportUrl { get; set; }
    [JsonPropertyName("target_name")] public string? TargetName { get; set; }
    [JsonPropertyName("template_name")] public string? TemplateName { get; set; }
    [JsonPropertyName("template_item")] public string? TemplateItem { get; set; }
    [JsonPropertyName("template_picture_url")] public string? TemplatePictureUrl { get; set; }
    [JsonPropertyName("rows_in_source")] public long? RowsInSource { get; set; }
    [JsonPropertyName("rows_ignored_from_source")] public long? RowsIgnoredFromSource { get; set; }
    [JsonPropertyName("columns_ignored_from_source")] public long? ColumnsIgnoredFromSource { get; set; }
    [JsonPropertyName("maximum_number_of_columns")] public long MaximumNumberOfColumns { get; set; }
    [JsonPropertyName("rows_in_target")] public long? RowsInTarget { get; set; }
    [JsonPropertyName("rows_in_error")] public long? RowsInError { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("pushed_at")] public DateTimeOffset? PushedAt { get; set; }
    [JsonPropertyName("failed")] public bool Failed { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class Greeting
{
    [JsonPropertyName("hello")] public string Hello { get; set; } = "";
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class PowerFunctionAbort
{
    [JsonPropertyName("impacted_rows")] public long? ImpactedRows { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class Template
{
    [JsonPropertyName("template_handle")] public string? TemplateHandle { get; set; }
    [JsonPropertyName("is_enabled")] public bool IsEnabled { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("picture_url")] public string? PictureUrl { get; set; }
    [JsonPropertyName("user_metadata")] public List<UserMetadata> UserMetadata { get; set; } = new();
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class UserMetadata
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class AbortImportProcess
{
    [JsonPropertyName("success")] public bool? Success { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class ErrorPayload
{
    [JsonPropertyName("error")] public ErrorDetail? Error { get; set; }
    [JsonPropertyName("violations")] public List<Violation>? Violations { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class ErrorDetail
{
    [JsonPropertyName("code")] public string Code { get; set; } = "";
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class Violation
{
    [JsonPropertyName("property_path")] public string PropertyPath { get; set; } = "";
    [JsonPropertyName("invalid_value")] public JsonElement? InvalidValue { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

[JsonSerializable(typeof(Envelope<Submission>))]
[JsonSerializable(typeof(Envelope<Greeting>))]
[JsonSerializable(typeof(Envelope<PowerFunctionAbort>))]
[JsonSerializable(typeof(Envelope<Template>))]
[JsonSerializable(typeof(Envelope<ErrorPayload>))]
[JsonSerializable(typeof(AbortImportProcess))]
[JsonSerializable(typeof(string))]
public sealed partial class HandWrittenContext : JsonSerializerContext
{
}

public sealed class HandWrittenException : Exception
{
    public HandWrittenException(HttpStatusCode status, string body, Envelope<ErrorPayload>? error)
        : base("The call failed with " + (int)status) => (StatusCode, Body, Error) = (status, body, error);

    public HttpStatusCode StatusCode { get; }

    public string Body { get; }

    public Envelope<ErrorPayload>? Error { get; }
}

public sealed partial class HandWrittenClient
{
    private readonly HttpClient _http;

    public HandWrittenClient(HttpClient http) => _http = http;

    [GeneratedRegex(@"\A(?:[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\z", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\A(?:[0-9]+)\z", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Digits();

    public Task<Envelope<Submission>> ReadSubmissionAsync(string submissionId, CancellationToken cancellationToken = default)
    {
        Validate(Uuid(), submissionId, nameof(submissionId));
        return SendAsync(HttpMethod.Get, "sender/submission/" + Uri.EscapeDataString(submissionId), HandWrittenContext.Default.EnvelopeSubmission, cancellationToken);
    }

    public Task<Envelope<PowerFunctionAbort>> AbortAsync(string callId, string callNumber, CancellationToken cancellationToken = default)
    {
        Validate(Uuid(), callId, nameof(callId));
        Validate(Digits(), callNumber, nameof(callNumber));
        return SendAsync(HttpMethod.Post, "power-functions/" + Uri.EscapeDataString(callId) + "/" + Uri.EscapeDataString(callNumber) + "/abort", HandWrittenContext.Default.EnvelopePowerFunctionAbort, cancellationToken);
    }

    public Task<Envelope<Template>> ReadTemplateAsync(string templateHandle, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Get, "template/" + Uri.EscapeDataString(templateHandle), HandWrittenContext.Default.EnvelopeTemplate, cancellationToken);

    public Task<Envelope<Greeting>> HelloAsync(string name, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Get, "en/hello?name=" + Uri.EscapeDataString(name), HandWrittenContext.Default.EnvelopeGreeting, cancellationToken);

    public Task<AbortImportProcess> AbortImportProcessAsync(string token, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Post, "ccadmin/v1/importProcess/" + Uri.EscapeDataString(token) + "/abort", HandWrittenContext.Default.AbortImportProcess, cancellationToken, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

    private static void Validate(Regex pattern, string value, string name)
    {
        if (!pattern.IsMatch(value))
        {
            throw new ArgumentException($"\"{value}\" does not match the documented pattern.", name);
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Envelope<ErrorPayload>? error = null;
            try
            {
                error = JsonSerializer.Deserialize(body, HandWrittenContext.Default.EnvelopeErrorPayload);
            }
            catch (JsonException)
            {
            }

            throw new HandWrittenException(response.StatusCode, body, error);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false))!;
    }
}

using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using SpecClient.Runtime;
using WeTransform.Client;

namespace SpecClient.Benchmarks;

/// <summary>
/// Reading the documented submission response, the largest seed payload: the generated converters
/// against the System.Text.Json source generator's metadata (what JsonMetadataServices-based
/// emission would produce) over records of the same shape, with init and with set accessors.
/// The source generator cannot bind [JsonExtensionData] to an init accessor, so that one has a setter.
/// The set classes are the hand-written client's (Baseline/HandWritten.cs).
/// </summary>
[MemoryDiagnoser]
public class JsonReadBenchmarks
{
    private static readonly JsonConverter<WeTransformResponse<SubmissionsRead.Submission>> Generated =
        new WeTransformResponseJsonConverter<SubmissionsRead.Submission>(SubmissionsRead.SubmissionJsonConverter.Instance);

    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(JsonReadBenchmarks).Assembly.GetManifestResourceStream("Responses.submission.json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _body = copy.ToArray();
    }

    [Benchmark(Baseline = true, Description = "STJ source generator, init")]
    public object? SourceGeneratedInit() => JsonSerializer.Deserialize(_body, BaselineContext.Default.EnvelopeInit);

    [Benchmark(Description = "STJ source generator, set")]
    public object? SourceGeneratedSet() => JsonSerializer.Deserialize(_body, Baseline.HandWrittenContext.Default.EnvelopeSubmission);

    [Benchmark(Description = "SpecClient generated converter")]
    public object? GeneratedConverter() => JsonReading.ReadDocument(_body, Generated);
}

public sealed record EnvelopeInit
{
    [JsonPropertyName("success")] public required bool Success { get; init; }
    [JsonPropertyName("payload")] public required SubmissionInit Payload { get; init; }
    [JsonPropertyName("product")] public ProductInit? Product { get; init; }
    [JsonPropertyName("debug")] public required IReadOnlyList<JsonElement> Debug { get; init; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record ProductInit
{
    [JsonPropertyName("requirement")] public string? Requirement { get; init; }
    [JsonPropertyName("permission")] public PermissionInit? Permission { get; init; }
    [JsonPropertyName("limitation_type")] public string? LimitationType { get; init; }
    [JsonPropertyName("limitation_needed_value")] public long? LimitationNeededValue { get; init; }
    [JsonPropertyName("limitation_current_value")] public long? LimitationCurrentValue { get; init; }
    [JsonPropertyName("limitation_object")] public JsonElement? LimitationObject { get; init; }
    [JsonPropertyName("is_cta")] public bool? IsCta { get; init; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record PermissionInit
{
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record SubmissionInit
{
    [JsonPropertyName("submission_id")] public string? SubmissionId { get; init; }
    [JsonPropertyName("customer_id")] public string? CustomerId { get; init; }
    [JsonPropertyName("customer_name")] public string? CustomerName { get; init; }
    [JsonPropertyName("customer_email")] public string? CustomerEmail { get; init; }
    [JsonPropertyName("source_id")] public string? SourceId { get; init; }
    [JsonPropertyName("source_name")] public string? SourceName { get; init; }
    [JsonPropertyName("source_file_url")] public string? SourceFileUrl { get; init; }
    [JsonPropertyName("target_file_url")] public string? TargetFileUrl { get; init; }
    [JsonPropertyName("error_report_url")] public string? ErrorReportUrl { get; init; }
    [JsonPropertyName("push_report_url")] public string? PushReportUrl { get; init; }
    [JsonPropertyName("target_name")] public string? TargetName { get; init; }
    [JsonPropertyName("template_name")] public string? TemplateName { get; init; }
    [JsonPropertyName("template_item")] public string? TemplateItem { get; init; }
    [JsonPropertyName("template_picture_url")] public string? TemplatePictureUrl { get; init; }
    [JsonPropertyName("rows_in_source")] public long? RowsInSource { get; init; }
    [JsonPropertyName("rows_ignored_from_source")] public long? RowsIgnoredFromSource { get; init; }
    [JsonPropertyName("columns_ignored_from_source")] public long? ColumnsIgnoredFromSource { get; init; }
    [JsonPropertyName("maximum_number_of_columns")] public required long MaximumNumberOfColumns { get; init; }
    [JsonPropertyName("rows_in_target")] public long? RowsInTarget { get; init; }
    [JsonPropertyName("rows_in_error")] public long? RowsInError { get; init; }
    [JsonPropertyName("created_at")] public System.DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("pushed_at")] public System.DateTimeOffset? PushedAt { get; init; }
    [JsonPropertyName("failed")] public required bool Failed { get; init; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

[JsonSerializable(typeof(EnvelopeInit))]
internal sealed partial class BaselineContext : JsonSerializerContext
{
}

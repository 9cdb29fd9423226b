using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SpecClient.Runtime;

/// <summary>
/// The ActivitySource and Meter of one API, both named after its client (say
/// "WeTransform.Client.WeTransformClient"). Generated code keeps one per API in a static field.
/// With no listener, a call asks two flags and records nothing.
/// </summary>
public sealed class ApiTelemetry
{
    /// <summary>The name of the histogram of call durations, in seconds.</summary>
    public const string DurationInstrument = "specclient.client.operation.duration";

    /// <summary>The name of the counter of successes whose body did not match the spec.</summary>
    public const string MalformedResponsesInstrument = "specclient.client.malformed_responses";

    /// <summary>The attribute holding the operation's name ("Submissions.Read").</summary>
    public const string OperationAttribute = "specclient.operation.name";

    /// <summary>The error.type of a success status whose body did not match the spec.</summary>
    public const string MalformedResponseError = "malformed_response";

    // HttpClient's own http.client.request.duration buckets, so that the two histograms line up.
    private static readonly double[] DurationBuckets = { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 };

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _malformedResponses;

    /// <param name="name">The name of the ActivitySource and of the Meter.</param>
    public ApiTelemetry(string name)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        var version = typeof(ApiTelemetry).Assembly.GetName().Version?.ToString();
        Source = new ActivitySource(name, version);
        Meter = new Meter(name, version);
        _duration = Meter.CreateHistogram(
            DurationInstrument,
            unit: "s",
            description: "Duration of the API's operations, from sending the request to reading the response, retries included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _malformedResponses = Meter.CreateCounter<long>(MalformedResponsesInstrument, unit: "{response}", description: "Successes whose body did not match the spec.");
    }

    /// <summary>The name of the ActivitySource and of the Meter.</summary>
    public string Name { get; }

    /// <summary>Starts one span per call.</summary>
    public ActivitySource Source { get; }

    /// <summary>Holds the duration histogram and the malformed-response counter.</summary>
    public Meter Meter { get; }

    /// <summary>Starts the telemetry of one call: a span when someone listens to the source.</summary>
    internal Activity? StartCall(ApiOperation operation, Uri baseAddress)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // Given at the start, so that samplers see them too.
        var method = RequestMethod(operation);
        var tags = new List<KeyValuePair<string, object?>>(6)
        {
            new("http.request.method", method),
            new("url.template", operation.PathTemplate),
            new("server.address", baseAddress.Host),
            new("server.port", baseAddress.Port),
            new(OperationAttribute, operation.Name),
        };
        if (method == OtherMethod)
        {
            tags.Add(new("http.request.method_original", operation.Method.Method));
        }

        return Source.StartActivity(operation.Name, ActivityKind.Internal, parentContext: default, tags);
    }

    /// <summary>Whether anyone listens to the instruments, so that a call's end must be recorded.</summary>
    internal bool HasMetricListeners => _duration.Enabled || _malformedResponses.Enabled;

    /// <summary>Ends a call's span and records its duration.</summary>
    /// <param name="activity">The call's span, or null.</param>
    /// <param name="operation">The endpoint.</param>
    /// <param name="baseAddress">Where the request went.</param>
    /// <param name="status">The response's status, or null when none arrived.</param>
    /// <param name="errorType">The error.type of a failure, or null for a success.</param>
    /// <param name="exception">What the caller receives, or null for a success.</param>
    /// <param name="elapsed">The call's duration, when it was timed.</param>
    internal void EndCall(Activity? activity, ApiOperation operation, Uri baseAddress, int? status, string? errorType, Exception? exception, TimeSpan? elapsed)
    {
        if (activity is not null)
        {
            if (status is { } code)
            {
                activity.SetTag("http.response.status_code", code);
            }

            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error, exception?.GetType().Name);
                if (exception is not null)
                {
                    activity.AddException(exception);
                }
            }

            activity.Dispose();
        }

        if (errorType == MalformedResponseError && _malformedResponses.Enabled)
        {
            _malformedResponses.Add(1, Tags(operation, baseAddress, status, errorType));
        }

        if (elapsed is { } duration && _duration.Enabled)
        {
            _duration.Record(duration.TotalSeconds, Tags(operation, baseAddress, status, errorType));
        }
    }

    /// <summary>The error.type of a failure: the status for an error status, else what went wrong.</summary>
    internal static string ErrorType(Exception exception) => exception switch
    {
        ApiException { IsMalformedResponse: true } => MalformedResponseError,
        ApiException api => ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    private static TagList Tags(ApiOperation operation, Uri baseAddress, int? status, string? errorType)
    {
        var tags = new TagList
        {
            { OperationAttribute, operation.Name },
            { "http.request.method", RequestMethod(operation) },
            { "url.template", operation.PathTemplate },
            { "server.address", baseAddress.Host },
            { "server.port", baseAddress.Port },
        };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        return tags;
    }

    /// <summary>The method as the conventions want it: a known one as it is, any other "_OTHER".</summary>
    private static string RequestMethod(ApiOperation operation) => operation.Method.Method switch
    {
        "GET" or "POST" or "PUT" or "DELETE" or "PATCH" or "HEAD" or "OPTIONS" or "TRACE" or "CONNECT" => operation.Method.Method,
        _ => OtherMethod,
    };

    private const string OtherMethod = "_OTHER";
}

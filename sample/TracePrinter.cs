using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace SpecClient.Sample;

/// <summary>
/// Prints each call's span as it ends, with HttpClient's spans beneath it: what an OpenTelemetry
/// exporter would send to a dashboard. A plain ActivityListener, so the sample needs no SDK.
/// </summary>
internal sealed class TracePrinter : IDisposable
{
    private const string HttpClientSource = "System.Net.Http";

    private readonly HashSet<string> _apiSources;
    private readonly ConcurrentDictionary<ActivitySpanId, ConcurrentQueue<Activity>> _children = new();
    private readonly ActivityListener _listener;

    public TracePrinter(params string[] apiSources)
    {
        _apiSources = new HashSet<string>(apiSources, StringComparer.Ordinal);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => _apiSources.Contains(source.Name) || source.Name == HttpClientSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        if (!_apiSources.Contains(activity.Source.Name))
        {
            _children.GetOrAdd(activity.ParentSpanId, _ => new ConcurrentQueue<Activity>()).Enqueue(activity);
            return;
        }

        var error = activity.GetTagItem("error.type") is { } type ? $", error.type={type}" : string.Empty;
        Console.WriteLine($"  [span] {activity.DisplayName} ({activity.Kind}) {activity.GetTagItem("http.request.method")} {activity.GetTagItem("url.template")} -> {activity.GetTagItem("http.response.status_code") ?? "no response"}{error}, {Milliseconds(activity)}, status {activity.Status}");
        if (_children.TryRemove(activity.SpanId, out var children))
        {
            foreach (var child in children.OrderBy(c => c.StartTimeUtc))
            {
                Console.WriteLine($"    [span] {child.DisplayName} ({child.Kind}, {child.Source.Name}) -> {child.GetTagItem("http.response.status_code") ?? "no response"}, {Milliseconds(child)}");
            }
        }
    }

    private static string Milliseconds(Activity activity) => activity.Duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}

using System;
using System.Net.Http;

namespace SpecClient.Runtime;

/// <summary>
/// One endpoint as its spec declares it: the operation's name, method and path template. Generated
/// code keeps one per endpoint in a static field, so that traces, metrics and logs name the
/// operation and its route template (low-cardinality) rather than the URL of each call.
/// </summary>
public sealed class ApiOperation
{
    /// <param name="name">The operation's name, "Group.Endpoint" as the spec names them.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The spec's path, placeholders and all: "/orders/{orderId}".</param>
    public ApiOperation(string name, HttpMethod method, string pathTemplate)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Method = method ?? throw new ArgumentNullException(nameof(method));
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
    }

    /// <summary>The operation's name: "Submissions.Read".</summary>
    public string Name { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The spec's path with its placeholders: "/sender/submission/{submissionId}".</summary>
    public string PathTemplate { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

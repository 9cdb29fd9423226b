using System;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// HttpClient.Timeout over a whole call, body included. Responses are read as they arrive
/// (ResponseHeadersRead), where HttpClient's own timeout stops at the headers; so a body trickled
/// over minutes would hold a call that its client says must end in seconds.
/// </summary>
internal static class CallTimeout
{
    /// <summary>A source that cancels when the client's timeout elapses or the caller cancels; null for an infinite timeout.</summary>
    public static CancellationTokenSource? Start(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        var source = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>Whether a cancellation came through the call's own source (its timeout, or the caller's token linked to it).</summary>
    public static bool Owns(CancellationTokenSource? timeout, OperationCanceledException cancelled)
        => timeout is not null && cancelled.CancellationToken == timeout.Token;

    /// <summary>
    /// What the caller sees, as HttpClient would show it: a cancellation of their own token carries
    /// that token; an elapsed timeout is a TaskCanceledException with a TimeoutException inside.
    /// </summary>
    public static OperationCanceledException Translate(TimeSpan timeout, OperationCanceledException cancelled, CancellationToken cancellationToken)
        => cancellationToken.IsCancellationRequested
            ? new OperationCanceledException(cancelled.Message, cancelled.InnerException, cancellationToken)
            : new TaskCanceledException($"The request was canceled due to the configured HttpClient.Timeout of {timeout.TotalSeconds} seconds elapsing.", new TimeoutException(cancelled.Message, cancelled));
}

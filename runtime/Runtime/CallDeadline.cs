using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// HttpClient.Timeout over the body too. Responses are read as they arrive (ResponseHeadersRead),
/// where HttpClient's own timeout stops at the headers, so a body trickled over minutes would hold
/// a call its client says must end in seconds. A deadline costs nothing until a read has to wait:
/// only then does a guard start, which closes the body stream when the time is up.
/// </summary>
internal readonly struct CallDeadline
{
    private readonly long _start;
    private readonly TimeSpan _timeout;

    private CallDeadline(long start, TimeSpan timeout)
    {
        _start = start;
        _timeout = timeout;
    }

    /// <summary>A deadline <paramref name="timeout"/> from now; an infinite timeout never ends.</summary>
    public static CallDeadline Start(TimeSpan timeout) => new(Stopwatch.GetTimestamp(), timeout);

    /// <summary>The time since the call started.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - _start) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

    /// <summary>A guard that closes <paramref name="stream"/> when the deadline passes; null when there is none.</summary>
    public Guard? Watch(Stream stream)
    {
        if (_timeout == Timeout.InfiniteTimeSpan || _timeout <= TimeSpan.Zero)
        {
            return null;
        }

        return new Guard(stream, _timeout, _timeout - Elapsed);
    }

    /// <summary>Closes a body stream when the call's time is up, and says so.</summary>
    internal sealed class Guard : IDisposable
    {
        private readonly CancellationTokenSource _timer = new();
        private readonly CancellationTokenRegistration _registration;
        private readonly TimeSpan _timeout;

        public Guard(Stream stream, TimeSpan timeout, TimeSpan remaining)
        {
            _timeout = timeout;
            _registration = _timer.Token.Register(static state => ((Stream)state!).Dispose(), stream);
            _timer.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }

        /// <summary>Whether the deadline passed (and the stream was closed).</summary>
        public bool Elapsed => _timer.IsCancellationRequested;

        /// <summary>What HttpClient throws when its timeout elapses: a TaskCanceledException with a TimeoutException inside.</summary>
        public TaskCanceledException Exception(Exception cause)
            => new($"The request was canceled due to the configured HttpClient.Timeout of {_timeout.TotalSeconds} seconds elapsing.", new TimeoutException("The response body did not arrive in time.", cause));

        public void Dispose()
        {
            _registration.Dispose();
            _timer.Dispose();
        }
    }
}

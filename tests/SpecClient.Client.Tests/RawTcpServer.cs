using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Client.Tests;

/// <summary>
/// A server on 127.0.0.1 that answers each connection with scripted bytes: what Kestrel would
/// never send (a body that trickles or breaks off, a Content-Length that lies), for fault tests.
/// </summary>
public sealed class RawTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<NetworkStream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = new();
    private readonly Task _accepting;

    private RawTcpServer(Func<NetworkStream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Starts a server that reads each request's head and then runs <paramref name="respond"/> on the connection.</summary>
    public static RawTcpServer Start(Func<NetworkStream, CancellationToken, Task> respond) => new(respond);

    /// <summary>A client whose base address is this server.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/") };

    /// <summary>Writes ASCII text.</summary>
    public static Task WriteAsync(NetworkStream stream, string text, CancellationToken cancellationToken)
        => stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken).AsTask();

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_connections)
                {
                    _connections.Add(ServeAsync(client));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                await ReadRequestHeadAsync(stream, _stop.Token);
                await _respond(stream, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or System.IO.IOException or SocketException)
            {
                // The client went away, or the test ended: either is what a fault test expects.
            }
        }
    }

    /// <summary>Reads up to the blank line that ends the request head (the tests send no request bodies).</summary>
    private static async Task ReadRequestHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var last = new Queue<byte>(4);
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            last.Enqueue(one[0]);
            if (last.Count > 4)
            {
                last.Dequeue();
            }

            if (last.Count == 4 && Encoding.ASCII.GetString(last.ToArray()) == "\r\n\r\n")
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections)
        {
            connections = _connections.ToArray();
        }

        await Task.WhenAll(connections);
        _stop.Dispose();
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// A response body read into a pooled buffer: parsed in place, and copied only when it must
/// outlive the call (into an exception). Return it to the pool once read.
/// </summary>
internal readonly struct ResponseBody
{
    private readonly byte[] _buffer;
    private readonly int _length;

    private ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => new(_buffer, 0, _length);

    /// <summary>Reads the whole body; more than <paramref name="maxBytes"/> (the client's MaxResponseContentBufferSize) throws, as HttpClient does.</summary>
    public static async Task<ResponseBody> ReadAsync(HttpContent content, long maxBytes, CallDeadline deadline, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

#if NET8_0_OR_GREATER
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using (stream)
        {
            // One byte more than announced, so that the end is seen without growing the buffer.
            var announced = content.Headers.ContentLength;
            var buffer = ArrayPool<byte>.Shared.Rent(announced is > 0 and < 16 * 1024 * 1024 ? (int)announced.Value + 1 : 4096);
            var length = 0;
            CallDeadline.Guard? guard = null;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var pending = Read(stream, buffer, length, buffer.Length - length, cancellationToken);
                    if (!pending.IsCompleted)
                    {
                        guard ??= deadline.Watch(stream);
                    }

                    var read = await pending.ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new ResponseBody(buffer, length);
                    }

                    length += read;
                    if (length > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }
                }
            }
            catch (Exception e) when (guard is { Elapsed: true } && !cancellationToken.IsCancellationRequested)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw guard.Exception(e);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
            finally
            {
                guard?.Dispose();
            }
        }
    }

    /// <summary>
    /// Reads an error body for an exception to keep: its first <paramref name="keepBytes"/> bytes,
    /// and how many arrived in all (up to <paramref name="maxBytes"/>, where reading stops). A
    /// connection that breaks mid-body ends the read with what came, and the error, so that the
    /// status is not lost. Cancellation still throws.
    /// </summary>
    public static async Task<(byte[] Kept, long Length, Exception? Error)> ReadErrorAsync(HttpContent content, int keepBytes, long maxBytes, CallDeadline deadline, CancellationToken cancellationToken)
    {
        CallDeadline.Guard? guard = null;
        var announced = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(announced is > 0 && announced < keepBytes ? (int)announced.Value + 1 : 4096);
        byte[]? discard = null;
        var kept = 0;
        long length = 0;
        try
        {
#if NET8_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            while (length < maxBytes)
            {
                if (kept == buffer.Length && kept < keepBytes)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, keepBytes));
                    Buffer.BlockCopy(buffer, 0, larger, 0, kept);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                // Past what is kept, the rest is only counted.
                var (target, offset) = kept < Math.Min(buffer.Length, keepBytes) ? (buffer, kept) : (discard ??= ArrayPool<byte>.Shared.Rent(16 * 1024), 0);
                var room = target == buffer ? Math.Min(buffer.Length, keepBytes) - kept : target.Length;
                var pending = Read(stream, target, offset, room, cancellationToken);
                if (!pending.IsCompleted)
                {
                    guard ??= deadline.Watch(stream);
                }

                var read = await pending.ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                kept += target == buffer ? read : 0;
                length += read;
            }

            return (new ReadOnlySpan<byte>(buffer, 0, kept).ToArray(), length, null);
        }
        catch (Exception e) when (guard is { Elapsed: true } && !cancellationToken.IsCancellationRequested)
        {
            throw guard.Exception(e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return (new ReadOnlySpan<byte>(buffer, 0, kept).ToArray(), length, e);
        }
        finally
        {
            guard?.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
            if (discard is not null)
            {
                ArrayPool<byte>.Shared.Return(discard);
            }
        }
    }

    /// <summary>One read; the caller starts the deadline's guard only when it does not complete at once.</summary>
    private static ValueTask<int> Read(Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
#if NET8_0_OR_GREATER
        => stream.ReadAsync(buffer.AsMemory(offset, count), cancellationToken);
#else
        => new(stream.ReadAsync(buffer, offset, count, cancellationToken));
#endif

    private static HttpRequestException TooLarge(long maxBytes)
        => new($"The response body is larger than the client's MaxResponseContentBufferSize of {maxBytes} bytes. Raise HttpClient.MaxResponseContentBufferSize to read it.");

    /// <summary>A copy that outlives the pooled buffer, for an exception to keep.</summary>
    public byte[] ToArray() => Span.ToArray();

    public void Return() => ArrayPool<byte>.Shared.Return(_buffer);
}

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

    public static async Task<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
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

#if NET8_0_OR_GREATER
                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        return new ResponseBody(buffer, length);
                    }

                    length += read;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
    }

    /// <summary>A copy that outlives the pooled buffer, for an exception to keep.</summary>
    public byte[] ToArray() => Span.ToArray();

    public void Return() => ArrayPool<byte>.Shared.Return(_buffer);
}

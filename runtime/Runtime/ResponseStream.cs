using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SpecClient.Runtime;

/// <summary>
/// A downloaded body, read as it arrives: disposing it disposes the response, which frees the
/// connection. The caller owns it.
/// </summary>
internal sealed class ResponseStream : Stream
{
    private readonly Stream _body;
    private readonly HttpResponseMessage _response;

    public ResponseStream(Stream body, HttpResponseMessage response)
    {
        _body = body;
        _response = response;
    }

    public override bool CanRead => _body.CanRead;

    public override bool CanSeek => _body.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _body.Length;

    public override long Position
    {
        get => _body.Position;
        set => _body.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => _body.ReadAsync(buffer, offset, count, cancellationToken);

#if NET8_0_OR_GREATER
    public override int Read(Span<byte> buffer) => _body.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => _body.ReadAsync(buffer, cancellationToken);
#endif

    public override long Seek(long offset, SeekOrigin origin) => _body.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}

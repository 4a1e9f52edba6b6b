namespace Ricord.Tests.Storage;

/// <summary>A read-only forward stream (like a network body) that can fail after a number of bytes.</summary>
internal sealed class UnseekableStream(Stream inner, long failAfter = long.MaxValue) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_read >= failAfter)
        {
            throw new IOException("Simulated failure in the middle of the stream.");
        }

        var n = inner.Read(buffer, offset, (int)Math.Min(count, Math.Max(1, failAfter - _read)));
        _read += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

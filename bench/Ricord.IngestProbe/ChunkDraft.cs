using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>A draft buffered in memory in 1 MB chunks from a shared pool (no growth copies), for the packed prototype.</summary>
internal sealed class ChunkDraft : BlobDraft
{
    private static readonly System.Collections.Concurrent.ConcurrentBag<byte[]> Pool = [];
    private readonly ChunkStream _stream = new();

    public override Stream Content => _stream;

    public IEnumerable<ReadOnlyMemory<byte>> Segments => _stream.Segments;

    protected override ValueTask DisposeAsyncCore()
    {
        foreach (var c in _stream.Chunks)
        {
            Pool.Add(c);
        }

        _stream.Chunks.Clear();
        return ValueTask.CompletedTask;
    }

    private sealed class ChunkStream : Stream
    {
        private const int ChunkSize = 1 << 20;
        private int _used = ChunkSize;

        public List<byte[]> Chunks { get; } = [];

        public IEnumerable<ReadOnlyMemory<byte>> Segments => Chunks.Select((c, i) => (ReadOnlyMemory<byte>)c.AsMemory(0, i == Chunks.Count - 1 ? _used : ChunkSize));

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                if (_used == ChunkSize)
                {
                    Chunks.Add(Pool.TryTake(out var c) ? c : GC.AllocateUninitializedArray<byte>(ChunkSize));
                    _used = 0;
                }

                int n = Math.Min(buffer.Length, ChunkSize - _used);
                buffer[..n].CopyTo(Chunks[^1].AsSpan(_used));
                _used += n;
                buffer = buffer[n..];
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }
    }
}

using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>Prototype of a packed layout: each draft is buffered in memory; a batch is appended to one new pack
/// file with one write, one fsync of the file and one of its folder. No index of offsets (the probe only writes).</summary>
internal sealed class PackedBlobStore(string root) : WriteOnlyBlobStore
{
    private int _next;

    public override Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct) => Task.FromResult<BlobDraft>(new ChunkDraft());

    public override async Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        string path = Path.Combine(root, $"pack{Interlocked.Increment(ref _next):D6}");
        using (var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
        {
            var buffers = new List<ReadOnlyMemory<byte>>();
            foreach (ChunkDraft d in drafts)
            {
                buffers.AddRange(d.Segments);
            }

            await RandomAccess.WriteAsync(handle, buffers, 0, ct);
            RandomAccess.FlushToDisk(handle);
        }

        DirectorySync.Flush(root);
    }
}

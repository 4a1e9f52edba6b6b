using System.Globalization;
using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>The real store's write path (temp file, 16 concurrent fsyncs, rename into a shard folder, fsync of each
/// distinct folder) with a choice of shard count or, as an experiment only (not durable under POSIX), one folder
/// fsync per batch: what the folder fsyncs cost.</summary>
internal sealed class ShardedBlobStore : WriteOnlyBlobStore
{
    private readonly string _root;
    private readonly int _shardChars;
    private readonly bool _oneFolderSync;
    private int _next;

    /// <summary>A store under <paramref name="root"/> with 256 shard folders (two hex characters, the real layout)
    /// or 16 (one); <paramref name="oneFolderSync"/>: fsync only one folder per batch.</summary>
    public ShardedBlobStore(string root, int shards, bool oneFolderSync)
    {
        (_root, _shardChars, _oneFolderSync) = (root, shards == 256 ? 2 : 1, oneFolderSync);
        Directory.CreateDirectory(Path.Combine(root, "writes"));
        for (int i = 0; i < shards; i++)
        {
            Directory.CreateDirectory(Path.Combine(root, i.ToString("x" + _shardChars, CultureInfo.InvariantCulture)));
        }
    }

    public override Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct) =>
        Task.FromResult<BlobDraft>(new FileOnlyDraft(Path.Combine(_root, "writes", $"d{Interlocked.Increment(ref _next)}.tmp")));

    public override async Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct)
    {
        var files = drafts.Cast<FileOnlyDraft>().ToList();
        await ConcurrentSync.ForEachAsync(files, d =>
        {
            d.Stream.Flush(flushToDisk: true);
            d.Stream.Dispose();
        }, ct);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in files)
        {
            string name = d.Key[(d.Key.LastIndexOf('/') + 1)..];
            string folder = Path.Combine(_root, name[.._shardChars]);
            File.Move(d.Path, Path.Combine(folder, name), overwrite: true);
            folders.Add(folder);
        }

        var list = _oneFolderSync ? folders.Take(1).ToList() : [.. folders];
        await ConcurrentSync.ForEachAsync(list, DirectorySync.Flush, ct);
    }
}

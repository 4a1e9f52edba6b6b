namespace Ricord.Storage;

/// <summary>Group writes: many blobs made durable with shared fsyncs (ingest's group commit, docs/ingest.md).</summary>
public sealed partial class FileSystemBlobStore
{
    /// <summary>A temp file in the writes folder; renamed into its shard folder when stored.</summary>
    public Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var trimmed = prefix.Trim('/');
        if (trimmed.Length > 0)
        {
            BlobKey.Validate(trimmed);
        }

        return Task.FromResult<BlobDraft>(new FileDraft(NewTempPath("draft")));
    }

    /// <summary>
    /// Stores the drafts: (1) fsync of every new blob's temp file, concurrently; (2) rename of each into its shard
    /// folder without overwriting; (3) one fsync per distinct folder, concurrently. After (1) the bytes are on disk,
    /// so no name can ever point at a partial blob; after (3) every name is durable. A key that already exists keeps
    /// its blob and the draft is dropped, but its folder is fsynced too: the blob may have just been renamed there
    /// by a concurrent writer that has not yet made the entry durable.
    /// </summary>
    public async Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var fresh = new List<(FileDraft Draft, string Path)>();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var file = draft as FileDraft ?? throw new ArgumentException("The draft was not created by this store.", nameof(drafts));
            if (Find(file.Key) is { } existing)
            {
                folders.Add(Path.GetDirectoryName(existing)!);
                continue;
            }

            fresh.Add((file, ShardedPathOf(file.Key)));
        }

        await ConcurrentSync.ForEachAsync(fresh, f => f.Draft.SyncAndClose(), ct).ConfigureAwait(false);
        foreach (var (draft, path) in fresh)
        {
            var dir = Path.GetDirectoryName(path)!;
            EnsureDurableDirectory(dir, IsSharded(draft.Key));
            draft.MoveTo(path);
            folders.Add(dir);
        }

        await ConcurrentSync.ForEachAsync([.. folders], DirectorySync.Flush, ct).ConfigureAwait(false);
    }
}

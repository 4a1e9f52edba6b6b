using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>Times every call of an inner blob store. With <c>durable: false</c> a Put writes the file
/// under the same sharded path without fsync of file or folder (an experiment: what fsync costs); drafts, which
/// the pipeline uses, are always stored durably (their group store is what is measured).</summary>
internal sealed class TimedBlobStore(FileSystemBlobStore inner, StageClock clock, bool durable) : IBlobStore
{
    public Task PutAsync(string key, Stream content, CancellationToken ct) => clock.TimeAsync(durable ? "blob put (fsync)" : "blob put (no fsync)", async () =>
    {
        if (durable)
        {
            await inner.PutAsync(key, content, ct).ConfigureAwait(false);
            return;
        }

        string path = inner.PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            await content.CopyToAsync(file, ct).ConfigureAwait(false);
        }
    });

    public Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct) => inner.CreateDraftAsync(prefix, ct);

    public Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct) =>
        clock.TimeAsync("blob store batch", () => inner.StoreAsync(drafts, ct));

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct) => inner.OpenReadAsync(key, ct);

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => clock.TimeAsync("blob exists", () => inner.ExistsAsync(key, ct));

    public Task<bool> DeleteAsync(string key, CancellationToken ct) => inner.DeleteAsync(key, ct);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct) => inner.ListAsync(prefix, ct);

    public Task<int> SweepAbandonedWritesAsync(TimeSpan olderThan, CancellationToken ct) => inner.SweepAbandonedWritesAsync(olderThan, ct);
}

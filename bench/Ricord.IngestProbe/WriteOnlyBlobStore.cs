using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>A store the probe only writes to: drafts and group stores are what each experiment varies; nothing is
/// ever read, listed, deleted or swept.</summary>
internal abstract class WriteOnlyBlobStore : IBlobStore
{
    public abstract Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct);

    public abstract Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct);

    public Task PutAsync(string key, Stream content, CancellationToken ct) => throw new NotSupportedException("The probe's stores take drafts only.");

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct) => throw new BlobNotFoundException(key);

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(false);

    public Task<bool> DeleteAsync(string key, CancellationToken ct) => Task.FromResult(false);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct) => AsyncEnumerable.Empty<string>();

    public Task<int> SweepAbandonedWritesAsync(TimeSpan olderThan, CancellationToken ct) => Task.FromResult(0);
}

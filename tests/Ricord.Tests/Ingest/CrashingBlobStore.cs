using Ricord.Storage;

namespace Ricord.Tests.Ingest;

/// <summary>Simulates a process that dies right after blob writes reached the store and before the catalog
/// transaction that indexes them: after <paramref name="putsBeforeCrash"/> new blobs, the next write (a put, or a
/// group of drafts stored together) completes and then throws, and so does every call after it. Blobs that
/// existed already are not counted: storing them writes nothing.</summary>
internal sealed class CrashingBlobStore(IBlobStore inner, int putsBeforeCrash) : IBlobStore
{
    private int _puts;

    public bool Crashed => Volatile.Read(ref _puts) > putsBeforeCrash;

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        ThrowIfCrashed();
        await inner.PutAsync(key, content, ct);
        if (Interlocked.Increment(ref _puts) > putsBeforeCrash)
        {
            throw new SimulatedCrashException();
        }
    }

    public Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct)
    {
        ThrowIfCrashed();
        return inner.CreateDraftAsync(prefix, ct);
    }

    public async Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct)
    {
        ThrowIfCrashed();
        int fresh = 0;
        foreach (var draft in drafts)
        {
            fresh += await inner.ExistsAsync(draft.Key, ct) ? 0 : 1;
        }

        await inner.StoreAsync(drafts, ct);
        if (fresh > 0 && Interlocked.Add(ref _puts, fresh) > putsBeforeCrash)
        {
            throw new SimulatedCrashException();
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        ThrowIfCrashed();
        return inner.OpenReadAsync(key, ct);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        ThrowIfCrashed();
        return inner.ExistsAsync(key, ct);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct)
    {
        ThrowIfCrashed();
        return inner.DeleteAsync(key, ct);
    }

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct) => inner.ListAsync(prefix, ct);

    public Task<int> SweepAbandonedWritesAsync(TimeSpan olderThan, CancellationToken ct)
    {
        ThrowIfCrashed();
        return inner.SweepAbandonedWritesAsync(olderThan, ct);
    }

    private void ThrowIfCrashed()
    {
        if (Crashed)
        {
            throw new SimulatedCrashException();
        }
    }
}

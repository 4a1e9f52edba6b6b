using Ricord.Storage;

namespace Ricord.Tests.Ingest;

/// <summary>Simulates a process that dies right after a blob write reached the store and before the catalog
/// transaction that indexes it: after <paramref name="putsBeforeCrash"/> writes, the next write completes and
/// then throws, and so does every call after it.</summary>
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

    private void ThrowIfCrashed()
    {
        if (Crashed)
        {
            throw new SimulatedCrashException();
        }
    }
}

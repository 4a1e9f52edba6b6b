namespace Ricord.Storage;

/// <summary>Immutable blobs by key (instances, quarantined originals, cached metadata, release files).
/// Keys are relative, '/'-separated, without "..".</summary>
public interface IBlobStore
{
    /// <summary>Stores the stream under <paramref name="key"/> atomically and durably: when this returns the blob
    /// is complete and survives a crash; if it throws, no blob of that key was created. Putting a key that already
    /// exists keeps the existing blob (keys name content, so the bytes are the same).</summary>
    Task PutAsync(string key, Stream content, CancellationToken ct);

    /// <summary>Starts a blob whose key will be under <paramref name="prefix"/> and is known only once its bytes are
    /// written (content addressing). Nothing is visible or durable until <see cref="StoreAsync"/>.</summary>
    Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct);

    /// <summary>Stores each draft under its key, atomically per blob (as <see cref="PutAsync"/>) and durably as a
    /// group: when this returns, every one of them is complete and survives a crash. A key that already exists
    /// keeps its blob. If it throws, some of the blobs may be stored (each whole) and others not. The caller still
    /// disposes the drafts.</summary>
    Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct);

    /// <summary>Opens a stored blob; throws <see cref="BlobNotFoundException"/> if there is none.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Deletes a blob; returns false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct);

    /// <summary>Keys that start with <paramref name="prefix"/>, in no particular order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct);

    /// <summary>Removes what writes cut off by a crash left in the store (never a stored blob); returns how many
    /// items. Something a write of a live process may still own goes only when older than
    /// <paramref name="olderThan"/>. Ingest runs it at start. A store that wraps another forwards it.</summary>
    Task<int> SweepAbandonedWritesAsync(TimeSpan olderThan, CancellationToken ct);
}

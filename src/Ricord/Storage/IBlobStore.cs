namespace Ricord.Storage;

/// <summary>Immutable blobs by key (instances, quarantined originals, cached metadata, release files).
/// Keys are relative, '/'-separated, without "..".</summary>
public interface IBlobStore
{
    /// <summary>Stores the stream under <paramref name="key"/> atomically and durably: when this returns the blob
    /// is complete and survives a crash; if it throws, no blob of that key was created. Putting a key that already
    /// exists keeps the existing blob (keys name content, so the bytes are the same).</summary>
    Task PutAsync(string key, Stream content, CancellationToken ct);

    /// <summary>Opens a stored blob; throws <see cref="BlobNotFoundException"/> if there is none.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Deletes a blob; returns false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct);

    /// <summary>Keys that start with <paramref name="prefix"/>, in no particular order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct);
}

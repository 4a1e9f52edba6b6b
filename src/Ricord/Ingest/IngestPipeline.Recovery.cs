namespace Ricord.Ingest;

/// <summary>What ingest does about what a crashed run left behind (docs/ingest.md, "What cleans up what").</summary>
public sealed partial class IngestPipeline
{
    /// <summary>Temp files older than this are taken as abandoned even when their writer may live on another host.</summary>
    private static readonly TimeSpan AbandonedWriteAge = TimeSpan.FromHours(1);

    /// <summary>Deletes an instance blob no catalog row references (checked after the failed insert, any collection).</summary>
    private async Task DeleteUnreferencedAsync(string key, string hash, CancellationToken ct)
    {
        if (!await _catalog.HasContentAsync(hash, ct).ConfigureAwait(false))
        {
            await _blobs.DeleteAsync(key, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Removes temp files that crashed writers left in the blob store and the quarantine vault, and the
    /// blobs that the intents of crashed writers name and no instance references.</summary>
    private async Task SweepAbandonedWritesAsync(CancellationToken ct)
    {
        await _catalog.SweepBlobIntentsAsync(AbandonedWriteAge, (key, t) => _blobs.DeleteAsync(key, t), ct).ConfigureAwait(false);
        await _blobs.SweepAbandonedWritesAsync(AbandonedWriteAge, ct).ConfigureAwait(false);
        _vault.SweepAbandonedWrites(AbandonedWriteAge, ct);
    }
}

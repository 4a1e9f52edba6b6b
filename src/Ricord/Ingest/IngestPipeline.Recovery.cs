namespace Ricord.Ingest;

/// <summary>What ingest does about what a crashed run left behind (docs/ingest.md, "What cleans up what").</summary>
public sealed partial class IngestPipeline
{
    /// <summary>Temp files older than this are taken as abandoned even when their writer may live on another host.</summary>
    private static readonly TimeSpan AbandonedWriteAge = TimeSpan.FromHours(1);

    /// <summary>Removes temp files that crashed writers left in the blob store and the quarantine vault, and the
    /// blobs that the intents of crashed writers name and no instance references.</summary>
    private async Task SweepAbandonedWritesAsync(CancellationToken ct)
    {
        await _catalog.SweepBlobIntentsAsync(AbandonedWriteAge, _blobs.DeleteAsync, ct).ConfigureAwait(false);
        await _blobs.SweepAbandonedWritesAsync(AbandonedWriteAge, ct).ConfigureAwait(false);
        _vault.SweepAbandonedWrites(AbandonedWriteAge, ct);
    }
}

using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>Each draft a file, renamed to its key, never fsynced (NOT durable): the cost of writing the files
/// without the cost of making them durable.</summary>
internal sealed class UnsyncedBlobStore(string root) : WriteOnlyBlobStore
{
    private int _next;

    public override Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        return Task.FromResult<BlobDraft>(new FileOnlyDraft(Path.Combine(root, $"d{Interlocked.Increment(ref _next)}.tmp")));
    }

    public override Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct)
    {
        foreach (FileOnlyDraft d in drafts)
        {
            d.Stream.Dispose();
            File.Move(d.Path, Path.Combine(root, d.Key.Replace('/', '_')), overwrite: true);
        }

        return Task.CompletedTask;
    }
}

using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>Drops every byte: the pipeline still serializes and hashes each blob, so what is left is the cost of
/// everything but storage.</summary>
internal sealed class NullBlobStore : WriteOnlyBlobStore
{
    public override Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct) => Task.FromResult<BlobDraft>(new NullDraft());

    public override Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct) => Task.CompletedTask;

    private sealed class NullDraft : BlobDraft
    {
        public override Stream Content { get; } = Stream.Null;

        protected override ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
    }
}

using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>A draft as a plain file (unbuffered, as the real store's), left to its store to sync and rename.</summary>
internal sealed class FileOnlyDraft(string path) : BlobDraft
{
    public string Path { get; } = path;

    public FileStream Stream { get; } = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);

    public override Stream Content => Stream;

    protected override ValueTask DisposeAsyncCore()
    {
        Stream.Dispose();
        return ValueTask.CompletedTask;
    }
}

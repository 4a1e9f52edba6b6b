namespace Ricord.Storage;

/// <summary>A draft spooled to a local temp file that deletes itself on close, for stores that upload whole
/// objects (S3): memory stays bounded however many drafts wait for their batch.</summary>
internal sealed class SpoolDraft : BlobDraft
{
    private readonly FileStream _stream = new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    public override Stream Content => _stream;

    /// <summary>The spooled bytes from the start, for the upload.</summary>
    public async Task<Stream> RewindAsync(CancellationToken ct)
    {
        await _stream.FlushAsync(ct).ConfigureAwait(false);
        _stream.Position = 0;
        return _stream;
    }

    protected override async ValueTask DisposeAsyncCore() => await _stream.DisposeAsync().ConfigureAwait(false);
}

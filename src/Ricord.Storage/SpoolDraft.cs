namespace Ricord.Storage;

/// <summary>A draft spooled to a local temp file that deletes itself on close, for stores that upload whole
/// objects (S3): memory stays bounded however many drafts wait for their batch.</summary>
internal sealed class SpoolDraft : BlobDraft
{
    private readonly FileStream _stream = OpenAnonymous();

    public override Stream Content => _stream;

    /// <summary>The spooled bytes from the start, for the upload.</summary>
    public async Task<Stream> RewindAsync(CancellationToken ct)
    {
        await _stream.FlushAsync(ct).ConfigureAwait(false);
        _stream.Position = 0;
        return _stream;
    }

    /// <summary>A temp file nobody else can name: on Unix its name is unlinked at once (the open stream keeps the
    /// bytes), so a killed process leaves nothing behind; Windows deletes a delete-on-close file even then.</summary>
    internal static FileStream OpenAnonymous()
    {
        var path = Path.GetTempFileName();
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        }

        // Not DeleteOnClose here: that unlinks the name again at close, which by then may be another file's.
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        File.Delete(path);
        return stream;
    }

    protected override async ValueTask DisposeAsyncCore() => await _stream.DisposeAsync().ConfigureAwait(false);
}

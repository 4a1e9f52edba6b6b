namespace Ricord.Storage;

/// <summary>A draft of <see cref="FileSystemBlobStore"/>: an unbuffered temp file in the key prefix's folder, named
/// after its host and process (<see cref="InFlightWrites"/>) so that a crash leaves only what the sweep removes.</summary>
internal sealed class FileDraft : BlobDraft
{
    private readonly FileStream _stream;
    private bool _moved;

    public FileDraft(string tempPath)
    {
        TempPath = tempPath;
        // bufferSize 0: callers buffer (or write pixel data in one piece); bytes go straight to the page cache.
        _stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
    }

    public string TempPath { get; }

    public override Stream Content => _stream;

    /// <summary>fsync of the temp file, then close: its bytes are on disk before any name points at them.</summary>
    public void SyncAndClose()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
    }

    /// <summary>Renames the temp file to <paramref name="path"/> unless a blob of that name exists already (e.g. stored
    /// by a concurrent writer of the same content): then false, and the temp file is gone. .NET checks and then
    /// renames, so two writers racing on one key may both rename; the second replaces the first's file with
    /// identical bytes that are already on disk, atomically, so readers and durability are unaffected.</summary>
    public bool MoveTo(string path)
    {
        try
        {
            File.Move(TempPath, path, overwrite: false);
            _moved = true;
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(TempPath);
            _moved = true;
            return false;
        }
    }

    protected override ValueTask DisposeAsyncCore()
    {
        _stream.Dispose();
        if (!_moved)
        {
            try
            {
                File.Delete(TempPath);
            }
            catch (IOException)
            {
                // Left for the sweep of the next ingest.
            }
        }

        return ValueTask.CompletedTask;
    }
}

namespace Ricord.Ingest;

/// <summary>
/// Disk space held back for the catalog while an ingest runs: a file of preallocated (fallocate'd, not sparse) blocks
/// in the data directory. When the disk fills, it is deleted first, so that the catalog can still index every
/// instance whose blob was stored; then ingest stops taking input and says how much it stored.
/// </summary>
public sealed class SpaceReserve(string path, long bytes = SpaceReserve.DefaultBytes)
{
    /// <summary>4 MiB: far more than the catalog's write-ahead log needs to index a few batches.</summary>
    public const long DefaultBytes = 4L << 20;

    public string Path { get; } = path;

    /// <summary>Takes the space; false when the disk has no room for it even now (ingest goes on without a reserve).</summary>
    public bool TryAcquire()
    {
        try
        {
            using var handle = File.OpenHandle(Path, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.None, preallocationSize: bytes);
            return true;
        }
        catch (IOException)
        {
            Release();
            return false;
        }
    }

    /// <summary>Gives the space back (idempotent).</summary>
    public void Release()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Best effort: a reserve that cannot be deleted frees nothing, and the catalog reports its own full disk.
        }
    }
}

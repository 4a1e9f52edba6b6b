namespace Ricord.Ingest;

/// <summary>
/// The disk under the data directory filled up during an ingest. Ingest stopped taking input there, stored and
/// indexed every instance prepared before (each is whole: blob durable, then its row), and says how much that was; a
/// re-run after freeing space stores the rest and nothing twice.
/// </summary>
public sealed class StorageFullException : IOException
{
    public StorageFullException(string where, long storedInstances, long storedBytes, Exception inner)
        : base($"no space left on the device: {where} could not be written; {storedInstances} instances ({storedBytes} bytes) were stored before", inner)
    {
        Where = where;
        StoredInstances = storedInstances;
        StoredBytes = storedBytes;
    }

    public StorageFullException()
        : this("storage", 0, 0, new IOException())
    {
    }

    public StorageFullException(string message)
        : this(message, 0, 0, new IOException())
    {
    }

    public StorageFullException(string message, Exception inner)
        : this(message, 0, 0, inner)
    {
    }

    /// <summary>What could not be written: an instance's blob, the catalog, the quarantine vault.</summary>
    public string Where { get; }

    /// <summary>Instances stored and indexed in this run before the disk filled.</summary>
    public long StoredInstances { get; }

    /// <summary>Their input size in bytes.</summary>
    public long StoredBytes { get; }
}

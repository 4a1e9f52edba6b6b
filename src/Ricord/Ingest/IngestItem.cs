namespace Ricord.Ingest;

/// <summary>
/// One input file to ingest: a file on disk or an entry of a zip archive. <see cref="SourcePath"/> may
/// itself identify the patient (sites name folders after patients), so it is only ever stored in the
/// secret quarantine area, never logged or printed; <see cref="Ordinal"/> names the item in output.
/// </summary>
public sealed class IngestItem
{
    private readonly Func<CancellationToken, Task<ItemBytes>>? _read;

    /// <summary>Bytes read ahead (a zip entry), handed to the first reader: the item does not keep them alive after.</summary>
    private ItemBytes? _readAhead;

    /// <summary>An item whose bytes come from <paramref name="read"/> (e.g. held in memory).</summary>
    public IngestItem(long ordinal, string sourcePath, long length, Func<CancellationToken, Task<byte[]>> read)
        : this(ordinal, sourcePath, length)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read = async ct => new ItemBytes(await read(ct).ConfigureAwait(false));
    }

    /// <summary>An item read ahead into <paramref name="readAhead"/> (given to the first read, then dropped), read
    /// again from its source with <paramref name="readAgain"/> if it is needed later (to quarantine it at commit).</summary>
    internal IngestItem(long ordinal, string sourcePath, ItemBytes readAhead, Func<CancellationToken, Task<ItemBytes>> readAgain)
        : this(ordinal, sourcePath, readAhead.Memory.Length)
    {
        _readAhead = readAhead;
        _read = readAgain;
    }

    private IngestItem(long ordinal, string sourcePath, long length)
    {
        Ordinal = ordinal;
        SourcePath = sourcePath;
        Length = length;
    }

    /// <summary>Position of the item in the walk over the inputs (1-based), stable for the same inputs.</summary>
    public long Ordinal { get; }

    public string SourcePath { get; }

    public long Length { get; }

    /// <summary>Set when the input could not be taken as an item (it is quarantined with this reason).</summary>
    public InputProblem? Problem { get; private init; }

    /// <summary>An item read from a file on disk, into a pooled buffer while it is processed.</summary>
    public static IngestItem FromFile(long ordinal, string path, long length) => new(ordinal, path, length);

    /// <summary>An input that could not be taken: <paramref name="keepFile"/> keeps the file's bytes in quarantine (a
    /// damaged archive, which can still be read as bytes), otherwise nothing of it is kept (it cannot be read).</summary>
    public static IngestItem Unreadable(long ordinal, string path, long length, InputProblem problem, bool keepFile) =>
        keepFile ? new(ordinal, path, length) { Problem = problem } : new(ordinal, path, length, _ => Task.FromResult(Array.Empty<byte>())) { Problem = problem };

    /// <summary>The bytes, in a buffer rented from the shared pool for a file (returned when disposed).</summary>
    internal async Task<ItemBytes> ReadPooledAsync(CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _readAhead, null) is { } ahead ? ahead
        : _read is null ? ItemBytes.ReadFile(SourcePath)
        : await _read(cancellationToken).ConfigureAwait(false);

    public override string ToString() => $"input #{Ordinal}";
}
